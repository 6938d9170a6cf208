// The dynamic half of `npm run package:check`: loads the packaged main in plain Node with a
// recording stand-in for `electron` (wiring-child.mjs) and checks what the shell does at start.
// A check of our wiring — which files the packaged code asks for and how it sets Electron up —
// not a run of Electron.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./wiring-child.mjs', import.meta.url));

/**
 * The preferences every window must have (the reliability guide's Electron checklist), stated
 * here on their own rather than imported from window-options.ts: a weakened source must fail.
 */
const MUST_BE_ON = ['contextIsolation', 'sandbox', 'webSecurity'];
const MUST_BE_OFF = ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'webviewTag'];
export const SECURE_PREFERENCES = Object.fromEntries([...MUST_BE_ON.map((k) => [k, true]), ...MUST_BE_OFF.map((k) => [k, false])]);
/** What Electron's sandbox lets a preload require. */
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

/**
 * Starts the packaged main (extracted to `extractedDir`) in a child Node process.
 * @param {{ extractedDir: string, asarPath: string, version: string, workDir: string, args?: string[], timeoutMs?: number }} options
 */
export function runWiring({ extractedDir, asarPath, version, workDir, args = [], timeoutMs = 60_000 }) {
  const home = join(workDir, 'home');
  const paths = { userData: join(home, 'user-data'), logs: join(home, 'user-data', 'logs'), documents: join(home, 'Documents'), temp: join(workDir, 'tmp'), home };
  for (const dir of Object.values(paths)) mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extractedDir, 'package.json'), 'utf8'));
  const configFile = join(workDir, 'wiring-config.json');
  const resultFile = join(workDir, 'wiring-result.json');
  const config = { main: join(extractedDir, manifest.main), appPath: asarPath, version, paths, args, executable: join(workDir, 'pilcrow'), timeoutMs, resultFile };
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawnSync(process.execPath, [CHILD, configFile], { cwd: workDir, encoding: 'utf8', timeout: timeoutMs + 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '' } });
  let result;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    result = { errors: [`the wiring run ended (${child.error?.code ?? `exit ${child.status ?? child.signal}`}) without a result: ${(child.stderr || child.stdout || '').trim().slice(-2000)}`], printed: [], probes: null, record: null };
  }
  return { ...result, paths, stderr: child.stderr };
}

/**
 * What the shell must have done at start, each as a line: [ok, what was checked].
 * @param {ReturnType<typeof runWiring>} run
 * @param {{ view: import('./asar-view.mjs').AsarView, extractedDir: string, version: string }} expected
 * @returns {[boolean, string][]}
 */
