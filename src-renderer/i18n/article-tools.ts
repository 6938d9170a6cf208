/**
 * The strings of the article tools and search, in English and Persian: `i18n.m.articleTools`
 * (en.ts and fa.ts include them; the Persian table must match the English one, checked by the type).
 */
import { noteText, type ReadingNote } from '../../src-main/core/reading-notes';
import { formatNumber } from './digits';
import { isolatedName } from '../../src-main/shared/visible-name';

export const articleToolsEn = {
  sourceAria: 'How this file is read',
  encoding: 'Encoding',
  detected: (name: string) => `${name} (detected)`,
  encodingFixed: (name: string) => `${name} (fixed by the format)`,
  segmentation: 'Paragraphs',
  segmentations: { lines: 'One per line', blocks: 'Blank-line blocks', markdown: 'Markdown blocks', structure: 'From the file' } as Record<string, string>,
  direction: 'Direction',
  directions: { auto: (d: string) => `Auto (${d === 'rtl' ? 'right to left' : 'left to right'})`, rtl: 'Right to left', ltr: 'Left to right' },
  lang: 'Language',
  langAuto: (lang: string) => `Auto (${lang})`,
  sharedHint: 'Saved for everyone who labels this workspace.',
  edits: (n: number) => `${n} split/merge edit${n === 1 ? '' : 's'}`,
  resetEdits: 'Reset splits and merges',
  split: 'Split here',
  splitHint: 'Split the paragraph at the caret (Alt+S)',
  mergeNext: 'Merge with next',
  mergePrevious: 'Merge with previous',
  menuAria: 'Paragraph',
  noCaret: 'Click in the paragraph’s text where it should be split, then press Alt+S.',
  keySplit: 'Split the paragraph at the caret (click in its text first); right-click for a menu',
  keyMerge: 'Merge the focused paragraph with the next one',
  keySearch: 'Search titles and paragraphs of the workspace',
  orphans: (n: number) => `Orphaned labels (${n})`,
  orphansHint: 'Their paragraphs are gone from the file. They are kept in your layer file and exported; put one back on the focused paragraph if it belongs there.',
  orphanWas: 'Was:',
  orphanNoText: '(no text was recorded)',
  orphanUndecided: 'note or flag only',
  orphanNone: 'reviewed — none',
  reattach: (index: number) => `Put on paragraph ${index}`,
  search: 'Search',
  searchAria: 'Search the workspace',
  searchPlaceholder: 'Search titles and paragraphs…',
  searchHint: 'Persian spellings are matched: ي/ی, ك/ک, digits, ZWNJ and diacritics do not matter.',
  searchNone: 'Nothing found.',
  searchCount: (hits: number, articles: number, more: boolean) => `${more ? 'More than ' : ''}${hits} match${hits === 1 ? '' : 'es'} in ${articles} articles`,
  inTitle: 'title',
  paragraphN: (n: number) => `¶ ${n}`,
  changed: (path: string, c: { moved: number; reanchored: number; orphaned: number; restored: number } | undefined) => {
    if (!c) return `${isolatedName(path)} changed on disk.`;
    const parts = [
      c.reanchored ? `${c.reanchored} edited paragraph(s) kept their labels, marked to re-check` : '',
      c.moved ? `${c.moved} moved paragraph(s) kept their labels` : '',
      c.orphaned ? `${c.orphaned} label(s) lost their paragraph and are listed under “Orphaned labels”` : '',
      c.restored ? `${c.restored} orphaned label(s) found their paragraph again` : '',
    ].filter(Boolean);
    return `${isolatedName(path)} changed on disk${parts.length ? `: ${parts.join('; ')}.` : '; every labelled paragraph is unchanged.'}`;
  },
  deleted: (path: string) => `${isolatedName(path)} was deleted or moved; its labels are kept.`,
  merged: (path: string, decisions: number, layer: 'mine' | 'gold') =>
    `${layer === 'gold' ? 'The gold answers' : 'Your labels'} for ${isolatedName(path)} changed on disk (another machine or git pull): ${decisions} decision${decisions === 1 ? '' : 's'} merged, nothing overwritten.`,
  splitDone: (index: number) => `Split paragraph ${index} in two; both halves keep its labels, marked to re-check.`,
  mergeDone: (index: number) => `Merged paragraphs ${index} and ${index + 1}; the labels of both are kept, marked to re-check.`,
  missing: 'Missing file',
  conflictCopy: 'Conflict copy',
  unreadable: 'Cannot be read',
  problem: 'Read with problems',
  /** How the file was read: hidden lines left out, hard wrapping assumed (core/reading-notes.ts; the CLI's words). */
  note: (note: ReadingNote): string => noteText(note),
};

export type ArticleMessages = typeof articleToolsEn;

const n = (value: number) => formatNumber('fa', value);

