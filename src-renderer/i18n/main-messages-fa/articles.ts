/** Reading article files and changing how they are read, in Persian (src-main/shared/messages/articles.ts). */
import type { Translation } from '../../../src-main/shared/messages/define';
import type { articleMessages, FileKind, GuessCorrection, ReadingKey } from '../../../src-main/shared/messages/articles';
import { n, toFaDigits } from './common';

const TOO_MUCH_FA = 'سند را تکه کنید، یا آن را متن ساده (.txt) ذخیره کنید که پیلکرو تا ۲۰ مگابایتش را می‌خواند.';

const KIND: Record<FileKind, string> = { folder: 'یک پوشه', pipe: 'یک لولهٔ نام‌دار', socket: 'یک سوکت', device: 'یک دستگاه', link: 'یک پیوند نمادین' };
const CORRECTION: Record<GuessCorrection, string> = {
  'persian-letters': 'حرف‌های فارسی پ چ ژ گ ک در آن هست',
  'undefined-in-iso-8859-6': 'بایت‌هایی دارد که در ISO-8859-6 تعریف نشده‌اند',
  'undefined-in-windows-1252': 'بایت‌هایی دارد که در windows-1252 تعریف نشده‌اند',
  'no-candidate': 'تشخیص‌دهنده هیچ گزینه‌ای نداد',
};
const SETTING: Record<ReadingKey, string> = { encoding: 'رمزگذاری', segmentation: 'بندبندی', direction: 'جهت', lang: 'زبان' };
const CHOOSE = 'اگر متن درست نیست، رمزگذاری دیگری انتخاب کنید.';

