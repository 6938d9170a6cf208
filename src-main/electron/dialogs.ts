/** Native folder and save dialogs, behind the Dialogs interface the handler table uses. */
import { dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Dialogs } from '../node/app/handlers';

export function nativeDialogs(getWindow: () => BrowserWindow | null, defaultDir: () => string): Dialogs {
  return {
    async pickFolder() {
      const window = getWindow();
      const options = { title: 'Open Workspace', properties: ['openDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveFile(suggestedName) {
      const window = getWindow();
      const options = { title: 'Export labels', defaultPath: join(defaultDir(), suggestedName), filters: [{ name: 'JSON', extensions: ['json'] }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
