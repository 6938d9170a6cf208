/**
 * The handler table: one function per IPC channel, assembled from one module per feature in
 * handlers/. Electron registers it with ipcMain; the e2e harness binds the very same table.
 */
import { CHANNELS, type Channel, type HandlerTable, type RequestOf } from '../../shared/ipc';
import { writesWorkspace } from '../../shared/channel-access';
import type { AboutSource, Dialogs, Emit, HandlerContext } from './context';
import { aboutHandlers } from './handlers/about';
import { appHandlers } from './handlers/app';
import { articleHandlers } from './handlers/articles';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { labelHandlers } from './handlers/labels';
import { schemaHandlers } from './handlers/schema';
import { settingsHandlers } from './handlers/settings';
import { reviewHandlers } from './handlers/review';
import { conflictHandlers } from './handlers/conflicts';
import { layerHandlers } from './handlers/layers';
import { suggestHandlers } from './handlers/suggest';
import { learnHandlers } from './handlers/learn';
import { teamHandlers } from './handlers/team';
import type { Session } from './session';
import { articleIdFor } from '../workspace/article-id';
import { GOLD_ANNOTATOR } from '../../shared/labels';

export type { AboutSource, Dialogs, Emit } from './context';

export function createHandlerTable(session: Session, dialogs: Dialogs, version: string, emit: Emit = () => {}, about: AboutSource | null = null): HandlerTable {
  const context: HandlerContext = { session, dialogs, version, emit, about };
  session.recoveryListeners.add((report) => emit('storage.recovered', { ...report }));
  session.mergeListeners.add(({ article, annotator, decisions }) => {
    emit('labels.merged', { articleId: articleIdFor(article), path: article, layer: annotator === GOLD_ANNOTATOR ? 'gold' : 'mine', decisions });
  });
  return refuseWritesWhenReadOnly(session, {
    ...appHandlers(context),
    ...aboutHandlers(context),
    ...articleHandlers(context),
    ...labelHandlers(context),
    ...schemaHandlers(context),
    ...settingsHandlers(context),
    ...exportHandlers(context),
    ...importHandlers(context),
    ...reviewHandlers(context),
    ...conflictHandlers(context),
    ...layerHandlers(context),
    ...suggestHandlers(context),
    ...learnHandlers(context),
    ...teamHandlers(context),
  });
}

/**
 * A read-only window (docs/reliability.md, "One writer") refuses every writing channel up front;
 * every request runs in the session's foreground, ahead of its background reading; a writing
 * request that succeeded is told to `session.onWritten` (the learner retrains, debounced).
 */
function refuseWritesWhenReadOnly(session: Session, table: HandlerTable): HandlerTable {
  const guarded = { ...table } as Record<Channel, (request: never) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    const handler = table[channel] as (request: RequestOf<typeof channel>) => Promise<unknown>;
    guarded[channel] = async (request: RequestOf<typeof channel>) => {
      const writes = writesWorkspace(channel, request);
      if (writes) session.requireWritable();
      const result = await session.foreground.run(() => handler(request));
      if (writes) for (const listener of session.onWritten) listener(channel);
      return result;
    };
  }
  return guarded as unknown as HandlerTable;
}
