/** What the import readers say, in Persian (src-main/shared/messages/import.ts). */
import type { Translation } from '../../../src-main/shared/messages/define';
import type { importMessages } from '../../../src-main/shared/messages/import';
import type { ImportFormat } from '../../../src-main/shared/contract/import';
import { listFa, n, toFaDigits } from './common';

const FORMAT_FA: Record<ImportFormat, string> = {
  pilcrow: 'خروجی پیلکرو',
  jsonl: 'رکوردهای سادهٔ JSON',
  csv: 'CSV',
  'label-studio': 'خروجی Label Studio',
  doccano: 'خروجی doccano',
  prodigy: 'خروجی Prodigy',
};
/** «line 12», «[3]», «records[3]», «line 4, paragraph 2» from the reader, in Persian. */
export const whereFa = (where: string) =>
  toFaDigits(where.replace(/^line (\d+)/, 'سطر $1').replace(/, paragraph (\d+)/, '، بند $1').replace(/^records\[(\d+)\]$/, 'رکورد $1').replace(/^\[(\d+)\]$/, 'مورد $1').replace(/^the file$/, 'پرونده'));
/** How `field-type` names the type zod expected. */
const TYPE_FA: Record<string, string> = { string: 'متن', number: 'عدد', boolean: 'true یا false', array: 'فهرست', object: 'شیء', null: 'null' };
const SEGMENT_FA = '`pilcrow segment FILE --json` شناسهٔ هر بند را چاپ می‌کند';

