/** Registers the handler table with ipcMain: sender check, then the shared dispatch (schema + envelope). */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcName } from '../shared/bridge-names';
import { CHANNELS, type HandlerTable } from '../shared/ipc';
import { dispatch } from '../node/app/dispatch';
import { APP_ORIGIN } from './protocol';

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function registerHandlers(table: HandlerTable): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcName(channel), async (event, request: unknown) => {
      if (!fromOurPage(event)) return { ok: false, error: { code: 'forbidden', message: 'IPC from an unknown frame was refused' } };
      return dispatch(table, channel, request);
    });
  }
}
