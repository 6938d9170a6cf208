/**
 * The handler table: one function per IPC channel, assembled from one module per feature in
 * handlers/. Electron registers it with ipcMain; the e2e harness binds the very same table.
 */
import type { HandlerTable } from '../../shared/ipc';
import type { Dialogs, Emit, HandlerContext } from './context';
import { appHandlers } from './handlers/app';
import { articleHandlers } from './handlers/articles';
import { exportHandlers } from './handlers/export';
import { labelHandlers } from './handlers/labels';
import { reviewHandlers } from './handlers/review';
import type { Session } from './session';

export type { Dialogs, Emit } from './context';

export function createHandlerTable(session: Session, dialogs: Dialogs, version: string, emit: Emit = () => {}): HandlerTable {
  const context: HandlerContext = { session, dialogs, version, emit };
  return {
    ...appHandlers(context),
    ...articleHandlers(context),
    ...labelHandlers(context),
    ...exportHandlers(context),
    ...reviewHandlers(context),
  };
}
