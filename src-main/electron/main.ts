/** Electron entry: app lifecycle only; everything it serves comes from node/ and the handler table. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createHandlerTable, type Emit } from '../node/app/handlers';
import { ipcName } from '../shared/bridge-names';
import { LOG_FILE_NAME, openLogFile, teeConsoleTo } from '../node/app/log-file';
import { Session } from '../node/app/session';
import { appFilesDir, bundledResource } from './app-files';
import { nativeDialogs } from './dialogs';
import { registerHandlers } from './ipc';
import { quitAfterRequestsEnd } from './quit';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, denyAllPermissions } from './window';

/** `--workspace=DIR` opens DIR at start; `--user-data=DIR` keeps settings elsewhere (tests). */
function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

let mainWindow: BrowserWindow | null = null;

if (process.argv.includes('--version')) {
  // `pilcrow --version` from a shell (the .deb links /usr/bin/pilcrow here): answer and leave.
  process.stdout.write(`${app.getVersion()}\n`);
  app.exit(0);
} else {
  const userDataArg = argValue('user-data');
  if (userDataArg) app.setPath('userData', userDataArg);
  // One Pilcrow per settings folder: a second start focuses the open window instead. (Electron
  // keys the lock on the user data folder, so --user-data=… runs stay independent.)
  if (!app.requestSingleInstanceLock()) app.quit();
  else start();
}

/** `<logs>/main.log`, or null where the platform gives no logs folder (nothing is logged then). */
function logFilePath(): string | null {
  try {
    return join(app.getPath('logs'), LOG_FILE_NAME);
  } catch {
    return null;
  }
}

function start(): void {
  registerAppScheme();
  const logFile = logFilePath();
  if (logFile) teeConsoleTo(openLogFile(logFile));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

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
      sampleWorkspaceDir: bundledResource(app.getAppPath(), 'sample-workspace'),
      ...(initialWorkspace ? { initialWorkspace } : {}),
      // Built beside this entry (electron.vite.config.ts). Inside app.asar is fine: Electron's
      // worker threads read from asar archives since Electron 18 (electron/electron#33216).
      learnWorker: { file: join(import.meta.dirname, 'learn-worker.js') },
      suggestWorker: { file: join(import.meta.dirname, 'suggest-worker.js') },
    });
    const getWindow = () => mainWindow;
    const dialogs = nativeDialogs(getWindow, () => app.getPath('documents'));
    const emit: Emit = (event, payload) => mainWindow?.webContents.send(ipcName(event), payload);
    const about = {
      appFilesDir: appFilesDir(app.getAppPath()),
      logFile,
      runtime: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    };
    registerHandlers(createHandlerTable(session, dialogs, app.getVersion(), emit, about));
    // Saves still in flight finish first; then the writer lock is given back.
    quitAfterRequestsEnd(app, session);
    buildMenu(getWindow, () => session.settings.data.recent);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
}
