/**
 * The handler table: one function per IPC channel, assembled from one module per feature in
 * handlers/. Electron registers it with ipcMain; the e2e harness binds the very same table.
 */
import { CHANNELS, type Channel, type HandlerTable, type RequestOf } from '../../shared/ipc';
import { writesWorkspace } from '../../shared/channel-access';
import type { Dialogs, Emit, HandlerContext } from './context';
import { appHandlers } from './handlers/app';
import { articleHandlers } from './handlers/articles';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { labelHandlers } from './handlers/labels';
import { schemaHandlers } from './handlers/schema';
import { settingsHandlers } from './handlers/settings';
import { reviewHandlers } from './handlers/review';
import { conflictHandlers } from './handlers/conflicts';
import { suggestHandlers } from './handlers/suggest';
import type { Session } from './session';
import { GOLD_ANNOTATOR } from '../annotations/schema';
import { articleIdFor } from '../workspace/article-id';

export type { Dialogs, Emit } from './context';

export function createHandlerTable(session: Session, dialogs: Dialogs, version: string, emit: Emit = () => {}): HandlerTable {
  const context: HandlerContext = { session, dialogs, version, emit };
  session.recoveryListeners.add((report) => emit('storage.recovered', { ...report }));
  session.mergeListeners.add(({ article, annotator, decisions }) => {
    emit('labels.merged', { articleId: articleIdFor(article), path: article, layer: annotator === GOLD_ANNOTATOR ? 'gold' : 'mine', decisions });
  });
  return refuseWritesWhenReadOnly(session, {
    ...appHandlers(context),
    ...articleHandlers(context),
    ...labelHandlers(context),
    ...schemaHandlers(context),
    ...settingsHandlers(context),
    ...exportHandlers(context),
    ...importHandlers(context),
    ...reviewHandlers(context),
    ...conflictHandlers(context),
    ...suggestHandlers(context),
  });
}

/**
 * A read-only window (docs/reliability.md, "One writer") refuses every writing channel up front;
 * every request runs in the session's foreground, ahead of its background reading.
 */
function refuseWritesWhenReadOnly(session: Session, table: HandlerTable): HandlerTable {
  const guarded = { ...table } as Record<Channel, (request: never) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    const handler = table[channel] as (request: RequestOf<typeof channel>) => Promise<unknown>;
    guarded[channel] = async (request: RequestOf<typeof channel>) => {
      if (writesWorkspace(channel, request)) session.requireWritable();
      return session.foreground.run(() => handler(request));
    };
  }
  return guarded as unknown as HandlerTable;
}
