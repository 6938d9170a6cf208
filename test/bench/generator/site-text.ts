/**
 * The text of one imagined Persian news site, «خبرگزاری آفتاب», for measuring the learned
 * suggester (docs/suggestions.md): paragraphs built from hand-written templates with slots
 * (officials, places, topics, projects, figures), each template of one kind that decides the
 * labels an editor following our labelling rules would give it. Written for this project;
 * templates, not real reporting, which is what the figures measured on it must be read as.
 */
import type { Prng } from './prng';

export type SiteKind =
  | 'chrome' // the site's own lines: navigation, date, code, captions, tags, related links, end marker
  | 'ad'
  | 'title'
  | 'title-figure'
  | 'lead'
  | 'quote'
  | 'quote-figure'
  | 'figure'
  | 'event'
  | 'background'
  | 'rhetoric'
  | 'plan'
  | 'question';

/** What a careful editor labels each kind (our rules: docs/suggestions.md, "Measured"). */
export const LABELS_OF_KIND: Record<SiteKind, string[]> = {
  chrome: ['boilerplate'],
  ad: ['ad'],
  title: [],
  'title-figure': ['claim'],
  lead: ['claim'],
  quote: ['quote'],
  'quote-figure': ['quote', 'claim'],
  figure: ['claim'],
  event: ['claim'],
  background: [],
  rhetoric: [],
  plan: [],
  question: [],
};

export interface SiteLine {
  text: string;
  kind: SiteKind;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ZWNJ = '\u200c';

const ROLES = [
  'وزیر نیرو', 'وزیر راه و شهرسازی', 'استاندار تهران', 'شهردار تبریز', 'رئیس سازمان حفاظت محیط زیست', 'معاون وزیر بهداشت',
  'سخنگوی دولت', 'مدیرعامل شرکت آب و فاضلاب استان', 'رئیس پلیس راهور', 'دبیر انجمن صنفی نانوایان', 'رئیس دانشگاه علوم پزشکی شیراز',
  'نماینده مردم اصفهان در مجلس', 'مدیرکل هواشناسی استان', 'رئیس اتاق بازرگانی', 'عضو شورای شهر مشهد', 'فرماندار کرج',
];
const NAMES = ['محمد رضایی', 'زهرا کریمی', 'حسین احمدی', 'مریم حسینی', 'علی محمدی', 'فاطمه موسوی', 'رضا جعفری', 'سارا قاسمی', 'مهدی صادقی', 'نرگس رحیمی', 'امیر نوری', 'لیلا کاظمی'];
const PLACES = ['تهران', 'مشهد', 'اصفهان', 'شیراز', 'تبریز', 'کرج', 'اهواز', 'رشت', 'یزد', 'کرمان', 'همدان', 'سمنان'];
const WEEKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه'];
const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const BRANDS = ['نوین', 'پارسیان', 'آسمان', 'ستاره', 'مهرگان', 'آرمان', 'سپهر', 'کیان', 'البرز', 'آوا'];
const DESKS = ['ح', 'م', 'الف', 'ش', 'ک', 'ر'];

interface Topic {
  subject: string;
  unit: string;
  project: string;
  org: string;
  issue: string;
  tags: string[];
}

const TOPICS: Topic[] = [
  { subject: 'حجم ذخایر سدهای استان', unit: 'میلیون مترمکعب', project: 'خط دوم انتقال آب', org: 'شرکت آب منطقه‌ای', issue: 'کم‌آبی', tags: ['آب', 'سد', 'خشکسالی'] },
  { subject: 'شمار مسافران مترو', unit: 'هزار نفر', project: 'خط هفت مترو', org: 'شرکت بهره‌برداری مترو', issue: 'ترافیک', tags: ['مترو', 'حمل و نقل', 'ترافیک'] },
  { subject: 'شمار مراجعان بیمارستان‌ها', unit: 'نفر', project: 'بیمارستان پانصد تختخوابی', org: 'دانشگاه علوم پزشکی', issue: 'کمبود دارو', tags: ['سلامت', 'دارو', 'بیمارستان'] },
  { subject: 'میانگین قیمت مسکن', unit: 'میلیون تومان', project: 'طرح نهضت ملی مسکن', org: 'وزارت راه و شهرسازی', issue: 'گرانی مسکن', tags: ['مسکن', 'اقتصاد', 'اجاره'] },
  { subject: 'شمار دانش‌آموزان استان', unit: 'هزار نفر', project: 'طرح مدرسه‌سازی', org: 'اداره کل آموزش و پرورش', issue: 'کمبود معلم', tags: ['آموزش', 'مدرسه', 'معلمان'] },
  { subject: 'شمار روزهای آلوده', unit: 'روز', project: 'طرح پایش کیفیت هوا', org: 'اداره کل حفاظت محیط زیست', issue: 'آلودگی هوا', tags: ['محیط زیست', 'آلودگی هوا'] },
  { subject: 'اوج مصرف برق', unit: 'مگاوات', project: 'نیروگاه خورشیدی', org: 'شرکت توزیع نیروی برق', issue: 'خاموشی', tags: ['برق', 'انرژی', 'خاموشی'] },
  { subject: 'شمار بازدیدکنندگان نمایشگاه کتاب', unit: 'هزار نفر', project: 'نمایشگاه بین‌المللی کتاب', org: 'وزارت فرهنگ و ارشاد اسلامی', issue: 'گرانی کاغذ', tags: ['کتاب', 'فرهنگ', 'نشر'] },
];

function persian(n: number): string {
  return [...String(n)].map((d) => PERSIAN_DIGITS[Number(d)] ?? d).join('');
}

/** A figure as sites print them: mostly Persian digits, sometimes Latin (a scraper's or an editor's habit). */
function number(rng: Prng, min: number, max: number): string {
  const n = rng.int(min, max);
  return rng.chance(0.8) ? persian(n) : String(n);
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? `{${key}}`);
}

