/**
 * Launches Pilcrow for an e2e spec. In the `chromium` project: Debian's Chromium runs the BUILT
 * renderer, and `window.pilcrow` is bound to the real handler table (the same one Electron
 * registers) running in this test process. In the `electron` project: the real app via
 * Playwright's `_electron.launch`. Specs are written once against `PilcrowApp`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, test, type Page } from '@playwright/test';
import { createHandlerTable, type Dialogs, type Emit } from '../../src-main/node/app/handlers';
import { dispatch } from '../../src-main/node/app/dispatch';
import { Session } from '../../src-main/node/app/session';
import { ipcName } from '../../src-main/shared/bridge-names';
import type { Channel, EventMap, EventName } from '../../src-main/shared/ipc';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { openAppPage, sharedChromium, type BlockedByThePage } from '../support/chromium-app';
import { builtLearnWorker, builtSuggestWorker } from '../support/workers';

const ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLE_WORKSPACE = join(ROOT, 'resources', 'sample-workspace');
/** The version the app reports: package.json's, as Electron's app.getVersion() reads it. */
export const APP_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

export { CHROMIUM_ARGS } from '../support/chromium-app';

export interface LaunchOptions {
  /** Folder opened at start; without it the app behaves as on first run (sample workspace). */
  workspace?: string;
  /** App settings folder (annotator name, recent workspaces). */
  userData: string;
  /** Annotator name set before the app starts. */
  annotator?: string;
  /** The operating system's language the window sees (chromium project only), e.g. 'fa-IR'. */
  locale?: string;
  /** Events main pushes that wait until `releaseEvents()` (chromium project only): a state in between. */
  holdEvents?: EventName[];
  /** Requests on these channels wait until `releaseCalls()` (chromium project only): a long article mid-load. */
  holdCalls?: Channel[];
  /**
   * Runs the learned suggester's BUILT worker thread (out/main/learn-worker.js), training soon
   * after opening and after decisions. The app always has it; specs that do not test it leave it
   * out, so no training runs under them.
   */
  learn?: boolean;
}

export interface PilcrowApp {
  page: Page;
  /** Queue the folder the next "Open workspace" dialog answers (null = cancel). */
  answerFolderDialog(folder: string | null): Promise<void>;
  /** Queue the file the next "Export" save dialog answers (null = cancel). */
  answerSaveDialog(file: string | null): Promise<void>;
  /** Queue the file the next "Import" open dialog answers (null = cancel). */
  answerOpenFileDialog(file: string | null): Promise<void>;
  /** What "Show in folder" asked the file manager to show so far, in order. */
  shownInFolder(): Promise<{ path: string; folder: boolean }[]>;
  /** What the application menu sends. */
  menu(command: EventMap['menu.command']): Promise<void>;
  /** Delivers the events held back by `holdEvents`, in order, and stops holding them. */
  releaseEvents(): Promise<void>;
  /** The events held back so far, by name (chromium project only). */
  heldEvents(): EventName[];
  /** Answers the requests held back by `holdCalls` and stops holding them. */
  releaseCalls(): Promise<void>;
  /**
   * From now on, reading the open workspace's article at `path` waits until the returned function
   * is called (chromium project only): an export stops there, mid-way, for as long as a test needs
   * (no file can make a read wait any more: a named pipe is refused at once).
   */
  holdArticle(path: string): () => void;
  /** Policy violations, policy errors in the console and requests outside the app so far (chromium project only). */
  blocked(): Promise<BlockedByThePage>;
  close(): Promise<void>;
}

/**
 * Specs launch through the `launchApp` fixture (fixtures.ts), which closes the app after the
 * test even when it fails. close() works once: a test may close an app itself (to read what it
 * wrote, or to free its lock) and the fixture's close after it does nothing.
 */
export async function launchApp(options: LaunchOptions): Promise<PilcrowApp> {
  const app = test.info().project.name === 'electron' ? await launchElectron(options) : await launchChromium(options);
  let closing: Promise<void> | null = null;
  const close = app.close;
  return { ...app, close: () => (closing ??= close()) };
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
  files: (string | null)[] = [];
  async pickOpenFile() {
    return this.files.shift() ?? null;
  }
  shown: { path: string; folder: boolean }[] = [];
  async showInFolder(target: { path: string; folder: boolean }) {
    this.shown.push({ ...target });
  }
}