export const importFa: Translation<typeof importMessages> = {
  'import-record-refused': (p, name, say) => `${name(p.file)}، ${whereFa(p.where)} (خوانده‌شده به‌عنوان ${FORMAT_FA[p.format]}): ${say(p.problem)}؛ چیزی وارد نشد.`,
  'import-not-object': (p, name) => `${p.list ? 'یک فهرست' : name(p.value)} است، نه یک رکورد (شیء JSON)`,
  'import-not-label-studio': () => 'کار Label Studio نیست («data» با «annotations» ندارد) و سطر JSON-MIN هم نیست («annotation_id» ندارد)؛ پروژه را دوباره به قالب JSON یا JSON-MIN خروجی بگیرید',
  'import-no-fields': (p, name) =>
    `هیچ‌یک از فیلدهای رکورد (${listFa(p.fields.map(name))}) را ندارد؛ فیلدهایش: ${p.has.length ? listFa(p.has.map(name)) : 'هیچ'}. خروجی پیلکرو، رکوردهایی با این فیلدها، یا خروجی Label Studio، doccano یا Prodigy را وارد کنید`,
  'import-no-annotator': () => 'annotator ندارد؛ نام لایه را در «وارد کردن به نام برچسب‌زن» بنویسید (در خط فرمان: --annotator NAME)، یا به هر رکورد «annotator» بیفزایید',
  'import-no-labels': () => 'labels ندارد؛ «labels» را به شکل فهرستی از نام برچسب‌ها بیفزایید (اگر هیچ برچسبی نمی‌خورد: [])، یا در CSV ستون‌های ۰/۱ «label:NAME»',
  'import-bad-paragraph-id': () => `paragraph_id شناسهٔ بند پیلکرو نیست (p و ۱۱ حرف یا رقم، مانند p0rwnzi23xue)؛ آن را بردارید تا با متن جور شود، یا شناسه را بگیرید: ${SEGMENT_FA}`,
  'import-no-paragraph': () => `paragraph_id ندارد و text و paragraph هم ندارد: paragraph_id (${SEGMENT_FA})، متن بند، یا جایگاه آن از ۰ را به‌عنوان paragraph بیفزایید`,
  'import-bad-field': (p, name, say) => `فیلد ${name(p.field)} نادرست است: ${say(p.problem)}`,
  'import-id-mismatch': (p, name) => `paragraph_id ${name(p.id)} شناسهٔ متن همین رکورد نیست (شناسهٔ آن متن ${name(p.own)} است)؛ paragraph_id را بردارید تا با متن جور شود، یا شناسه را بگیرید: ${SEGMENT_FA}`,
  'import-csv-unclosed': (p, name) => `${name(p.file)}، سطر ${n(p.line)}: خانه‌ای که با گیومه باز شده هرگز بسته نمی‌شود؛ شاید پرونده ناقص مانده است.`,
  'import-all-skipped': (p, name, say) => `${name(p.file)}: رکوردی برای وارد کردن ندارد (${n(p.skipped)} مورد کنار گذاشته شد: ${whereFa(p.where)}: ${say(p.reason)}${p.skipped > 1 ? '، …' : ''})؛ چیزی برای وارد کردن نیست.`,
  'import-no-article': (p, name, say) =>
    `${name(p.file)}، ${whereFa(p.where)}: چیزی وارد نشد: ${n(p.count)} رکورد خبری را نام نمی‌برد و متنش در هیچ خبری پیدا نشد (${say(p.reason)})؛ «article» (مسیر خبر درون پوشهٔ کار) را به آن بیفزایید، یا همه را با پیش‌نمایش ببینید.`,
  'field-type': (p) => `باید ${TYPE_FA[p.expected] ?? p.expected} باشد`,
  'field-empty': () => 'نباید خالی باشد',
  'field-minimum': (p) => `باید ${n(p.minimum)} یا بیشتر باشد`,
  'field-too-long': (p) => `از ${n(p.maximum)} نویسه بلندتر است`,
  'field-one-of': (p, name) => `باید یکی از این‌ها باشد: ${listFa(p.values.map(name))}`,
  'field-relative-path': () => 'باید مسیری درون پوشهٔ کار باشد، مانند fa/news.txt (بی «..» و بی «/» در آغاز)',
  'field-label-twice': (p, name) => `«${name(p.label)}» دو بار آمده است`,
  'field-time-format': (p, name) => `باید تاریخ و ساعت با اختلاف ساعتش باشد، مانند 2026-11-27T10:02:11Z یا 2026-11-27T13:32:11+03:30 (آمده: «${name(p.got)}»)`,
  'field-time-future': (p, name) => `در آینده است (${name(p.time)}؛ ساعت این رایانه ${name(p.now)} است و تا ۲۴ ساعت جلوتر برای ساعت رایانه‌ای دیگر پذیرفته می‌شود)`,
  'field-time-missing': () => 'ندارد؛ هر تصمیم، یادداشت یا پرچم به زمانی که گرفته شده نیاز دارد',
  'field-article-missing': () => 'ندارد: مسیر خبر درون پوشهٔ کار (fa/news.txt) را بیفزایید، یا متن بند را تا در هر خبری پیدا شود',
  'field-invalid': (p, name) => `پذیرفته نیست (${name(p.detail)})`,
  'match-no-id': (p, name) => `بندی با شناسهٔ ${name(p.id)} در ${name(p.article)} نیست و رکورد متنی ندارد که با آن پیدا شود`,
  'match-no-position': (p, name) => `${name(p.article)} ${n(p.count)} بند دارد؛ بند ${n(p.position)} در آن نیست`,
  'match-text-not-found': (p, name) => `متنش در ${name(p.article)} نیست (با یکسان‌گرفتن حروف عربی و فارسی، رقم‌ها، نیم‌فاصله و فاصله‌ها مقایسه شد)`,
  'match-gone': (p) =>
    p.best === null
      ? 'بندش از پرونده رفته است و رونوشتی از متنش نگه داشته نشده بود تا جست‌وجو شود'
      : `بندش از پرونده رفته است (شبیه‌ترین بند کنونی ${n(p.best)}٪ همانند است؛ ${n(p.needed)}٪ لازم است)`,
  'match-no-article': (p, name) => `خبری به نام ${name(p.article)} در این پوشهٔ کار نیست`,
  'match-unreadable': (p, name, say) => `خبر خوانده نشد: ${say(p.problem)}`,
  'match-in-no-article': () => 'متنش در هیچ خبرِ این پوشهٔ کار نیست',
  'match-in-many-articles': (p, name) => `متنش در ${n(p.count)} خبر هست (${listFa(p.paths.map(name))}${p.count > p.paths.length ? '، …' : ''})`,
  'skip-no-text': () => '«text» ندارد',
  'skip-unlabelled': () => 'برچسبی ندارد (doccano متن‌های بی‌برچسب را هم خروجی می‌دهد)',
  'skip-unannotated': () => 'کاری که کسی برچسبش نزده',
  'skip-cancelled': () => 'در Label Studio رد شده (لغوشده)',
  'skip-no-paragraphs': () => 'کارش نه فهرست بند (Paragraphs) دارد نه فیلد «text»',
  'skip-ignored': () => 'پاسخ «ignore»',
  'skip-answer-choice': (p, name) => `پاسخ «${name(p.answer)}» به یک گزینش: چیزی انتخاب نشده`,
  'skip-answer-spans': (p, name) => `پاسخ «${name(p.answer)}» به بازه‌ها`,
  'skip-answer-label': (p, name) => `پاسخ «${name(p.answer)}» به «${name(p.label)}»: فقط می‌گوید این برچسب نمی‌خورد`,
  'skip-answer-nothing': (p, name) => `پاسخ «${name(p.answer)}» بی برچسب، گزینه یا بازه`,
};