/** Some scrapes lose the ZWNJ: «می‌شود» comes out «میشود» or «می شود». */
function scrape(rng: Prng, text: string, lossy: boolean): string {
  if (!lossy) return text;
  return text.replaceAll(ZWNJ, rng.chance(0.5) ? '' : ' ');
}

const SPEECH = [
  'اگر {issue} جدی گرفته نشود، در ماه‌های آینده با مشکلی بزرگ‌تر روبه‌رو خواهیم شد',
  'ما همه توان خود را برای اجرای {project} به کار گرفته‌ایم',
  'مردم باید در کنار ما باشند تا {issue} مدیریت شود',
  'این طرح تا پایان سال به نتیجه می‌رسد و مردم تفاوت را احساس خواهند کرد',
  'هیچ دستگاهی به تنهایی نمی‌تواند مشکل {issue} را حل کند',
  'از همه شهروندان {place} می‌خواهیم در این مسیر همراه ما باشند',
  'تصمیم‌های سختی پیش روست و باید با صداقت با مردم سخن بگوییم',
  'کار {project} را با جدیت دنبال می‌کنیم و عقب‌نشینی نخواهیم کرد',
];
const SPEECH_FIGURE = [
  '{subject} نسبت به سال گذشته {n} درصد تغییر کرده است',
  'برای {project} بیش از {n} میلیارد تومان اعتبار در نظر گرفته شده است',
  'تا امروز {n} {unit} به {subject} افزوده شده است',
  'سهم {place} از این اعتبار {n} میلیارد تومان است',
];
const DIRECT = [
  '{person} در نشست خبری روز {weekday} گفت: «{speech}.»',
  '{person} در گفت‌وگو با خبرنگار آفتاب اظهار داشت: «{speech}.»',
  'وی افزود: «{speech}.»',
  '«{speech}»؛ این را {person} در حاشیه بازدید از {project} گفت.',
  '{name}، {role}، تأکید کرد: «{speech}.»',
  '{person} در واکنش به این گزارش نوشت: «{speech}.»',
  '«{speech}.»',
  'او در ادامه گفت: «{speech}.»',
];
const CLAUSE = [
  'اجرای {project} با تأخیر روبه‌رو نخواهد شد',
  'مشکل {issue} در {place} باید با همکاری همه دستگاه‌ها حل شود',
  'دولت برای حل مشکل {issue} برنامه‌ای جدی دارد',
  'بخش خصوصی باید در {project} مشارکت کند',
  'شهروندان نباید نگران {issue} باشند',
  'تصمیم نهایی درباره {project} به زودی گرفته می‌شود',
];
const REPORTED = [
  '{person} با اشاره به {issue} گفت که {clause}.',
  'به گفته {person}، {clause}.',
  '{person} خاطرنشان کرد {clause}.',
  'از دید {person}، {clause}.',
  'به تعبیر {person}، {clause}.',
  '{person} بر این نکته انگشت گذاشت که {clause}.',
  '{person} در ادامه سخنانش یادآوری کرد که {clause}.',
  '{name} که پیش از این {role} بود، معتقد است {clause}.',
];
const FIGURES = [
  'بر اساس آمار رسمی، {subject} در {place} به {n} {unit} رسیده است.',
  '{subject} در {month} امسال نسبت به مدت مشابه سال گذشته {p} درصد {change} داشته است.',
  'هزینه اجرای {project} حدود {n} میلیارد تومان برآورد شده است.',
  'تاکنون {p} درصد از عملیات {project} به پایان رسیده است.',
  'این رقم در سال ۱۴۰۱ حدود {n} {unit} بود.',
  '{subject} در هفته گذشته به {n} {unit} رسید که بالاترین رقم پنج سال اخیر است.',
  'از مجموع {n} طرح مصوب، تنها {k} طرح به بهره‌برداری رسیده است.',
];
const EVENTS = [
  'قرارداد اجرای {project} روز {weekday} میان {org} و یک شرکت خصوصی امضا شد.',
  '{project} در {place} با حضور {person} افتتاح شد.',
  'عملیات اجرایی {project} از هفته گذشته در {place} آغاز شده است.',
  '{org} پیش از این مجوز {project} را صادر کرده بود.',
  'این طرح سال گذشته در فهرست طرح‌های اولویت‌دار دولت قرار گرفت.',
  'نخستین جلسه رسیدگی به پرونده {project} در دادگاه {place} برگزار شد.',
  'مدیرکل پیشین {org} به دلیل تخلف در {project} برکنار شد.',
  '{org} در نامه‌ای رسمی خواستار توقف {project} در {place} شد.',
];
const BACKGROUND = [
  'این موضوع در ماه‌های اخیر واکنش‌های متفاوتی را در میان مردم {place} به دنبال داشته است.',
  'بسیاری از شهروندان {place} نگران {issue} هستند.',
  'پیگیری‌ها برای روشن شدن ابعاد این موضوع ادامه دارد.',
  'ساکنان محله‌های جنوبی {place} این روزها بیش از همیشه با {issue} دست و پنجه نرم می‌کنند.',
  'این خبر در شبکه‌های اجتماعی بازتاب گسترده‌ای داشت.',
  '{issue} در {place} موضوعی است که بارها درباره آن سخن گفته شده است.',
];
const RHETORIC = [
  '{issue} یکی از مهم‌ترین دغدغه‌های ساکنان {place} است.',
  'در این میان، نقش مردم در کاهش {issue} پررنگ‌تر از همیشه است.',
  'شاید هیچ مسئله‌ای به اندازه {issue} زندگی روزمره مردم را تحت تأثیر قرار نداده باشد.',
];
const PLANS = [
  'قرار است جزئیات بیشتری از {project} در روزهای آینده اعلام شود.',
  'برنامه‌ریزی برای مرحله دوم {project} در دست انجام است.',
  '{org} در نظر دارد دامنه {project} را به شهرهای دیگر نیز گسترش دهد.',
];
const QUESTIONS = ['آیا {project} می‌تواند مشکل {issue} را حل کند؟', 'چه کسی پاسخگوی {issue} در {place} است؟'];
const LEADS = [
  'به گزارش خبرگزاری آفتاب از {place}، {project} وارد مرحله تازه‌ای شد.',
  'به گزارش خبرگزاری آفتاب، {subject} در {place} از مرز {n} {unit} گذشت.',
  'به گزارش خبرنگار آفتاب در {place}، {org} فهرست تازه‌ای از طرح‌های نیمه‌تمام را منتشر کرد.',
  'به گزارش آفتاب، نخستین مرحله {project} روز {weekday} در {place} به پایان رسید.',
];
const TITLES = ['{project}؛ امیدها و نگرانی‌ها', 'نگرانی از {issue} در {place}', 'واکنش‌ها به {project} ادامه دارد', 'آینده {project} در هاله‌ای از ابهام'];
const FIGURE_TITLES = ['{subject} در {place} {p} درصد {change} یافت', 'اعتبار {n} میلیاردی برای {project}'];