async function launchChromium(options: LaunchOptions): Promise<PilcrowApp> {
  const browser = await sharedChromium();
  const session = await Session.create({
    userDataDir: options.userData,
    sampleWorkspaceDir: SAMPLE_WORKSPACE,
    ...(options.workspace ? { initialWorkspace: options.workspace } : {}),
    // Suggestions are read in the BUILT suggester's thread, as in the app.
    suggestWorker: builtSuggestWorker(),
    ...(options.learn ? { learnWorker: builtLearnWorker(), learnTimings: { afterOpenMs: 300, afterDecisionMs: 1500 } } : {}),
  });
  if (options.annotator) await session.setAnnotator(options.annotator);
  const dialogs = new ScriptedDialogs();
  // Events main pushes (export progress…) go to the page's mirror of the preload listeners.
  // The page calls app.init while it is still loading, before openAppPage returns: events emitted
  // then (a file recovered while opening the workspace) wait here and are delivered once it has.
  let eventTarget: Page | null = null;
  const early: [EventName, unknown][] = [];
  const deliver = (target: Page, event: EventName, payload: unknown) =>
    target.evaluate(([name, p]) => window.__pilcrowEmit(name, p), [event, payload] as [EventName, unknown]).catch(() => undefined);
  let held: [EventName, unknown][] | null = options.holdEvents ? [] : null;
  const emit: Emit = (event, payload) => {
    if (held && options.holdEvents?.includes(event)) held.push([event, payload]);
    else if (eventTarget) void deliver(eventTarget, event, payload);
    else early.push([event, payload]);
  };
  // About reads the licences from the checkout, as the unpackaged app does; there is no log file here.
  const about = { appFilesDir: ROOT, logFile: null, runtime: { electron: '', chrome: '', node: process.versions.node } };
  const table = createHandlerTable(session, dialogs, APP_VERSION, emit, about);
  let callsHeld: Promise<void> | null = null;
  let releaseHeldCalls = () => {};
  if (options.holdCalls) callsHeld = new Promise((resolve) => (releaseHeldCalls = resolve));
  const invoke = async (channel: unknown, request: unknown) => {
    if (callsHeld && options.holdCalls?.includes(channel as Channel)) await callsHeld;
    return dispatch(table, channel, request);
  };
  const opened = await openAppPage(browser, { invoke, ...(options.locale ? { locale: options.locale } : {}) }).catch(async (error: unknown) => {
    // No app to close: the session, its watcher and its lock go here.
    await session.foreground.idle();
    session.close();
    throw error;
  });
  const { context, page, blocked } = opened;
  const heldArticles: (() => void)[] = [];
  eventTarget = page;
  for (const [event, payload] of early.splice(0)) await deliver(page, event, payload);
  return {
    page,
    answerFolderDialog: async (folder) => void dialogs.folders.push(folder),
    answerSaveDialog: async (file) => void dialogs.saves.push(file),
    answerOpenFileDialog: async (file) => void dialogs.files.push(file),
    shownInFolder: async () => [...dialogs.shown],
    menu: (payload) => page.evaluate(([name, p]) => window.__pilcrowEmit(name, p), ['menu.command', payload] as [EventName, unknown]),
    releaseEvents: async () => {
      const events = held ?? [];
      held = null;
      for (const [event, payload] of events) await deliver(page, event, payload);
    },
    heldEvents: () => (held ?? []).map(([event]) => event),
    releaseCalls: async () => {
      callsHeld = null;
      releaseHeldCalls();
    },
    holdArticle: (path) => {
      const workspace = session.workspace;
      const id = workspace?.idOfPath(path);
      if (!workspace || !id) throw new Error(`no article ${path} in the open workspace`);
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const entry = workspace.entry.bind(workspace);
      workspace.entry = async (wanted) => {
        if (wanted === id) await gate;
        return entry(wanted);
      };
      const releaseArticle = () => {
        workspace.entry = entry;
        release();
      };
      heldArticles.push(releaseArticle);
      return releaseArticle;
    },
    blocked,
    close: async () => {
      // Nothing held back outlives the test that held it (one that failed before letting go).
      for (const release of heldArticles.splice(0)) release();
      releaseHeldCalls();
      // In Electron's order: the window goes first (what it sent on its way out still reaches
      // main), main finishes those requests, then the app quits: the session stops its file
      // watcher and gives the writer lock back. Once this resolves, the lock is free.
      await context.close();
      await session.foreground.idle();
      session.close();
    },
  };
}