export function checkWiring(run, { view, extractedDir, version }) {
  const sampleArticles = [...view.files.keys()].filter((p) => p.startsWith('resources/sample-workspace/') && !p.includes('/.pilcrow/')).length;
  const lines = [];
  const check = (ok, what) => lines.push([Boolean(ok), what]);
  check(!run.errors.length, run.errors.length ? `the shell started without an error: ${run.errors.join('; ')}` : 'the shell started without an error');
  const r = run.record;
  if (!r) return lines;
  check(r.lockRequests === 1, `the single-instance lock was requested (${r.lockRequests} time(s))`);
  check(r.quits === 0 && r.exits.length === 0, 'it did not quit on its own');
  const scheme = r.schemes.find((s) => s.scheme === 'app');
  check(scheme?.privileges?.standard && scheme?.privileges?.secure, 'app:// is registered as a standard, secure scheme');
  check(r.protocols.includes('app'), 'app:// has a handler');
  check(r.windows.length === 1, `one window was created (${r.windows.length})`);
  const window = r.windows[0];
  const prefs = window?.options?.webPreferences ?? {};
  const preload = typeof prefs.preload === 'string' ? prefs.preload : '';
  const preloadInPackage = isAbsolute(preload) ? relative(extractedDir, preload).split(sep).join('/') : '';
  check(preloadInPackage && !preloadInPackage.startsWith('..') && view.isFile(preloadInPackage), `the window's preload is a file inside the package (${preloadInPackage || preload || 'none'})`);
  const insecure = Object.entries(SECURE_PREFERENCES).filter(([key, value]) => prefs[key] !== value);
  check(!insecure.length, insecure.length ? `the window's web preferences are secure: ${insecure.map(([k, v]) => `${k} is ${JSON.stringify(prefs[k])}, must be ${v}`).join(', ')}` : `the window's web preferences are secure (${Object.keys(SECURE_PREFERENCES).join(', ')})`);
  check(window?.loadedUrls?.[0] === 'app://pilcrow/index.html', `the window loads app://pilcrow/index.html (${window?.loadedUrls?.[0] ?? 'nothing'})`);
  const menu = r.menus.at(-1) ?? [];
  const labels = menu.flatMap((m) => [m.label, ...(m.submenu ?? []).map((s) => s.label)]);
  check(['File', 'Open Workspace…', 'Export…', 'About Pilcrow'].every((l) => labels.includes(l)), `the application menu is set (${menu.map((m) => m.label ?? m.role).join(', ') || 'none'})`);
  check(r.permissionHandlers.request && r.permissionHandlers.check, 'permission request and check handlers are installed');
  check(!r.unexpected.length, r.unexpected.length ? `nothing unexpected: ${r.unexpected.join('; ')}` : 'no raw ipcMain.on and no error box');
  check(run.quit?.held && run.quit.quitAgain, `quitting waits for requests in flight: the first before-quit is held back, then quit is asked again (${JSON.stringify(run.quit ?? null)})`);

  const p = run.probes;
  if (!p) return lines;
  const page = p.protocol?.served?.[0];
  const indexSha = view.isFile('out/renderer/index.html') ? sha256(view.read('out/renderer/index.html')) : null;
  check(page?.status === 200 && page.sha256 === indexSha, `app://pilcrow/index.html serves the packaged out/renderer/index.html (status ${page?.status})`);
  check(page?.csp?.includes("default-src 'self'"), 'the page comes with a Content-Security-Policy header');
  const assets = p.protocol?.served?.slice(1) ?? [];
  const wrongAssets = assets.filter((a) => {
    const path = `out/renderer/${new URL(a.url).pathname.slice(1)}`;
    return a.status !== 200 || !view.isFile(path) || sha256(view.read(path)) !== a.sha256;
  });
  check(assets.length > 0 && !wrongAssets.length, wrongAssets.length ? `the page's assets are served from the package: ${wrongAssets.map((a) => `${a.url} → ${a.status}`).join(', ')}` : `the page's ${assets.length} assets are served from the package, byte for byte`);
  const leaks = (p.protocol?.refused ?? []).filter((a) => a.status !== 404);
  check(p.protocol?.refused?.length && !leaks.length, leaks.length ? `app:// refuses paths outside the renderer: ${leaks.map((a) => `${a.url} → ${a.status}`).join(', ')}` : 'app:// refuses other hosts, missing files and paths out of the renderer folder (404)');
  check(Object.values(p.webContents.prevented).every(Boolean) && p.webContents.windowOpen?.action === 'deny', 'every webContents gets navigation and webviews blocked and window.open denied');
  check(Object.values(p.window.prevented).every(Boolean) && p.window.windowOpen?.action === 'deny', 'the main window blocks navigation and denies window.open itself');
  check(p.permissions.request === false && p.permissions.check === false, 'permission requests and checks are denied');
  const init = p.ipc.init;
  check(init.ok && init.version === version, `IPC app.init from app://pilcrow answers with version ${init.version ?? JSON.stringify(init).slice(0, 200)}`);
  check(init.ok && init.workspace?.articles === sampleArticles && init.workspace.root === join(run.paths.userData, 'Sample workspace'), `the first run opens the sample workspace copied from the package (${init.workspace?.articles ?? 0} of ${sampleArticles} articles, in ${init.workspace?.root ?? 'nowhere'})`);
  check(p.ipc.foreign?.ok === false && p.ipc.foreign.error?.code === 'forbidden', 'IPC from another origin is refused');
  const about = p.ipc.about;
  check(about.ok && about.licenses.length >= 2 && about.licenses.every(([, , length]) => length > 500) && about.logFile === join(run.paths.logs, 'main.log'), `IPC app.about reads the licences from the package (${about.ok ? about.licenses.map(([name, license]) => `${name}: ${license}`).join(', ') : JSON.stringify(about).slice(0, 200)})`);
  const pre = p.preload;
  const outside = (pre.required ?? []).filter((m) => !SANDBOX_MODULES.has(m));
  check(!pre.error && !outside.length, pre.error ? `the packaged preload runs in a sandbox: ${pre.error}` : outside.length ? `the packaged preload requires only what a sandbox allows, not ${outside.join(', ')}` : `the packaged preload runs as a sandboxed preload (requires: ${pre.required.join(', ')})`);
  check(pre.exposed?.join() === 'pilcrow' && pre.bridgeKeys?.join() === 'invoke,on' && pre.routed === 'pilcrow:app.init', `the preload exposes window.pilcrow {invoke, on}, routed to pilcrow:<channel> (${pre.routed ?? 'no route'})`);
  return lines;
}

/** `pilcrow --version`: the version on stdout, exit 0, no lock taken, no window. */
export function checkVersionRun(run, version) {
  return [
    [run.printed.join('') === `${version}\n`, `\`pilcrow --version\` prints ${JSON.stringify(run.printed.join(''))}`],
    [run.record?.exits?.[0] === 0 && run.record.windows.length === 0 && run.record.lockRequests === 0, '`pilcrow --version` exits 0 without a window or the instance lock'],
  ];
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}
