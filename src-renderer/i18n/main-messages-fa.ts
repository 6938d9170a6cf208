/**
 * What main says to the editor (src-main/shared/messages), in Persian: one sentence per code,
 * each domain in its own file under main-messages-fa/. Each table is typed as the English
 * catalogue's translation, so a new code without a Persian sentence fails typecheck.
 */
import { textIn, type MainMessage, type MessageCatalogue } from '../../src-main/shared/messages';
import type { NameOf, Translation } from '../../src-main/shared/messages/define';
import { appFa } from './main-messages-fa/app';
import { articlesFa } from './main-messages-fa/articles';
import { storageFa } from './main-messages-fa/storage';
import { labelsFa } from './main-messages-fa/labels';
import { teamworkFa } from './main-messages-fa/teamwork';
import { importFa } from './main-messages-fa/import';

const persian: Translation<MessageCatalogue> = {
  ...appFa,
  ...articlesFa,
  ...storageFa,
  ...labelsFa,
  ...teamworkFa,
  ...importFa,
};

export function persianText(message: MainMessage, name: NameOf): string {
  return textIn(persian as unknown as Parameters<typeof textIn>[0], message, name);
}