const NAV_LINE = 'صفحه اصلی | سیاسی | اقتصادی | اجتماعی | فرهنگی | ورزشی | استان‌ها';
const SHARE_LINE = 'اشتراک‌گذاری در: تلگرام | واتس‌اپ | ایکس';
const COPYRIGHT = 'کلیه حقوق مادی و معنوی این سایت متعلق به خبرگزاری آفتاب است.';
const FOLLOW = 'ما را در شبکه‌های اجتماعی دنبال کنید';
const ADS = [
  'بیمه {brand}؛ آرامش خاطر خانواده شما',
  'خرید اقساطی گوشی از فروشگاه {brand}',
  '{brand}، همراه همیشگی لحظه‌های شما در سفر',
  'رپرتاژ: با {brand} هر روز یک قدم به خانه رویایی نزدیک‌تر شوید',
  'تور {place} با تخفیف ویژه در آژانس {brand}',
  'آموزشگاه زبان {brand}؛ ثبت‌نام ترم تابستان آغاز شد',
  'ساعت‌های {brand}، انتخاب اول حرفه‌ای‌ها',
];

export interface SitePick {
  topic: Topic;
  place: string;
  role: string;
  name: string;
}

function slots(rng: Prng, pick: SitePick): Record<string, string> {
  const personRoll = rng.next();
  const person = personRoll < 0.5 ? pick.role : personRoll < 0.8 ? `${pick.role}، ${pick.name}،` : pick.name;
  const { tags: _tags, ...topic } = pick.topic;
  const base: Record<string, string> = {
    ...topic,
    place: pick.place,
    role: pick.role,
    name: pick.name,
    person,
    weekday: rng.pick(WEEKDAYS),
    month: rng.pick(MONTHS),
    n: number(rng, 12, 9800),
    k: number(rng, 2, 11),
    p: number(rng, 3, 60),
    change: rng.chance(0.5) ? 'افزایش' : 'کاهش',
    brand: rng.pick(BRANDS),
  };
  base.speech = fill(rng.pick(SPEECH), base);
  base.clause = fill(rng.pick(CLAUSE), base);
  return base;
}

