/** Native folder and save dialogs and the file manager, behind the Dialogs interface the handler table uses. */
import { dialog, type BrowserWindow } from 'electron';
import { extname, join } from 'node:path';
import type { Dialogs } from '../node/app/handlers';
import { showInFolder } from './show-in-folder';

export function nativeDialogs(getWindow: () => BrowserWindow | null, defaultDir: () => string): Dialogs {
  return {
    async pickFolder(purpose = 'workspace') {
      const window = getWindow();
      const options =
        purpose === 'export'
          ? { title: 'Export a dataset folder', defaultPath: defaultDir(), properties: ['openDirectory' as const, 'createDirectory' as const] }
          : { title: 'Open Workspace', properties: ['openDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveFile(suggestedName) {
      const window = getWindow();
      const ext = extname(suggestedName).slice(1) || 'json';
      const options = { title: 'Export labels', defaultPath: join(defaultDir(), suggestedName), filters: [{ name: ext.toUpperCase(), extensions: [ext] }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickOpenFile(title, extensions) {
      const window = getWindow();
      const options = { title, defaultPath: defaultDir(), properties: ['openFile' as const], filters: [{ name: extensions.join(', ').toUpperCase(), extensions }] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showInFolder,
  };
}
