/**
 * Launches Pilcrow for an e2e spec. In the `chromium` project: Debian's Chromium runs the BUILT
 * renderer, and `window.pilcrow` is bound to the real handler table (the same one Electron
 * registers) running in this test process. In the `electron` project: the real app via
 * Playwright's `_electron.launch`. Specs are written once against `PilcrowApp`.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, _electron, test, type Browser, type Page } from '@playwright/test';
import { createHandlerTable, type Dialogs } from '../../src-main/node/app/handlers';
import { dispatch } from '../../src-main/node/app/dispatch';
import { Session } from '../../src-main/node/app/session';
import type { EventMap, EventName } from '../../src-main/shared/ipc';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out', 'renderer');
const ORIGIN = 'http://pilcrow.test';
export const SAMPLE_WORKSPACE = join(ROOT, 'resources', 'sample-workspace');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface LaunchOptions {
  /** Folder opened at start; without it the app behaves as on first run (sample workspace). */
  workspace?: string;
  /** App settings folder (annotator name, recent workspaces). */
  userData: string;
  /** Annotator name set before the app starts. */
  annotator?: string;
}

export interface PilcrowApp {
  page: Page;
  /** Queue the folder the next "Open workspace" dialog answers (null = cancel). */
  answerFolderDialog(folder: string | null): Promise<void>;
  /** Queue the file the next "Export" save dialog answers (null = cancel). */
  answerSaveDialog(file: string | null): Promise<void>;
  /** What the application menu sends. */
  menu(command: EventMap['menu.command']): Promise<void>;
  close(): Promise<void>;
}

let sharedBrowser: Promise<Browser> | null = null;

export async function launchApp(options: LaunchOptions): Promise<PilcrowApp> {
  return test.info().project.name === 'electron' ? launchElectron(options) : launchChromium(options);
}

class ScriptedDialogs implements Dialogs {
  folders: (string | null)[] = [];
  saves: (string | null)[] = [];
  async pickFolder() {
    return this.folders.shift() ?? null;
  }
  async pickSaveFile() {
    return this.saves.shift() ?? null;
  }
}

async function launchChromium(options: LaunchOptions): Promise<PilcrowApp> {
  sharedBrowser ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const browser = await sharedBrowser;
  const session = await Session.create({
    userDataDir: options.userData,
    sampleWorkspaceDir: SAMPLE_WORKSPACE,
    ...(options.workspace ? { initialWorkspace: options.workspace } : {}),
  });
  if (options.annotator) await session.setAnnotator(options.annotator);
  const dialogs = new ScriptedDialogs();
  const table = createHandlerTable(session, dialogs, 'e2e');
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = normalize(join(RENDERER, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER + sep)) return route.fulfill({ status: 404 });
    const body = await readFile(file).catch(() => null);
    if (!body) return route.fulfill({ status: 404, body: `not built: ${path}; run npm run build` });
    return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  // Everything else (fonts from a CDN, analytics…) must not exist: fail loudly.
  await context.route(/^(?!http:\/\/pilcrow\.test\/)/, (route) => route.abort('blockedbyclient'));
  await context.exposeBinding('__pilcrowInvoke', (_source, channel: unknown, request: unknown) => dispatch(table, channel, request));
  await context.addInitScript(mirrorPreload);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    answerFolderDialog: async (folder) => void dialogs.folders.push(folder),
    answerSaveDialog: async (file) => void dialogs.saves.push(file),
    menu: (payload) => page.evaluate(([name, p]) => window.__pilcrowEmit(name, p), ['menu.command', payload] as [EventName, unknown]),
    close: () => context.close(),
  };
}

declare global {
  interface Window {
    __pilcrowInvoke(channel: string, request: unknown): Promise<never>;
    __pilcrowEmit(event: string, payload: unknown): void;
  }
}

/** Runs in the page before its scripts: the same shape the preload exposes. */
function mirrorPreload(): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  window.__pilcrowEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
  Object.defineProperty(window, 'pilcrow', {
    value: Object.freeze({
      invoke: (channel: string, request: unknown) => window.__pilcrowInvoke(channel, request),
      on(event: string, listener: (payload: unknown) => void) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    }),
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

async function launchElectron(options: LaunchOptions): Promise<PilcrowApp> {
  const binary = findElectronBinary();
  if ('missing' in binary) throw new Error(binary.missing);
  const args = [join(ROOT, 'out', 'main', 'index.js'), `--user-data=${options.userData}`];
  if (options.workspace) args.push(`--workspace=${options.workspace}`);
  if (options.annotator) {
    // Same settings file the app reads; written before start through the app's own store.
    const session = await Session.create({ userDataDir: options.userData, sampleWorkspaceDir: SAMPLE_WORKSPACE });
    await session.setAnnotator(options.annotator);
  }
  const app = await _electron.launch({ executablePath: binary.path, args });
  const page = await app.firstWindow();
  const answer = (kind: 'open' | 'save', value: string | null) =>
    app.evaluate(({ dialog }, [k, v]) => {
      const queue = ((globalThis as Record<string, unknown>)[`__answers_${k}`] ??= []) as (string | null)[];
      queue.push(v);
      const next = () => queue.shift() ?? null;
      if (k === 'open') dialog.showOpenDialog = (async () => {
        const f = next();
        return { canceled: !f, filePaths: f ? [f] : [] };
      }) as typeof dialog.showOpenDialog;
      else dialog.showSaveDialog = (async () => {
        const f = next();
        return { canceled: !f, filePath: f ?? '' };
      }) as typeof dialog.showSaveDialog;
    }, [kind, value] as const);
  return {
    page,
    answerFolderDialog: (folder) => answer('open', folder),
    answerSaveDialog: (file) => answer('save', file),
    menu: (payload) => app.evaluate(({ BrowserWindow }, p) => BrowserWindow.getAllWindows()[0]?.webContents.send('pilcrow:menu.command', p), payload),
    close: () => app.close(),
  };
}