function line(rng: Prng, pick: SitePick, kind: SiteKind, templates: readonly string[], extra: Record<string, string> = {}): SiteLine {
  const s = { ...slots(rng, pick), ...extra };
  return { text: fill(rng.pick(templates), s).replace(/،،/g, '،'), kind };
}

function storyLine(rng: Prng, pick: SitePick): SiteLine {
  const roll = rng.next();
  if (roll < 0.14) return line(rng, pick, 'quote', DIRECT);
  if (roll < 0.2) {
    const s = slots(rng, pick);
    return { text: fill(rng.pick(DIRECT), { ...s, speech: fill(rng.pick(SPEECH_FIGURE), s) }).replace(/،،/g, '،'), kind: 'quote-figure' };
  }
  if (roll < 0.33) return line(rng, pick, 'quote', REPORTED);
  if (roll < 0.5) return line(rng, pick, 'figure', FIGURES);
  if (roll < 0.63) return line(rng, pick, 'event', EVENTS);
  if (roll < 0.78) return line(rng, pick, 'background', BACKGROUND);
  if (roll < 0.85) return line(rng, pick, 'rhetoric', RHETORIC);
  if (roll < 0.91) return line(rng, pick, 'plan', PLANS);
  if (roll < 0.94) return line(rng, pick, 'question', QUESTIONS);
  if (roll < 0.97) return { text: `عکس: ${rng.pick(NAMES)} / آفتاب`, kind: 'chrome' };
  return { text: `بیشتر بخوانید: ${headline(rng)}`, kind: 'chrome' };
}

