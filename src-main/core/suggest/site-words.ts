/**
 * Words of the page around a story: end markers, site navigation, and the commercial names a
 * footer lists. Written in search-key form (lowercase, ی and ک, ZWNJ as a space); a unit test
 * checks that. One-word entries also match with a plural or comparative suffix (cues.ts).
 */

/** A whole line that closes the story (after the key is stripped of dashes and a «/ش» code). */
export const END_MARKERS = [
  'انتهای پیام', 'انتهای خبر', 'پایان خبر', 'پایان پیام', 'پایان گزارش', 'انتهای مطلب',
  'end', 'ends', 'the end', 'end of story', 'end of article', 'end of report', 'end of transmission',
];

/** Section names and links a news site prints around every story. */
export const NAVIGATION_WORDS = [
  // Persian
  'اخبار', 'خبر', 'پربیننده', 'پربازدید', 'پرخواننده', 'آخرین', 'روز', 'استان', 'ورزشی', 'ورزش', 'اقتصادی', 'اقتصاد',
  'سیاسی', 'فرهنگی', 'اجتماعی', 'بین الملل', 'عکس', 'ویدیو', 'ویدئو', 'فیلم', 'گزارش', 'هواشناسی',
  'قیمت', 'فال', 'طالع', 'آگهی', 'نیازمندی', 'تبلیغات', 'تماس', 'درباره', 'صفحه', 'آرشیو', 'جستجو', 'عضویت',
  'خبرنامه', 'اشتراک', 'مرتبط', 'ارتباط', 'پیوند', 'لینک', 'برچسب', 'سرویس', 'نقشه سایت', 'مطالب', 'یادداشت',
  'دیدگاه', 'نظرات', 'چندرسانه', 'پادکست', 'اینفوگرافیک', 'گالری', 'ورود', 'بورس', 'اوقات شرعی', 'جدول',
  'منبع', 'کد خبر', 'کپی', 'حقوق', 'نشانی',
  // English
  'news', 'latest', 'most read', 'popular', 'trending', 'weather', 'sport', 'business', 'politics', 'opinion',
  'culture', 'world', 'local', 'home', 'contact', 'about us', 'subscribe', 'newsletter', 'related', 'archive',
  'search', 'login', 'log in', 'sign in', 'register', 'privacy', 'terms', 'cookies', 'video', 'photos', 'gallery',
  'podcast', 'share', 'follow us', 'menu', 'sitemap', 'advertise', 'rss', 'top stories', 'comments', 'tags',
  'lifestyle', 'obituaries', 'puzzles', 'crosswords', 'horoscope', 'classifieds', 'jobs', 'letters', 'editorial',
  'copyright', 'all rights reserved', 'source',
];

/** A line that starts like this is a link to other site content. */
export const NAVIGATION_PREFIXES = [
  'related', 'read more', 'see also', 'also read', 'you may also like', 'recommended', 'most read',
  'مطالب مرتبط', 'اخبار مرتبط', 'خبرهای مرتبط', 'بیشتر بخوانید', 'بخوانید', 'ببینید', 'همچنین بخوانید', 'پیشنهاد ما',
];

/** A line that starts like this is paid content wherever it stands. */
export const SPONSOR_PREFIXES = [
  'sponsored', 'advertisement', 'advertising feature', 'promoted', 'paid content', 'paid post', 'partner content',
  'رپرتاژ', 'رپورتاژ', 'آگهی تبلیغاتی', 'تبلیغ', 'تبلیغات', 'محتوای حمایت شده', 'پیام بازرگانی',
];

/** Kinds of business, product and offer that sponsor lines name. */
export const COMMERCIAL_WORDS = [
  // Persian
  'بانک', 'بیمه', 'فروشگاه', 'فروش', 'خرید', 'تخفیف', 'حراج', 'آژانس', 'آموزشگاه', 'لوازم', 'هتل', 'تور', 'بلیط',
  'بلیت', 'رستوران', 'پیتزا', 'فست فود', 'کافه', 'کلینیک', 'دندانپزشکی', 'زیبایی', 'املاک', 'مشاوره', 'اجاره',
  'نمایندگی', 'اقساط', 'وام', 'کد تخفیف', 'سفارش آنلاین', 'ارسال رایگان', 'پوشاک', 'مبلمان', 'موبایل', 'گوشی',
  'لپ تاپ', 'لاستیک', 'شرکت', 'صنایع', 'محصولات', 'برند', 'کالا', 'اپلیکیشن', 'خدمات', 'بازرگانی', 'فروشگاه اینترنتی',
  // English
  'buy', 'shop', 'shopping', 'store', 'sale', 'discount', 'offer', 'deal', 'coupon', 'insurance', 'bank', 'banking',
  'loan', 'mortgage', 'hotel', 'flight', 'ticket', 'agency', 'clinic', 'dental', 'restaurant', 'pizza', 'cafe',
  'realty', 'real estate', 'appliances', 'furniture', 'fashion', 'outlet', 'ltd', 'inc', 'llc', 'promo', 'order now',
];
