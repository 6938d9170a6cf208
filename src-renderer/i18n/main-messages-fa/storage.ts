/** Files Pilcrow keeps, in Persian (src-main/shared/messages/storage.ts). */
import type { Translation } from '../../../src-main/shared/messages/define';
import type { storageMessages } from '../../../src-main/shared/messages/storage';
import type { RefusalKind } from '../../../src-main/shared/messages/storage';
import { n, toFaDigits } from './common';

/** What an errno means, for the editor; the code itself follows in brackets. */
const ERRNO: Record<string, string> = {
  ENOSPC: 'دیسک پر است',
  EDQUOT: 'سهمیهٔ دیسک تمام شده است',
  EIO: 'خطای خواندن یا نوشتن دیسک',
  EROFS: 'این دیسک فقط‌خواندنی است',
  EACCES: 'اجازهٔ نوشتن نیست',
  EPERM: 'این کار مجاز نیست',
  EBUSY: 'پرونده در دست برنامهٔ دیگری است',
  ENOENT: 'پرونده یا پوشه نیست',
  EEXIST: 'از پیش وجود دارد',
  EXDEV: 'جابه‌جایی میان دو دیسک',
  EMFILE: 'پرونده‌های باز بیش از اندازه است',
};

/** Why a file was refused unread, by kind (confined-fs.ts). */
const REFUSED: Record<RefusalKind, (p: { is: string | null; size: string | null; max: string | null }) => string> = {
  outside: () => 'بیرون از پوشه‌ای است که پیلکرو پرونده‌هایش را در آن نگه می‌دارد',
  'too-large': (p) => `اندازه‌اش ${p.size ? mb(p.size) : ''} است، بیش از آنچه پیلکرو برای این نوع پرونده می‌خواند${p.max ? ` (${mb(p.max)})` : ''}؛ آن را کوچک‌تر یا تکه کنید`,
  special: () => 'پروندهٔ معمولی نیست (پوشه، لوله یا دستگاه است)؛ پیلکرو فقط پرونده‌های معمولی را می‌خواند. آن را بردارید یا خود پرونده را آن‌جا بگذارید',
  link: () => 'پیوند نمادین است یا از راه پیوندی به آن رسیده‌ایم؛ پیلکرو هرگز پیوندهای درون پوشهٔ کار را دنبال نمی‌کند. پیوند را با خود پرونده یا پوشه جایگزین کنید',
};

/** «۲۱٫۰ مگابایت» from "21.0 MB". */
const mb = (text: string) => `${toFaDigits(text.replace(/ MB$/, '')).replace('.', '٫')} مگابایت`;

export const storageFa: Translation<typeof storageMessages> = {
  'file-refused': (p) => REFUSED[p.kind](p),
  'damaged-left-in-place': (p, _name, say) => `${say(p.problem)}؛ سر جایش ماند، چون ${say(p.refused)}`,
  'json-empty': () => 'پروندهٔ خالی (۰ بایت)',
  'json-bom': () => 'با نشانهٔ ترتیب بایت UTF-8 (BOM) آغاز می‌شود',
  'json-nul': (p) => `بایت NUL دارد (نخستین در بایت ${n(p.at)})`,
  'json-invalid-utf8': (p) => `UTF-8 نامعتبر (نخستین بایت نادرست در ${n(p.at)})`,
  'json-whitespace': () => 'پروندهٔ خالی (فقط فاصله)',
  'json-conflict-markers': (p) => `نشانه‌های ناسازگاری git دارد (سطر ${n(p.line)})`,
  'json-invalid': (p, name) => `JSON نامعتبر یا ناقص (${name(p.detail)})`,
  'json-null': () => 'به جای داده JSON null دارد',
  'json-wrong-schema': (p, name) => `ساختار نادرست (${name(p.detail)})`,
  'file-damaged-untouched': (p, name) =>
    `${name(p.file)} آسیب دیده است (${name(p.problem)})؛ دست‌نخورده ماند${p.quarantineFailed ? `؛ جابه‌جایی‌اش به قرنطینه ممکن نشد: ${name(p.quarantineFailed)}` : ''}.`,
  'save-failed': (p, name) => `${name(p.file)} ذخیره نشد: ${p.errno && ERRNO[p.errno] ? `${ERRNO[p.errno]} (${p.errno})` : name(p.reason)}؛ مرحله: ${name(p.step)}. نسخهٔ پیشین روی دیسک سالم مانده است.`,
};
