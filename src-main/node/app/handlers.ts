/**
 * The handler table: one function per IPC channel, assembled from one module per feature in
 * handlers/. Electron registers it with ipcMain; the e2e harness binds the very same table.
 */
import type { HandlerTable } from '../../shared/ipc';
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

export type { Dialogs, Emit } from './context';

export function createHandlerTable(session: Session, dialogs: Dialogs, version: string, emit: Emit = () => {}): HandlerTable {
  const context: HandlerContext = { session, dialogs, version, emit };
  session.recoveryListeners.add((report) => emit('storage.recovered', { ...report }));
  return {
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
  };
}
