/** The app, the window and the workspace, in Persian (src-main/shared/messages/app.ts). */
import type { Translation } from '../../../src-main/shared/messages/define';
import type { appMessages } from '../../../src-main/shared/messages/app';
import { listFa, n, sinceFa } from './common';

const holder = (p: { pid: number; host: string; since: string }, name: (s: string) => string) =>
  p.pid > 0 ? `پیلکروی دیگری (فرایند ${n(p.pid)} روی ${name(p.host)}${sinceFa(p.since)})` : 'پیلکروی دیگری که در حال باز شدن است';

export const appFa: Translation<typeof appMessages> = {
  'no-workspace': () => 'هیچ پوشهٔ کاری باز نیست: نخست از منوی «پرونده» پوشهٔ کار را باز کنید.',
  'workspace-missing': (p, name) => `پوشهٔ کار ${name(p.folder)} باز نشد: این پوشه وجود ندارد یا خواندنی نیست.`,
  'workspace-not-folder': (p, name) => `پوشهٔ کار ${name(p.folder)} باز نشد: این یک پوشه نیست.`,
  'unknown-recent': (p) => `پوشهٔ کار اخیری با شمارهٔ ${n(p.number)} نیست.`,
  'invalid-annotator': (p, name) => `«${name(p.name)}» نمی‌تواند نام برچسب‌زن باشد: از حرف، رقم، «_»، «-» یا «.» استفاده کنید (تا ۶۴ نویسه)، بدون فاصله.`,
  'about-unavailable': () => 'این پنجره بدون پرونده‌های برنامه باز شده است، پس «دربارهٔ پیلکرو» چیزی برای نشان دادن ندارد.',
  'missing-license': (p, name) => `متن مجوز ${name(p.license)} برای ${name(p.name)} از ${name(p.path)} خوانده نشد (${name(p.reason)})؛ پیلکرو را دوباره نصب کنید.`,
  'read-only-held': (p, name) =>
    `برچسب‌های «${name(p.annotator)}» در این پوشهٔ کار در ${holder(p, name)} برای ویرایش باز است، پس این پنجره فقط‌خواندنی است. آن یکی را ببندید و پوشهٔ کار را این‌جا دوباره باز کنید.`,
  'read-only-unlockable': (p, name) => `برچسب‌های «${name(p.annotator)}» برای ویرایش قفل نشد (${name(p.reason)})، پس این پنجره فقط‌خواندنی است.`,
  'layer-held': (p, name) => `چیزی تغییر نکرد: برچسب‌های «${name(p.annotator)}» در این پوشهٔ کار در ${holder(p, name)} برای ویرایش باز است. آن را ببندید و دوباره امتحان کنید.`,
  'import-layer-held': (p, name) => `چیزی وارد نشد: برچسب‌های «${name(p.annotator)}» در این پوشهٔ کار در ${holder(p, name)} برای ویرایش باز است. آن را ببندید و دوباره وارد کنید.`,
  'safe-mode': (p, name) =>
    `حالت امن: پیلکرو بار پیش هنگام خواندن ${listFa(p.files.map(name))} از کار افتاد (شاید بیش از حافظهٔ این رایانه لازم دارد)، پس تا وقتی تغییر نکند${p.files.length === 1 ? '' : 'ند'} کنار گذاشته می‌شو${p.files.length === 1 ? 'د' : 'ند'}. آن را تکه کنید یا متن ساده ذخیره کنید تا خوانده شود.`,
  'unknown-article-id': () => 'این خبر دیگر در این پوشهٔ کار نیست؛ فهرست را تازه کنید.',
  'bad-request': (p, name) => `برنامه درخواستی فرستاد که پذیرفته نشد (${name(p.detail)}).`,
};
