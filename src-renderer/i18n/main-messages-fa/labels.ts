/** The workspace's labels, in Persian (src-main/shared/messages/labels.ts). */
import type { Translation } from '../../../src-main/shared/messages/define';
import type { labelMessages } from '../../../src-main/shared/messages/labels';
import { listFa, n } from './common';

const quoted = (names: readonly string[], name: (s: string) => string) => listFa(names.map((l) => `«${name(l)}»`));

export const labelsFa: Translation<typeof labelMessages> = {
  'label-retired-name': (p, name) => `«${name(p.name)}» برچسبی حذف‌شده است که تصمیم‌هایش هنوز در پرونده‌هاست؛ به جای آن، همان را برگردانید یا نام دیگری برگزینید.`,
  'last-label': () => 'پوشهٔ کار دست‌کم یک برچسب می‌خواهد: پیش از حذف این یکی، برچسب دیگری بیفزایید.',
  'not-a-removed-label': (p, name) => `«${name(p.name)}» برچسب حذف‌شدهٔ این پوشهٔ کار نیست.`,
  'not-a-label': (p, name) => `«${name(p.name)}» برچسب این پوشهٔ کار نیست؛ تنظیمات را دوباره باز کنید تا برچسب‌های کنونی را ببینید.`,
  'invalid-label-name': (p, name) => `«${name(p.name)}» نمی‌تواند نام برچسب باشد: ۱ تا ۴۰ حرف، رقم، «_» یا «-»، بدون فاصله.`,
  'label-exists': (p, name) => `برچسبی با نام «${name(p.name)}» از پیش هست.`,
  'invalid-color': (p, name) => `«${name(p.color)}» رنگ نیست: به شکل ‎#rrggbb بنویسید.`,
  'invalid-key': (p, name) => `«${name(p.key)}» نمی‌تواند کلید برچسب باشد: یک رقم یا یک حرف برگزینید.`,
  'reserved-key': (p, name) => `کلید ${name(p.key)} برای حلقهٔ برچسب‌زنی نگه داشته شده است (فهرست میان‌برها را ببینید)؛ کلید دیگری برگزینید.`,
  'key-taken': (p, name) => `کلید ${name(p.key)} از پیش برچسب «${name(p.label)}» را می‌زند؛ کلید دیگری برگزینید یا نخست آن برچسب را تغییر دهید.`,
  'invalid-description': () => 'توضیح را در یک سطر نگه دارید (حداکثر ۲۰۰ نویسه).',
  'schema-file-unreadable': (p, name) => `تا ${name(p.file)} خوانده نمی‌شود (نامش در نوار پیام آمده)، برچسب‌ها را نمی‌توان تغییر داد: ذخیره در این حال آنچه را در آن است از میان می‌برد. نخست ادغامش را تمام کنید (گزینهٔ «حل» در پیام، یا pilcrow resolve) یا آن را از git برگردانید، سپس دوباره بکوشید.`,
  'invalid-display-name': (p, name) => `«${name(p.name)}» نمی‌تواند نام نمایشی باشد: حداکثر ۴۰ نویسه، بدون نویسه‌های کنترلی.`,
  'single-label': (p) => `این پوشهٔ کار تک‌برچسبی است: هر بند یک برچسب می‌گیرد، نه ${n(p.count)}. برای ترکیب برچسب‌ها در «تنظیمات › برچسب‌ها» چندبرچسبی را برگزینید.`,
  'unknown-labels': (p, name) => `${quoted(p.labels, name)} برچسب این پوشهٔ کار نیست.`,
  'no-threshold-label': (p, name) => `${quoted(p.labels, name)} برچسب این پوشهٔ کار نیست، پس آستانه‌ای ندارد.`,
};