async function launchElectron(options: LaunchOptions): Promise<PilcrowApp> {
  const binary = findElectronBinary();
  if ('missing' in binary) throw new Error(binary.missing);
  const args = [join(ROOT, process.env.PILCROW_OUT ?? 'out', 'main', 'index.js'), `--user-data=${options.userData}`];
  if (options.workspace) args.push(`--workspace=${options.workspace}`);
  if (options.annotator) {
    // Same settings file the app reads; written before start through the app's own store.
    const session = await Session.create({ userDataDir: options.userData, sampleWorkspaceDir: SAMPLE_WORKSPACE });
    await session.setAnnotator(options.annotator);
  }
  const app = await _electron.launch({ executablePath: binary.path, args });
  const page = await app.firstWindow().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  // The file manager is not opened in a test: what Show in folder asks for is recorded instead.
  // Dialog answers wait in three queues, as ScriptedDialogs' do in the chromium project: a
  // folder, a file to open and a file to save each go to the dialog that asks for that kind.
  await app.evaluate(({ dialog, shell }) => {
    const shown: { path: string; folder: boolean }[] = ((globalThis as Record<string, unknown>).__shownInFolder = []) as never;
    shell.showItemInFolder = (path: string) => void shown.push({ path, folder: false });
    shell.openPath = async (path: string) => (shown.push({ path, folder: true }), '');
    const answers: Record<'folder' | 'file' | 'save', (string | null)[]> = ((globalThis as Record<string, unknown>).__dialogAnswers = { folder: [], file: [], save: [] }) as never;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      const options = args.at(-1) as { properties?: string[] };
      const f = answers[options.properties?.includes('openDirectory') ? 'folder' : 'file'].shift() ?? null;
      return { canceled: !f, filePaths: f ? [f] : [] };
    }) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async () => {
      const f = answers.save.shift() ?? null;
      return { canceled: !f, filePath: f ?? '' };
    }) as typeof dialog.showSaveDialog;
  });
  const answer = (kind: 'folder' | 'file' | 'save', value: string | null) =>
    app.evaluate((_electron, [k, v]) => void ((globalThis as Record<string, unknown>).__dialogAnswers as Record<string, (string | null)[]>)[k]!.push(v), [kind, value] as const);
  return {
    page,
    answerFolderDialog: (folder) => answer('folder', folder),
    answerSaveDialog: (file) => answer('save', file),
    answerOpenFileDialog: (file) => answer('file', file),
    shownInFolder: () => app.evaluate(() => [...((globalThis as Record<string, unknown>).__shownInFolder as { path: string; folder: boolean }[])]),
    menu: (payload) => app.evaluate(({ BrowserWindow }, [name, p]) => BrowserWindow.getAllWindows()[0]?.webContents.send(name, p), [ipcName('menu.command'), payload] as const),
    releaseEvents: async () => {
      if (options.holdEvents) throw new Error('holdEvents works in the chromium project only');
    },
    heldEvents: () => {
      throw new Error('holdEvents works in the chromium project only');
    },
    releaseCalls: async () => {
      if (options.holdCalls) throw new Error('holdCalls works in the chromium project only');
    },
    holdArticle: () => {
      throw new Error('holdArticle works in the chromium project only');
    },
    blocked: () => {
      throw new Error('blocked works in the chromium project only');
    },
    close: () => app.close(),
  };
}
