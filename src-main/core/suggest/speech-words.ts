/**
 * Words of reported speech and of checkable figures, Persian and English, in search-key form
 * (a unit test checks that). One-word entries also match with a plural or comparative suffix.
 */

/** Verbs of saying: direct or reported speech follows or precedes them. */
export const SAYING_VERBS = [
  // Persian: past and present forms, with and without the joined می
  'گفت', 'گفتند', 'گفته است', 'می گوید', 'می گویند', 'میگوید', 'میگویند', 'افزود', 'افزودند', 'اظهار داشت',
  'اظهار داشتند', 'اظهار کرد', 'تصریح کرد', 'تصریح کردند', 'بیان کرد', 'بیان داشت', 'بیان کردند', 'تاکید کرد',
  'تأکید کرد', 'تاکید کردند', 'تأکید کردند', 'عنوان کرد', 'عنوان داشت', 'خاطرنشان کرد', 'خاطر نشان کرد', 'یادآور شد',
  'یادآوری کرد', 'ادامه داد', 'اعلام کرد', 'اعلام کردند', 'خبر داد', 'خبر دادند', 'توضیح داد', 'اشاره کرد',
  'اذعان کرد', 'هشدار داد', 'پاسخ داد', 'اضافه کرد', 'ابراز کرد', 'ابراز داشت', 'مطرح کرد', 'خواستار شد',
  // English
  'said', 'says', 'told', 'added', 'stated', 'announced', 'claimed', 'warned', 'explained', 'noted', 'insisted',
  'argued', 'asserted', 'acknowledged', 'admitted', 'confirmed', 'denied', 'declared', 'remarked', 'replied',
];

/** Attribution without a verb of saying: whose words these are. */
export const ATTRIBUTIONS = [
  'به گفته', 'به نقل از', 'از قول', 'با بیان اینکه', 'با بیان این که', 'با اشاره به اینکه', 'با اشاره به این که', 'به اعتقاد', 'به باور', 'از نگاه',
  'according to', 'in a statement', 'quoted as saying',
];

/** Attributed belief: weaker than speech, still someone's view rather than the paper's. */
export const OPINIONS = ['معتقد است', 'معتقدند', 'معتقد بود', 'عقیده دارد', 'بر این باور است', 'باور دارد', 'believes', 'believe that', 'is convinced', 'are convinced'];

/** Number words (not «یک»/"one", which are also articles, nor «نه», which is also "no"). */
export const NUMBER_WORDS = [
  'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'ده', 'یازده', 'دوازده', 'بیست', 'سی', 'چهل', 'پنجاه', 'صد', 'هزار',
  'میلیون', 'میلیارد', 'نیم', 'دوبرابر',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty',
  'hundred', 'thousand', 'million', 'billion', 'half', 'twice', 'double', 'dozen',
];

export const PERCENT_WORDS = ['درصد', 'درصدی', 'percent', 'per cent'];

/** Units and the words of statistics: a number with one of these is a figure someone can check. */
export const STATISTICS_WORDS = [
  'میلیون', 'میلیارد', 'هزار', 'کیلومتر', 'متر', 'مترمکعب', 'متر مربع', 'لیتر', 'ریال', 'تومان', 'دلار', 'یورو', 'تن',
  'هکتار', 'نفر', 'سرانه', 'میانگین', 'آمار', 'نرخ', 'رشد', 'کاهش', 'افزایش', 'برابر', 'ظرفیت',
  'million', 'billion', 'thousand', 'dollars', 'pounds', 'euros', 'km', 'kilometres', 'kilometers', 'tonnes', 'people',
  'homes', 'average', 'rate', 'statistics', 'figures', 'rose', 'fell', 'increased', 'decreased', 'grew', 'cut',
  'doubled', 'per capita', 'capacity',
];

/** Comparisons: with a number they are a checkable claim; alone they are often rhetoric. */
export const COMPARATIVES = [
  'بیش از', 'کمتر از', 'بیشتر از', 'بالاتر از', 'پایین تر از', 'زودتر از', 'دیرتر از', 'نسبت به', 'ترین',
  'more than', 'less than', 'fewer than', 'higher than', 'lower than', 'earlier than', 'later than', 'largest',
  'biggest', 'highest', 'lowest', 'fastest', 'smallest', 'record',
];

export const DATE_WORDS = [
  // Not تیر, مهر or دی: as words they are also «shot», «seal» and a syllable of names.
  'فروردین', 'اردیبهشت', 'خرداد', 'مرداد', 'شهریور', 'آبان', 'آذر', 'بهمن', 'اسفند',
  'شنبه', 'یکشنبه', 'دوشنبه', 'سه شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'امسال', 'سال گذشته', 'سال آینده',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last year', 'next month', 'next year',
];
