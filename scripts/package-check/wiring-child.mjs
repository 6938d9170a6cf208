// Runs in its own Node process (scripts/package-check/wiring.mjs starts it): loads the PACKAGED
// main bundle, extracted from app.asar, with the recording electron stand-in, lets the shell
// start, then exercises what it registered (the app:// handler, IPC handlers, the preload) and
// writes what happened as JSON to the result file. Not a run of Electron: a check of our wiring.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createElectronStandIn } from './electron-stand-in.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const standIn = createElectronStandIn(config);
const { record } = standIn;
globalThis.__pilcrowElectronStandIn = standIn;
register('./electron-loader.mjs', import.meta.url);

const errors = [];
const describe = (e) => (e instanceof Error ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(e));
process.on('unhandledRejection', (e) => errors.push(`unhandled rejection: ${describe(e)}`));
process.on('uncaughtException', (e) => errors.push(`uncaught exception: ${describe(e)}`));

// What the shell prints (pilcrow --version) is recorded, not shown.
const printed = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => (printed.push(String(chunk)), rest.find((r) => typeof r === 'function')?.(), true);

process.argv = [config.executable, ...config.args];
const started = Date.now();
try {
  await import(pathToFileURL(config.main).href);
} catch (e) {
  errors.push(`loading the packaged main failed: ${describe(e)}`);
}

const result = { errors, printed, probes: null };
if (!config.args.includes('--version') && !errors.length) {
  const ready = await until(() => record.windows[0]?.loadedUrls.length > 0 || errors.length > 0, config.timeoutMs);
  if (!ready) errors.push(`no window loaded a page within ${config.timeoutMs / 1000} s of start`);
  else if (!errors.length) result.probes = await probe();
}
result.record = summary();
result.quit = await quitProbe();
process.stdout.write = write;
writeFileSync(config.resultFile, JSON.stringify(result, null, 1));
process.exit(0);

/**
 * Quitting as Electron does it: the first before-quit must be held back (saves in flight finish
 * first, src-main/electron/quit.ts), and the quit asked for again once main is idle, which also
 * gives the writer lock back.
 */