export const articleToolsFa: ArticleMessages = {
  sourceAria: 'این فایل چگونه خوانده می‌شود',
  encoding: 'رمزگذاری',
  detected: (name) => `${name} (تشخیص خودکار)`,
  encodingFixed: (name) => `${name} (ثابتِ این قالب)`,
  segmentation: 'بندها',
  segmentations: { lines: 'هر سطر یک بند', blocks: 'بلوک‌های جدا با سطر خالی', markdown: 'بلوک‌های مارک‌داون', structure: 'از ساختار فایل' },
  direction: 'جهت',
  directions: { auto: (d) => `خودکار (${d === 'rtl' ? 'راست به چپ' : 'چپ به راست'})`, rtl: 'راست به چپ', ltr: 'چپ به راست' },
  lang: 'زبان',
  langAuto: (lang) => `خودکار (${lang})`,
  sharedHint: 'برای همهٔ برچسب‌زنان این پوشه ذخیره می‌شود.',
  edits: (count) => `${n(count)} ویرایش شکستن/ادغام`,
  resetEdits: 'حذف همهٔ شکستن‌ها و ادغام‌ها',
  split: 'شکستن از اینجا',
  splitHint: 'شکستن بند در جای نشانگر (Alt+S)',
  mergeNext: 'ادغام با بند بعدی',
  mergePrevious: 'ادغام با بند قبلی',
  menuAria: 'بند',
  noCaret: 'در متن بند، جایی که باید شکسته شود کلیک کنید و سپس Alt+S را بزنید.',
  keySplit: 'شکستن بند در جای نشانگر (نخست در متن آن کلیک کنید)؛ کلیک راست برای فهرست',
  keyMerge: 'ادغام بندِ انتخاب‌شده با بند بعدی',
  keySearch: 'جست‌وجو در عنوان‌ها و بندهای پوشهٔ کار',
  orphans: (count) => `برچسب‌های بی‌جا (${n(count)})`,
  orphansHint: 'بندِ این برچسب‌ها دیگر در فایل نیست. در فایل لایهٔ شما نگه داشته و در خروجی آورده می‌شوند؛ اگر جای یکی در بندِ انتخاب‌شده است، آن را برگردانید.',
  orphanWas: 'متن پیشین:',
  orphanNoText: '(متنی ثبت نشده بود)',
  orphanUndecided: 'فقط یادداشت یا پرچم',
  orphanNone: 'بررسی‌شده — هیچ',
  reattach: (index) => `گذاشتن روی بند ${n(index)}`,
  search: 'جست‌وجو',
  searchAria: 'جست‌وجو در پوشهٔ کار',
  searchPlaceholder: 'جست‌وجو در عنوان‌ها و بندها…',
  searchHint: 'املاهای گوناگون فارسی یکی گرفته می‌شوند: ي/ی، ك/ک، رقم‌ها، نیم‌فاصله و اعراب.',
  searchNone: 'چیزی پیدا نشد.',
  searchCount: (hits, articles, more) => `${more ? 'بیش از ' : ''}${n(hits)} مورد در ${n(articles)} خبر`,
  inTitle: 'عنوان',
  paragraphN: (index) => `بند ${n(index)}`,
  changed: (path, c) => {
    if (!c) return `${isolatedName(path)} روی دیسک تغییر کرد.`;
    const parts = [
      c.reanchored ? `${n(c.reanchored)} بندِ ویرایش‌شده برچسب‌هایش را نگه داشت و برای بازبینی نشان خورد` : '',
      c.moved ? `${n(c.moved)} بندِ جابه‌جاشده برچسب‌هایش را نگه داشت` : '',
      c.orphaned ? `${n(c.orphaned)} برچسب بندش را از دست داد و در «برچسب‌های بی‌جا» آمده است` : '',
      c.restored ? `${n(c.restored)} برچسب بی‌جا بندش را دوباره یافت` : '',
    ].filter(Boolean);
    return `${isolatedName(path)} روی دیسک تغییر کرد${parts.length ? `: ${parts.join('؛ ')}.` : '؛ همهٔ بندهای برچسب‌خورده همان‌اند.'}`;
  },
  deleted: (path) => `${isolatedName(path)} پاک یا جابه‌جا شد؛ برچسب‌هایش نگه داشته شده است.`,
  merged: (path, decisions, layer) =>
    `${layer === 'gold' ? 'پاسخ‌های طلایی' : 'برچسب‌های شما'} برای ${isolatedName(path)} روی دیسک تغییر کرد (رایانهٔ دیگر یا git pull): ${n(decisions)} تصمیم ادغام شد و چیزی رونویسی نشد.`,
  splitDone: (index) => `بند ${n(index)} دو تکه شد؛ هر دو تکه برچسب‌های آن را دارند و برای بازبینی نشان خوردند.`,
  mergeDone: (index) => `بندهای ${n(index)} و ${n(index + 1)} یکی شدند؛ برچسب‌های هر دو نگه داشته شد و برای بازبینی نشان خوردند.`,
  missing: 'فایل پیدا نیست',
  conflictCopy: 'نسخهٔ ناسازگار',
  unreadable: 'خوانده نمی‌شود',
  problem: 'با اشکال خوانده شد',
  note: (note) =>
    note.code === 'hidden-lines'
      ? `${n(note.count)} سطرِ پنهان کنار گذاشته شد: صفحه آن‌ها را از خوانندگانش پنهان کرده است.`
      : 'این متن «شکسته در عرض ثابت» خوانده شد: سطرهایی که در میانهٔ جمله و نزدیک یک عرض می‌شکنند، تا سطر خالی به هم پیوستند. اگر هر سطر یک بند است، در «بندها» گزینهٔ «هر سطر یک بند» را برگزینید.',
};
