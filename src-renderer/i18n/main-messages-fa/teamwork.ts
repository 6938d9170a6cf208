/** Teammates' layers: import, review, agreement, conflict copies, exports, in Persian (src-main/shared/messages/teamwork.ts). */
import type { Translation } from '../../../src-main/shared/messages/define';
import type { teamworkMessages } from '../../../src-main/shared/messages/teamwork';
import { listFa, n, toFaDigits } from './common';
import { whereFa } from './import';

const SPLIT_FA: Record<string, string> = { train: 'آموزش', dev: 'ارزیابی', test: 'آزمون' };
const names = (list: readonly string[], name: (s: string) => string) => listFa(list.map(name));
/** «records[3]» / «line 12» from the reader, in Persian. */

export const teamworkFa: Translation<typeof teamworkMessages> = {
  'shared-conflict-copy': (p, name) => {
    const what = { layer: `برچسب‌های ${name(p.annotator ?? '')} برای ${name(p.what)} (خبرِ گم‌شده نیست)`, schema: 'طرح برچسب‌ها', settings: `شیوهٔ خواندن ${name(p.what)}`, suggest: 'تنظیمات پیشنهادها', predictions: 'پیش‌بینی‌های واردشده', file: name(p.what) }[p.kind];
    const todo = p.kind === 'layer' ? `${name(p.annotator ?? '')} آن را در نمای بازبینی، زیر «نسخه‌های ناسازگار»، ادغام می‌کند (تصمیمِ تازه‌ترِ هر بند می‌ماند) و نسخه کنار گذاشته می‌شود.` : `این دو را مقایسه کنید، آنچه فقط در نسخه هست را به ${name(p.of)} بیاورید، سپس نسخه را پاک کنید.`;
    return `${name(p.path)} نسخهٔ ناسازگاری است که ${name(p.tool)} از ${what} ساخت، وقتی دو دستگاه هم‌زمان آن را تغییر دادند؛ پیلکرو فقط ${name(p.of)} را می‌خواند و نسخه را دست نمی‌زند. ${todo}`;
  },
  'import-unavailable': () => 'ورود برچسب‌ها این‌جا در دسترس نیست.',
  'import-own-layer': (p, name) => `این پرونده برچسب‌های «${name(p.name)}» را دارد که در این برنامه خود شمایید: آن را با نام دیگری وارد کنید، یا برنامه را ببندید و pilcrow import را اجرا کنید.`,
  'import-resolved': (p, name) => `${name(p.file)}: پاسخ‌های یکسان‌شده (resolved_from) دارد، نه لایهٔ یک برچسب‌زن؛ برای انتخاب لایه، نام لایه را در «وارد کردن به نام برچسب‌زن» بنویسید.`,
  'import-several-layers': (p, name) => `${name(p.file)}: لایه‌های ${names(p.layers, name)} را دارد؛ آن را بی‌انتخاب برچسب‌زن وارد کنید تا هر لایه به جای خودش برود، یا هر بار یک لایه را خروجی بگیرید.`,
  'import-bad-name': (p, name) => `${name(p.file)}: «${name(p.name)}» نمی‌تواند نام برچسب‌زن باشد (حرف، رقم، «_»، «-»، «.»؛ بدون فاصله)؛ آن را با نام دیگری وارد کنید.`,
  'import-empty': (p, name) => `${name(p.file)}: خالی است؛ چیزی برای وارد کردن نیست.`,
  'import-cut-short': (p, name) => `${name(p.file)}: JSON معتبر نیست؛ شاید ناقص مانده است. دوباره خروجی بگیرید.`,
  'import-not-export': (p, name) => `${name(p.file)}: خروجی پیلکرو نیست (فهرست «records» ندارد و خودش هم یک رکورد نیست)؛ برچسب‌ها را دوباره از پیلکرو خروجی بگیرید.`,
  'import-grew': (p, name) => `${name(p.file)}: هنگام خواندن از ${n(p.max)} بایت بزرگ‌تر شد؛ آن را تکه کنید یا دوباره خروجی بگیرید.`,
  'import-unreadable': (p, name) => `${name(p.file)}: خوانده نشد (${name(p.reason)}).`,
  'import-not-utf8': (p, name) => `${name(p.file)}: متن UTF-8 نیست؛ آن را با رمزگذاری UTF-8 ذخیره و دوباره وارد کنید.`,
  'import-bad-document': (p, name) => `${name(p.file)}: سند خروجی پیلکرو نیست (${name(p.detail)}).`,
  'import-no-records': (p, name) => `${name(p.file)}: هیچ رکوردی ندارد؛ چیزی برای وارد کردن نیست.`,
  'import-bad-line': (p, name) => `${name(p.file)}، سطر ${n(p.line)}: JSON معتبر نیست؛ آن سطر را درست یا حذف کنید، یا دوباره خروجی بگیرید.`,
  'import-bad-record': (p, name) => `${name(p.file)}، ${whereFa(p.where)}: رکورد خروجی پیلکرو نیست (${name(p.detail)})؛ چیزی وارد نشد.`,
  'import-gold-refused': (p, name) =>
    `${name(p.file)}، ${whereFa(p.where)}: چیزی وارد نشد: ${p.count === 1 ? 'یک رکورد' : `${n(p.count)} رکورد`} برای لایهٔ مرجع است (پاسخ‌های داوری‌شدهٔ بازبین‌ها که یکسان‌سازی و امتیازدهی را تعیین می‌کنند)؛ ${p.app ? 'اگر پاسخ‌های داوری‌شده‌ای است که به آن اعتماد دارید، گزینهٔ «این‌ها پاسخ‌های داوری‌شده (مرجع) هستند» را بزنید و دوباره وارد کنید.' : 'اگر به آن اعتماد دارید، دوباره با --as-gold وارد کنید.'}`,

  'unknown-annotators': (p, name) => `لایه‌ای برای ${names(p.annotators, name)} در این پوشهٔ کار نیست.`,
  'repeated-labels': (p, name) =>
    `پروندهٔ برچسب ${name(p.annotator)} برای ${name(p.article)}، ${listFa(p.labels.map((l) => `«${name(l)}»`))} را روی ${p.paragraphs === 1 ? 'یک بند' : `${n(p.paragraphs)} بند`} بیش از یک بار آورده است؛ هر برچسب یک بار شمرده می‌شود (پرونده همان‌طور می‌ماند).`,
  'replies-unread': (p, name) => {
    const what = {
      'not-utf8': 'متن UTF-8 نیست',
      'not-json': 'JSON نیست',
      header: 'باید سرآغاز {"version":1,"annotator":"…"} باشد',
      owner: 'سرآغازش برچسب‌زن دیگری جز صاحب پرونده را نام می‌برد',
      entry: 'پاسخ معتبری {"id","article","paragraph","text","at"} نیست (پاسخ ۱ تا ۱۰٬۰۰۰ نویسه است)',
      'mid-merge': 'git نشانهٔ ناسازگاری گذاشته است؛ ادغام را تمام کنید (docs/teams.md)',
      link: 'پیوند است؛ پیلکرو هیچ پیوندی را در .pilcrow/ دنبال نمی‌کند',
      special: 'پروندهٔ معمولی نیست (لوله یا دستگاه)',
      'too-large': 'از ۱۶ مگابایت بزرگ‌تر است',
    }[p.problem];
    return `${name(p.file)}${p.line ? `، سطر ${n(p.line)}` : ''}: ${what}. پاسخ‌های آن نشان داده نمی‌شود و پرونده همان‌طور ماند؛ آن را از git برگردانید (git checkout -- ${name(p.file)}) یا از نویسنده‌اش بپرسید.`;
  },
  'layer-admin': (p, name) =>
    ({
      unknown: `لایه‌ای به نام ${name(p.name)} در این پوشهٔ کار نیست.`,
      exists: `لایهٔ ${name(p.name)} از پیش هست: به‌جای آن ${p.other ? name(p.other) : 'لایه'} را در آن ادغام کنید، یا نخست آن را تغییر نام دهید یا بردارید.`,
      reserved: `${name(p.name)} این‌جا تغییرپذیر یا به‌کاربردنی نیست: «gold» لایهٔ بازبین‌هاست، و نام از حرف، رقم، «_»، «-»، «.» بی‌فاصله ساخته می‌شود.`,
      yours: `${name(p.name)} در این برنامه خود شمایید: تا وقتی با نام ${name(p.name)} برچسب می‌زنید، لایهٔ خودتان را نمی‌توان تغییر نام داد، ادغام کرد یا برداشت.`,
      same: `لایه را نمی‌توان در خودش ادغام کرد (${name(p.name)}).`,
      unreadable: `پروندهٔ برچسب ${name(p.name)} برای ${name(p.other)} خوانده نشد (اعلان را ببینید)؛ چیزی تغییر نکرد. نخست آن پرونده را درست یا بازیابی کنید.`,
      restored: `آن لایهٔ ${name(p.name)} پیش‌تر بازگردانده شده است.`,
      'no-record': `${name(p.name)} لایهٔ برداشته‌شدهٔ این پوشهٔ کار نیست.`,
    })[p.problem],
  'agreement-unknown': (p, name) => `لایه‌ای برای ${names(p.annotators, name)} در ${name(p.root)} نیست؛ برچسب‌زن‌های این‌جا: ${p.here.length ? names(p.here, name) : 'هیچ'}`,
  'agreement-too-few': (p, name) => `توافق دست‌کم دو برچسب‌زن می‌خواهد؛ ${name(p.root)} ${p.here.length ? `فقط ${names(p.here, name)} را دارد` : 'هیچ برچسب‌زنی ندارد'}.`,

  'unknown-conflict': () => 'آن نسخهٔ ناسازگار دیگر نیست؛ فهرست را تازه کنید.',
  'not-your-layer': (p, name) => `${name(p.file)} از آنِ ${name(p.owner)} است؛ فقط پیلکروی خود او آن را ادغام می‌کند.`,
  'conflict-not-json': (p, name) => `${name(p.file)} به شکل JSON خوانده نشد (${name(p.detail)})؛ همان‌جا ماند.`,
  'conflict-not-layer': (p, name) => `${name(p.file)} پروندهٔ لایهٔ پیلکرو نیست (${name(p.detail)})؛ همان‌جا ماند.`,

  'export-busy': () => 'خروجی دیگری در حال ساخت است: منتظر بمانید یا نخست آن را لغو کنید.',
  'export-cancelled': () => 'خروجی لغو شد؛ چیزی نوشته نشد.',
  'export-in-pilcrow': (p, name) =>
    `خروجی در ${name(p.file)} نوشته نمی‌شود: این‌جا درون پوشهٔ ${name(p.folder)} پوشهٔ کار است که طرح برچسب‌ها، تنظیمات و برچسب‌های همه را نگه می‌دارد. پرونده‌ای بیرون از ${name(p.folder + '/')} برگزینید، مثلاً کنار پوشهٔ کار`,
  'export-over-article': (p, name) =>
    `خروجی در ${name(p.file)} نوشته نمی‌شود: درون پوشهٔ کار، این نام یک خبر است (${name(p.article)}) و خروجی جایش را می‌گرفت یا خودش خبر خوانده می‌شد. نام دیگری (پروندهٔ .json یا .csv) یا پوشه‌ای بیرون از پوشهٔ کار برگزینید`,
  'export-target': (p, _name, say) => `${say(p.refused)}.`,
  'export-choice': (p, name) => `خروجی ممکن نیست: ${name(p.detail)}.`,
  'export-empty-split': (p) => {
    const empty = listFa(p.empty.map((s) => SPLIT_FA[s] ?? s));
    const counts = `آموزش ${n(p.counts[0] ?? 0)}، ارزیابی ${n(p.counts[1] ?? 0)}، آزمون ${n(p.counts[2] ?? 0)}`;
    const todo = p.app ? 'با این حال خروجی بگیرید، یا وزن‌ها را تغییر دهید (۰ برای بخشی که نمی‌خواهید).' : 'مقاله‌های بیشتری برچسب بزنید، وزن‌ها را تغییر دهید، یا با --allow-empty-split همین را بنویسید';
    return `تقسیم ${n(p.articles)} مقاله به نسبت ${toFaDigits(p.ratios.join('/'))}: بخش ${empty} هیچ مقاله‌ای نمی‌گیرد (${counts})؛ چیزی نوشته نشد. ${todo}`;
  },
  'export-unknown': () => 'این پنجره دیگر آن خروجی را نمی‌شناسد؛ آن را در مدیر پرونده‌ها پیدا کنید.',
  'export-gone': (p, name) => `${name(p.file)} دیگر آن‌جا نیست: پس از خروجی جابه‌جا یا پاک شده است.`,
  'export-reveal-unavailable': () => 'نمایش در پوشه این‌جا در دسترس نیست.',
};