export const articlesFa: Translation<typeof articleMessages> = {
  'file-only-bom': () => 'پرونده فقط یک نشانهٔ ترتیب بایت (BOM) دارد.',
  'file-empty': () => 'پرونده خالی است.',
  'encoding-unsupported': (p, name) => `پیلکرو رمزگذاری «${name(p.encoding)}» را نمی‌شناسد.`,
  'file-binary': () => 'پرونده بایت NUL دارد: به نظر دودویی است، نه متن.',
  'not-regular-file': (p, name) => `${name(p.path)} ${KIND[p.kind]} است، نه یک پروندهٔ معمولی؛ پیلکرو فقط پرونده می‌خواند.`,
  'article-too-large': (p, name) => `${name(p.path)} ${toFaDigits(p.megabytes).replace('.', '٫')} مگابایت است؛ پیلکرو خبرهای تا ۲۰ مگابایت را باز می‌کند. پرونده را تکه کنید یا از پوشهٔ کار بیرون ببرید.`,
  'article-refused': (p, name, say) => `${name(p.path)} خوانده نشد: ${say(p.problem)}.`,
  'listed-link': (p, name) => `${name(p.path)} یک پیوند نمادین است؛ پیلکرو هرگز پیوندهای درون پوشهٔ کار را دنبال نمی‌کند، پس چیزی که به آن اشاره می‌کند فهرست نشده است. پیوند را با خود پوشه یا پرونده جایگزین کنید.`,
  'read-skipped': (p, name) =>
    p.crashed
      ? `${name(p.path)} کنار گذاشته شد: پیلکرو بار پیش هنگام خواندنش از کار افتاد (شاید بیش از حافظهٔ این رایانه لازم دارد)، پس تا وقتی پرونده تغییر نکند دوباره خوانده نمی‌شود. آن را تکه کنید یا در قالبی دیگر (متن ساده) ذخیره کنید تا دوباره خوانده شود.`
      : `${name(p.path)} کنار گذاشته شد: از حدی که پیلکرو برای خواندن دارد فراتر رفت، پس تا وقتی تغییر نکند دوباره خوانده نمی‌شود.`,
  'article-empty': (p, name) => `${name(p.path)} خالی است.`,
  'not-article-file': (p, name) => `${name(p.file)} پروندهٔ خبر نیست (پسوندهای پذیرفته: ${name(p.extensions)}).`,
  'jsonl-no-such-article': (p, name) => `${name(p.article)}: چنین خبری در ${name(p.file)} نیست.`,
  'jsonl-line-gone': (p, name) => `${name(p.path)}: این سطر دیگر در ${name(p.file)} نیست.`,
  'jsonl-no-articles': (p, name) => `${name(p.file)} هیچ خبری ندارد.`,
  'jsonl-nothing-readable': (p, name, say) => `${name(p.file)} هیچ خبر خواندنی‌ای ندارد. ${p.first.map(say).join(' ')}`,
  'docx-not-zip': () => 'این پروندهٔ Word (.docx) نیست (بایگانی zip نیست).',
  'docx-no-directory': () => 'این .docx آسیب دیده است: فهرست zip آن نیست.',
  'docx-short-directory': () => 'این .docx آسیب دیده است: فهرست zip آن ناقص است.',
  'docx-part-missing': (p, name) => `این .docx آسیب دیده است: بخش ${name(p.part)} نیست.`,
  'docx-part-size': (p, name) => `این .docx آسیب دیده است: اندازهٔ بخش ${name(p.part)} نادرست است.`,
  'docx-part-damaged': (p, name) => `این .docx آسیب دیده است: بخش ${name(p.part)} باز نمی‌شود.`,
  'docx-compression': (p) => `این .docx روش فشرده‌سازی ناشناخته‌ای دارد (${n(p.method)}).`,
  'docx-zip64': () => 'این .docx بخشی ۴ گیگابایتی یا بزرگ‌تر اعلام می‌کند.',
  'docx-too-large': (p, name) => `این .docx پس از باز شدن ${name(p.size)} می‌شود (سقف: ${name(p.limit)}).`,
  'docx-too-much-text': (p, name) => `این .docx بیش از ${name(p.limit)} متن دارد؛ پیلکرو سندهای Word تا ${name(p.limit)} متن را می‌خواند. ${TOO_MUCH_FA}`,
  'docx-too-much-xml': (p, name) => `این .docx پس از باز شدن ${name(p.size)} XML دارد؛ پیلکرو سندهای Word تا ${name(p.limit)} XML (نزدیک ۱٬۴۰۰ صفحه) را می‌خواند. ${TOO_MUCH_FA}`,
  'docx-zip-bomb': (p) => `این .docx ${n(p.ratio)} برابر باز می‌شود: به بمب zip می‌ماند.`,
  'docx-part-bomb': (p, name) => `بخش ${name(p.part)} این .docx بیش از اندازهٔ اعلام‌شده باز می‌شود: به بمب zip می‌ماند.`,
  'docx-not-word': () => 'این بایگانی zip سند Word نیست (word/document.xml ندارد).',
  'docx-unreadable': (p, name) => `سند Word خوانده نشد: ${name(p.detail)}`,
  'docx-cut-short': () => 'این سند Word آسیب دیده است: متنش ناقص است یا XML معتبر نیست. آن را در Word باز کنید و دوباره ذخیره کنید، یا نسخهٔ کاملی بگیرید.',
  'outside-workspace': (p, name) => `${name(p.path)} پیوندی به پرونده‌ای بیرون از پوشهٔ کار است و پیلکرو آن را دنبال نمی‌کند. به جایش خود پرونده را در پوشهٔ کار کپی کنید.`,
  'permission-denied': (p, name) => `${name(p.path)}: اجازهٔ خواندن نیست؛ دسترسی‌های پرونده را بررسی کنید.`,
  'file-gone': (p, name) => `${name(p.path)}: پرونده دیگر نیست، یا پیوندی به پرونده‌ای ناموجود است.`,
  'link-loop': (p, name) => `${name(p.path)} پیوندی است که به خودش برمی‌گردد (حلقهٔ پیوندها).`,
  'article-missing': (p, name) => `${name(p.path)} پیدا نمی‌شود (پاک، جابه‌جا یا تغییر نام داده شده)؛ برچسب‌هایش نگه داشته شده‌اند. پرونده را برگردانید تا برچسب‌زنی‌اش را ادامه دهید.`,
  'is-folder': (p, name) => `${name(p.path)}: پوشه است، نه پروندهٔ خبر.`,
  'in-file': (p, name, say) => `${name(p.path)}: ${say(p.problem)}`,
  'labels-unreadable': (p, name) => `${name(p.path)}: برچسب‌هایش خوانده نشد (${name(p.detail)}).`,
  'read-failed': (p, name) => `${name(p.path)}: ${name(p.detail)}`,
  'folder-unreadable': (p, name) => `پوشهٔ ${name(p.folder)} خوانده نشد (${name(p.reason)})؛ خبرهای آن در فهرست نیستند.`,

  'invalid-utf8-replaced': (p) => `${n(p.count)} بایت UTF-8 معتبر نبود و با U+FFFD (�) جایگزین شد؛ ${CHOOSE}`,
  'utf16-half-character': () => 'پرونده با نیمی از یک نویسهٔ UTF-16 تمام می‌شود؛ آن نیمه کنار گذاشته شد.',
  'undefined-bytes-replaced': (p, name) => `${n(p.count)} بایت در ${name(p.encoding)} نویسه‌ای ندارد و با U+FFFD (�) جایگزین شد؛ ${CHOOSE}`,
  'encoding-from-nul-bytes': (p, name) => `نشانهٔ ترتیب بایت ندارد؛ از روی جای بایت‌های NUL با ${name(p.encoding)} خوانده شد.`,
  'charset-unknown': (p, name) => `صفحه نویسه‌گان «${name(p.label)}» را اعلام می‌کند که پیلکرو نمی‌شناسد؛ رمزگذاری تشخیص داده شد.`,
  'charset-not-utf8': (p, name) => `صفحه نویسه‌گان «${name(p.label)}» را اعلام می‌کند اما UTF-8 نیست؛ رمزگذاری تشخیص داده شد.`,
  'charset-but-utf8': (p, name) => `صفحه نویسه‌گان «${name(p.label)}» را اعلام می‌کند اما بایت‌هایش UTF-8 معتبر است؛ با UTF-8 خوانده شد.`,
  'encoding-guessed': (p, name) =>
    `رمزگذاری ${name(p.encoding)} حدس زده شد${p.correction ? ` (تشخیص‌دهنده ${p.detected ? name(p.detected) : 'چیزی'} گفت؛ ${name(p.encoding)} انتخاب شد چون ${CORRECTION[p.correction]})` : ''}، با اطمینان ${toFaDigits(p.confidence).replace('.', '٫')}؛ ${CHOOSE}`,
  'page-no-text': () => 'صفحه بیرون از اسکریپت‌ها، سبک‌ها و سربرگ متنی ندارد.',
  'page-hidden-revealed': () => 'صفحه بیشتر متنش را پنهان کرده است (احتمالاً با یک پنجرهٔ باز ذخیره شده)؛ متن پنهان نشان داده می‌شود.',
  'word-no-text': () => 'سند Word متنی ندارد.',
  'word-note': (p, name) => `Word: ${name(p.detail)}`,
  'jsonl-bad-json': (p, name) => `${name(p.file)} سطر ${n(p.line)}: JSON معتبر نیست (${name(p.detail)})؛ کنار گذاشته شد.`,
  'jsonl-bad-article': (p, name) => `${name(p.file)} سطر ${n(p.line)}: ${name(p.detail)}؛ کنار گذاشته شد.`,
  'jsonl-no-text': (p, name) => `${name(p.file)} سطر ${n(p.line)}: خبر متنی ندارد؛ کنار گذاشته شد.`,
  'jsonl-too-many-lines': (p, name) =>
    `${name(p.file)} ${n(p.count)} سطر دارد؛ پیلکرو پرونده‌های JSON Lines تا ${n(p.max)} خبر را باز می‌کند، پس هیچ‌یک از خبرهایش فهرست نشد. آن را به پرونده‌هایی تا ${n(p.max)} سطر تکه کنید (برای نمونه: ${name(`split -l ${p.max} --additional-suffix=.jsonl ${p.name} part-`)}).`,
  'jsonl-repeated-id': (p, name) => `${name(p.file)} سطر ${n(p.line)}: شناسهٔ «${name(p.key)}» پیش‌تر به کار رفته است؛ کلید این خبر «${name(`${p.key}#line-${p.line}`)}» است.`,
  'bytes-replaced': (p, name) => `${name(p.path)}: ${n(p.count)} بایت با ${name(p.encoding)} خوانده نشد و به شکل � آمده است. اگر متن درست نیست، خبر را باز کنید و رمزگذاری دیگری انتخاب کنید.`,

  'fixed-encoding': (p, name) => `${name(p.path)}: رمزگذاری پروندهٔ ${name(p.format)} را قالبش تعیین می‌کند و تغییر نمی‌کند.`,
  'fixed-segmentation': (p, name) => `${name(p.path)}: بندهای پروندهٔ ${name(p.format)} از ساختار خودش می‌آیند؛ به جایش از شکستن و پیوستن استفاده کنید.`,
  'nothing-to-undo': () => 'این تغییر دیگر برگشت‌پذیر نیست (پیش‌تر برگشته است، یا پیلکرو دوباره باز شده است).',
  'unknown-orphan': (p, name) => `${name(p.path)} برچسب بی‌جای شمارهٔ ${n(p.number)} ندارد؛ خبر را دوباره باز کنید.`,
  'unknown-paragraph': (p, name) => `${name(p.path)} بند ${name(p.paragraph)} را ندارد؛ شاید پرونده تغییر کرده است. خبر را دوباره باز کنید.`,
  'edit-not-applied': (p, name) => `${name(p.path)}: این تغییر بی‌نقص روی متن نمی‌نشیند؛ چیزی تغییر نکرد.`,
  'split-needs-caret': () => 'برای شکستن بند، نشانگر را درون بند و میان دو واژه بگذارید.',
  'merge-needs-next': () => 'بند آخر بند بعدی ندارد که با آن بپیوندد.',
  'edit-undone': () => 'برگردانده شد.',
  'orphan-reattached': (p) => `برچسب بی‌جا به بند ${n(p.paragraph)} برگشت و برای بازبینی نشان خورد.`,
  'paragraph-split': (p) => `بند ${n(p.paragraph)} دو تکه شد؛ هر دو نیمه برچسب‌هایش را دارند و برای بازبینی نشان خوردند.`,
  'paragraphs-merged': (p) => `بندهای ${n(p.first)} و ${n(p.first + 1)} پیوستند؛ برچسب‌های هر دو ماند و برای بازبینی نشان خوردند.`,
  'edits-reset': () => 'همهٔ شکستن‌ها و پیوستن‌های این خبر برداشته شد.',
  'edit-no-longer-fits': (p, name) => `${p.kind === 'split' ? 'شکستن' : 'پیوستن'} شما در ${name(p.where)} دیگر با متن پرونده نمی‌خواند و اعمال نمی‌شود. برای پاک کردنش شکستن‌ها و پیوستن‌ها را بازنشانی کنید.`,
  'reading-saved': (p, name) => `برای همهٔ گروه ذخیره شد: ${p.changes.map((c) => `${SETTING[c.key]}: ${c.value === null ? 'خودکار' : name(c.value)}`).join('، ')}.`,
  'nothing-changed': () => 'چیزی تغییر نکرد.',

  'out-of-range': (p, name) => `${name(p.path)} ${n(p.total)} بند دارد: بند ${n(p.paragraph)} نیست که فرستاده شود.`,
  'read-again': (p, name) => `${name(p.path)} پس از باز شدن دوباره خوانده شد (پرونده‌اش یا شیوهٔ خواندنش تغییر کرد).`,
};