async function quitProbe() {
  let held = false;
  for (const listener of record.appListeners.get('before-quit') ?? []) listener({ preventDefault: () => (held = true) });
  const deadline = Date.now() + config.timeoutMs;
  while (record.quits === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return { held, quitAgain: record.quits > 0 };
}

/** Waits for a state (polling), up to a deadline. */
async function until(condition, timeoutMs) {
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

async function probe() {
  const probes = {};
  // app:// — the page, what it loads, and what it must refuse.
  const handler = record.protocolHandlers.get('app');
  const fetchApp = async (url) => {
    const response = await handler(new Request(url));
    const body = Buffer.from(await response.arrayBuffer());
    return { url, status: response.status, csp: response.headers.get('content-security-policy'), sha256: sha256(body), body };
  };
  if (handler) {
    const page = await fetchApp('app://pilcrow/index.html');
    const html = page.body.toString('utf8');
    const assets = [...html.matchAll(/\b(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => `app://pilcrow/${m[1]}`);
    const requests = [page, ...(await Promise.all(assets.map(fetchApp)))];
    const refusals = await Promise.all(['app://pilcrow/%2e%2e/%2e%2e/package.json', 'app://pilcrow/..%2f..%2fpackage.json', 'app://elsewhere/index.html', 'app://pilcrow/assets/no-such-file.js'].map(fetchApp));
    probes.protocol = { served: requests.map(({ body: _, ...r }) => r), refused: refusals.map(({ body: _, ...r }) => r) };
  }
  // Every webContents the app creates: navigation blocked, window.open denied.
  const contents = new (class {
    listeners = new Map();
    openHandler = null;
    on(event, listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }
    setWindowOpenHandler(handler) {
      this.openHandler = handler;
    }
  })();
  for (const hook of record.appListeners.get('web-contents-created') ?? []) hook({}, contents);
  probes.webContents = guards(contents);
  probes.window = guards(record.windows[0].webContents);
  // Permissions: every request denied.
  probes.permissions = {
    request: record.permissionRequest ? await new Promise((r) => record.permissionRequest(null, 'media', r, {})) : null,
    check: record.permissionCheck ? record.permissionCheck(null, 'notifications', 'app://pilcrow', {}) : null,
  };
  // IPC: the handler table behind ipcMain, called as the renderer's frame would call it.
  const ipc = async (channel, url, request = {}) => {
    const handle = record.ipcHandlers.get(`pilcrow:${channel}`);
    if (!handle) return { missing: true };
    try {
      return await handle({ senderFrame: { url } }, request);
    } catch (e) {
      return { threw: describe(e) };
    }
  };
  const init = await ipc('app.init', 'app://pilcrow/index.html');
  probes.ipc = {
    init: init.ok ? { ok: true, version: init.result.version, workspace: init.result.workspace && { name: init.result.workspace.name, root: init.result.workspace.root, articles: init.result.workspace.articles.length } } : init,
    foreign: await ipc('app.init', 'https://example.com/'),
    about: await ipc('app.about', 'app://pilcrow/index.html').then((a) => (a.ok ? { ok: true, version: a.result.version, logFile: a.result.logFile, settingsFile: a.result.settingsFile, licenses: a.result.licenses.map((l) => [l.name, l.license, l.text.length]) } : a)),
  };
  probes.preload = loadPreload(record.windows[0].options?.webPreferences?.preload);
  return probes;
}

function guards(contents) {
  const prevented = [];
  for (const event of ['will-navigate', 'will-attach-webview']) {
    let blocked = false;
    for (const listener of contents.listeners.get(event) ?? []) listener({ preventDefault: () => (blocked = true) }, 'https://example.com/');
    prevented.push([event, blocked]);
  }
  return { prevented: Object.fromEntries(prevented), windowOpen: contents.openHandler?.({ url: 'https://example.com/' }) ?? null };
}

/**
 * Runs the packaged preload as a sandboxed preload runs: CommonJS whose `require` knows only
 * `electron` and a few built-ins (Electron's sandbox), with the stand-in's contextBridge.
 */
function loadPreload(path) {
  if (typeof path !== 'string') return { error: 'the window has no preload path' };
  let code;
  try {
    code = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `cannot read ${path}: ${e.code ?? e.message}` };
  }
  const required = [];
  const sandboxRequire = (name) => {
    required.push(name);
    if (name === 'electron') return standIn.module;
    throw new Error(`a sandboxed preload cannot require('${name}')`);
  };
  try {
    const module = { exports: {} };
    new Function('exports', 'require', 'module', '__filename', '__dirname', code)(module.exports, sandboxRequire, module, path, '');
  } catch (e) {
    return { error: describe(e), required };
  }
  const bridge = record.exposed.get('pilcrow');
  let routed = null;
  if (bridge?.invoke) {
    bridge.invoke('app.init', {});
    routed = record.rendererInvokes.at(-1)?.[0] ?? null;
  }
  return { required, exposed: [...record.exposed.keys()], bridgeKeys: bridge ? Object.keys(bridge).sort() : [], routed };
}

/** The record as JSON: functions become their names, windows their options. */
function summary() {
  const menuItems = (items) => (items ?? []).map((i) => ({ label: i.label ?? null, role: i.role ?? null, type: i.type ?? null, submenu: Array.isArray(i.submenu) ? menuItems(i.submenu) : null }));
  return {
    lockRequests: record.lockRequests,
    quits: record.quits,
    exits: record.exits,
    setPaths: record.setPaths,
    schemes: record.schemes,
    protocols: [...record.protocolHandlers.keys()],
    appEvents: [...record.appListeners.keys()],
    windows: record.windows.map((w) => ({ options: w.options, loadedUrls: w.loadedUrls })),
    menus: record.menus.map((m) => menuItems(m.template)),
    permissionHandlers: { request: Boolean(record.permissionRequest), check: Boolean(record.permissionCheck) },
    ipcChannels: [...record.ipcHandlers.keys()],
    unexpected: record.unexpected,
  };
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}
