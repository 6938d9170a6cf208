// A recording stand-in for the `electron` module, for loading the PACKAGED main bundle in plain
// Node (scripts/package-check/wiring-child.mjs). It is not Electron: it records what the shell
// asks of Electron at start (the single-instance lock, the app:// scheme and its handler, the
// window and its web preferences, the menu, permission handlers, IPC handlers) so the check can
// look at them and call them. What it answers mimics Electron where the wiring depends on it:
// app.getAppPath() is the packaged app.asar, net.fetch reads file:// URLs (inside an .asar too,
// through @electron/asar), app.getVersion() is the packaged package.json's version.
import { readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';

/**
 * @param {{ appPath: string, version: string, paths: Record<string, string> }} config
 */
export function createElectronStandIn(config) {
  const record = {
    lockRequests: 0,
    quits: 0,
    exits: [],
    setPaths: {},
    schemes: [],
    protocolHandlers: new Map(),
    appListeners: new Map(),
    windows: [],
    menus: [],
    permissionRequest: null,
    permissionCheck: null,
    ipcHandlers: new Map(),
    exposed: new Map(),
    rendererInvokes: [],
    unexpected: [],
  };
  const paths = { ...config.paths };

  class WebContents {
    listeners = new Map();
    openHandler = null;
    sent = [];
    on(event, listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler) {
      this.openHandler = handler;
    }
    send(channel, payload) {
      this.sent.push([channel, payload]);
    }
  }

  class BrowserWindow {
    static getAllWindows = () => record.windows;
    webContents = new WebContents();
    loadedUrls = [];
    listeners = new Map();
    constructor(options) {
      this.options = options;
      record.windows.push(this);
    }
    on(event, listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event, listener) {
      return this.on(event, listener);
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    loadURL(url) {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
  }

  const app = {
    isPackaged: true,
    on(event, listener) {
      record.appListeners.set(event, [...(record.appListeners.get(event) ?? []), listener]);
      return app;
    },
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock() {
      record.lockRequests++;
      return true;
    },
    quit() {
      record.quits++;
    },
    exit(code = 0) {
      record.exits.push(code);
    },
    setPath(name, value) {
      record.setPaths[name] = value;
      paths[name] = value;
    },
    getPath(name) {
      if (!paths[name]) throw new Error(`stand-in: app.getPath('${name}') has no answer here`);
      return paths[name];
    },
    getAppPath: () => config.appPath,
    getVersion: () => config.version,
    getName: () => 'pilcrow',
  };

  const module = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes) => void record.schemes.push(...schemes),
      handle: (scheme, handler) => void record.protocolHandlers.set(scheme, handler),
    },
    net: { fetch: fetchFile },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler) => void (record.permissionRequest = handler),
        setPermissionCheckHandler: (handler) => void (record.permissionCheck = handler),
      },
    },
    ipcMain: {
      handle: (channel, listener) => void record.ipcHandlers.set(channel, listener),
      on: (channel) => void record.unexpected.push(`ipcMain.on('${channel}')`),
    },
    Menu: {
      buildFromTemplate: (template) => ({ template }),
      setApplicationMenu: (menu) => void record.menus.push(menu),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showErrorBox: (title, content) => void record.unexpected.push(`dialog.showErrorBox(${title}: ${content})`),
    },
    shell: {},
    contextBridge: { exposeInMainWorld: (key, api) => void record.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args) => (record.rendererInvokes.push(args), Promise.resolve({ ok: true, result: null })),
      on: () => {},
      removeListener: () => {},
    },
  };
  return { module, record };
}

/** Electron's net.fetch for file:// URLs, .asar archives included (Electron reads into them). */
export async function fetchFile(url) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'file:') return new Response('stand-in: net.fetch only serves file:// here', { status: 500 });
  const path = fileURLToPath(parsed);
  try {
    const at = path.indexOf(`.asar${sep}`);
    if (at !== -1 && statSync(path.slice(0, at + 5)).isFile()) {
      return new Response(asar.extractFile(path.slice(0, at + 5), path.slice(at + 6)), { status: 200 });
    }
    return new Response(readFileSync(path), { status: 200 });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