/** Another story's title, as related links print them. */
function headline(rng: Prng): string {
  const pick = { topic: rng.pick(TOPICS), place: rng.pick(PLACES), role: rng.pick(ROLES), name: rng.pick(NAMES) };
  const s = slots(rng, pick);
  return fill(rng.pick([...TITLES, ...FIGURE_TITLES]), s);
}

/** One article of the site: the page's top lines, the story (`body` paragraphs after the lead), the end marker and the footer. */
export function siteArticle(rng: Prng, body: readonly [number, number] = [5, 14]): SiteLine[] {
  const pick: SitePick = { topic: rng.pick(TOPICS), place: rng.pick(PLACES), role: rng.pick(ROLES), name: rng.pick(NAMES) };
  const lossy = rng.chance(0.3);
  const lines: SiteLine[] = [];
  const s = slots(rng, pick);
  const figureTitle = rng.chance(0.4);
  lines.push({ text: fill(rng.pick(figureTitle ? FIGURE_TITLES : TITLES), s), kind: figureTitle ? 'title-figure' : 'title' });
  if (rng.chance(0.5)) lines.push({ text: NAV_LINE, kind: 'chrome' });
  if (rng.chance(0.5)) lines.push({ text: `امروز ${rng.pick(WEEKDAYS)} ${persian(rng.int(1, 30))} ${rng.pick(MONTHS)} ۱۴۰۳`, kind: 'chrome' });
  if (rng.chance(0.4)) lines.push({ text: `کد خبر: ${persian(rng.int(100_000, 999_999))} | زمان مطالعه: ${persian(rng.int(2, 9))} دقیقه`, kind: 'chrome' });
  lines.push(line(rng, pick, 'lead', LEADS));
  for (let i = rng.int(body[0], body[1]); i > 0; i--) lines.push(storyLine(rng, pick));
  if (rng.chance(0.9)) lines.push({ text: `انتهای پیام/${rng.pick(DESKS)}`, kind: 'chrome' });
  if (rng.chance(0.7)) lines.push({ text: `برچسب‌ها: ${pick.topic.tags.join('، ')}، ${pick.place}`, kind: 'chrome' });
  if (rng.chance(0.5)) lines.push({ text: `لینک کوتاه: aftab.ir/x${rng.int(1000, 99_999)}`, kind: 'chrome' });
  if (rng.chance(0.5)) {
    lines.push({ text: 'اخبار مرتبط', kind: 'chrome' });
    for (let i = rng.int(2, 4); i > 0; i--) lines.push({ text: headline(rng), kind: 'chrome' });
  }
  if (rng.chance(0.6)) lines.push({ text: SHARE_LINE, kind: 'chrome' });
  for (let i = rng.int(0, 3); i > 0; i--) lines.push({ text: fill(rng.pick(ADS), slots(rng, pick)), kind: 'ad' });
  if (rng.chance(0.5)) lines.push({ text: FOLLOW, kind: 'chrome' });
  if (rng.chance(0.7)) lines.push({ text: COPYRIGHT, kind: 'chrome' });
  return lines.map((l) => ({ ...l, text: scrape(rng, l.text, lossy) }));
}
