/** Electron entry: app lifecycle only; everything it serves comes from node/ and the handler table. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createHandlerTable, type Emit } from '../node/app/handlers';
import { Session } from '../node/app/session';
import { nativeDialogs } from './dialogs';
import { registerHandlers } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, denyAllPermissions } from './window';

/** `--workspace=DIR` opens DIR at start; `--user-data=DIR` keeps settings elsewhere (tests). */
function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const userDataArg = argValue('user-data');
if (userDataArg) app.setPath('userData', userDataArg);
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(async () => {
  denyAllPermissions();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const initialWorkspace = argValue('workspace');
  const session = await Session.create({
    userDataDir: app.getPath('userData'),
    sampleWorkspaceDir: join(app.getAppPath(), 'resources', 'sample-workspace'),
    ...(initialWorkspace ? { initialWorkspace } : {}),
    // Built beside this entry (electron.vite.config.ts); a packager must keep it out of an asar archive.
    learnWorker: { file: join(import.meta.dirname, 'learn-worker.js') },
  });
  const getWindow = () => mainWindow;
  const dialogs = nativeDialogs(getWindow, () => app.getPath('documents'));
  const emit: Emit = (event, payload) => mainWindow?.webContents.send(`pilcrow:${event}`, payload);
  registerHandlers(createHandlerTable(session, dialogs, app.getVersion(), emit));
  // Gives the writer lock back (synchronously: quitting does not wait for promises).
  app.on('will-quit', () => session.close());
  buildMenu(getWindow, () => session.settings.data.recent);
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
});

app.on('window-all-closed', () => app.quit());
