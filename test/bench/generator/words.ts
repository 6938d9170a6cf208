/**
 * Word lists for the synthetic workspace. Hand-written so the bench needs no network or corpus;
 * what matters for timing is realistic script mix: Persian letters (with پ چ ژ گ ی ک), ZWNJ
 * compounds, Arabic yeh/kaf spellings from legacy files, Persian digits, «» quotes, footers.
 */
const ZWNJ = '\u200c';

export const PERSIAN_WORDS = (
  'دولت مجلس وزیر شهر تهران اصفهان شیراز تبریز مشهد کرمان سمنان یزد قزوین رشت ' +
  'آب برق گاز نفت بنزین قیمت بازار بورس بانک ارز دلار ریال تومان سکه طلا ' +
  'مردم کارگر معلم دانشجو دانشگاه مدرسه بیمارستان پزشک پرستار بیمار دارو ' +
  'گزارش خبر خبرنگار رسانه روزنامه سایت تصویر ویدئو مصاحبه نشست جلسه ' +
  'امروز دیروز فردا هفته ماه سال صبح شب ساعت روز زمستان تابستان بهار پاییز ' +
  'افزایش کاهش تصمیم برنامه طرح لایحه قانون مصوبه بودجه هزینه درآمد مالیات ' +
  'گفت کرد داد شد است بود دارد کند گفته اعلام تاکید اشاره افزود ادامه ' +
  'این آن که را با از به در برای تا هم نیز اما ولی یا و پس چون اگر ' +
  'مدیر رئیس معاون سخنگو استاندار شهردار نماینده کارشناس مسئول فرماندار ' +
  'راه قطار مترو اتوبوس فرودگاه پرواز جاده ترافیک تصادف پل ساختمان ' +
  'باران برف سیل زلزله خشکسالی هوا آلودگی دما سد رودخانه دریاچه جنگل ' +
  'فوتبال تیم بازی جام لیگ مربی بازیکن ورزشگاه قهرمانی مسابقه گل ' +
  'جدید قدیم بزرگ کوچک مهم ملی محلی عمومی خصوصی دولتی بیشتر کمتر ' +
  'گچ ژاله چاپ پژوهش گفتگو کتاب کتابخانه فرهنگ هنر سینما تئاتر موسیقی'
).split(' ');

/** Compounds written with ZWNJ, as careful editors type them. */
export const ZWNJ_WORDS = ['می شود', 'می گوید', 'نمی شود', 'رئیس جمهور', 'خبرگزاری ها', 'کتاب ها', 'سال های', 'دانش آموزان', 'بین المللی', 'هم اکنون'].map((w) => w.replace(' ', ZWNJ));

/** The same words as legacy windows-1256 text often has them: Arabic yeh ي and kaf ك. */
export const ARABIC_SPELLINGS = ['رئيس', 'كشور', 'يك', 'ايران', 'كار', 'مي‌كند'];

export const ENGLISH_WORDS = (
  'the a of to and in on for with by from at as that this it is was were will has have had said ' +
  'council minister city harbour port train station school teacher students hospital water power ' +
  'price market bank report reporter statement meeting budget tax plan project law vote election ' +
  'today yesterday tomorrow week month year morning evening night rain wind storm flood drought ' +
  'new old large small public private local national more less after before during while because ' +
  'announced added told according officials residents workers company government police court ' +
  'road bridge airport flight traffic library museum theatre football team match league coach'
).split(' ');

export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export const PERSIAN_FOOTERS = ['انتهای پیام/', 'کد خبر: {n}', 'منبع: خبرگزاری', 'برچسب‌ها: اقتصاد، شهری', 'اشتراک‌گذاری در شبکه‌های اجتماعی', 'تبلیغات: خرید اقساطی لوازم خانگی'];
export const ENGLISH_FOOTERS = ['END', 'Share this article', 'Copyright © The Harbour Times', 'Tags: economy, city', 'Advertisement: subscribe for $1 a week', 'Related: more news from the port'];
export const SECTIONS = ['politics', 'economy', 'city', 'sport', 'culture', 'science', 'world', 'health'];
