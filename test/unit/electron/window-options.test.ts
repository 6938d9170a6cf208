/**
 * The Electron security checklist (docs: shared/guides/reliability.md), checked in plain Node:
 * - the one set of web preferences and the CSP (window-options.ts, imported for real);
 * - src-renderer/index.html's meta CSP, parsed and compared directive by directive;
 * - the source of src-main/: one BrowserWindow factory, one IPC registration loop that checks the
 *   sender before dispatching (TypeScript AST, since electron itself cannot start here);
 * - the behaviour of window.ts, ipc.ts, protocol.ts, main.ts and the preload, run against a
 *   recording fake of the 'electron' module.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'parse5';
import ts from 'typescript';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, type HandlerTable } from '../../../src-main/shared/ipc';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../../src-main/electron/window-options';

const ROOT = resolve(import.meta.dirname, '../../..');
const SRC_MAIN = join(ROOT, 'src-main');

// ---------------------------------------------------------------------------------------------
// A recording fake of the parts of 'electron' that src-main/electron and the preload touch.
// ---------------------------------------------------------------------------------------------
type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>();
    openHandler: Listener | null = null;
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.openHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    show() {}
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const state = {
    ipcHandlers: new Map<string, Listener>(),
    ipcOn: [] as string[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    appListeners: new Map<string, Listener[]>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    exposed: new Map<string, unknown>(),
    rendererInvokes: [] as unknown[][],
    /** app.getPath answers (the log folder is a real temp folder: main.ts writes main.log there). */
    paths: new Map<string, string>(),
    singleInstanceLock: true,
    lockRequests: 0,
    quits: 0,
    exits: [] as number[],
  };
  const module = {
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => void state.ipcHandlers.set(channel, listener),
      on: (channel: string) => void state.ipcOn.push(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.schemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => void state.protocolHandlers.set(scheme, handler),
    },
    net: { fetch: null as unknown as Listener },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => void (state.permissionCheck = h),
      },
    },
    app: {
      on: (event: string, listener: Listener) => void state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]),
      // Never ready: importing main.ts registers its hooks and stops there.
      whenReady: () => new Promise<void>(() => {}),
      setPath: () => {},
      getPath: (name: string) => state.paths.get(name) ?? '/nonexistent',
      getAppPath: () => '/nonexistent',
      getVersion: () => '0.0.0-test',
      requestSingleInstanceLock: () => (state.lockRequests++, state.singleInstanceLock),
      quit: () => void state.quits++,
      exit: (code: number) => void state.exits.push(code),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
    dialog: {},
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void state.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        state.rendererInvokes.push(args);
        return Promise.resolve({ ok: true, result: null });
      },
      on: () => {},
      removeListener: () => {},
    },
  };
  return { FakeBrowserWindow, state, module };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy helpers
// ---------------------------------------------------------------------------------------------
type Csp = Map<string, string[]>;

function parseCsp(policy: string): Csp {
  const csp: Csp = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    // A repeated directive is ignored by browsers; in our own policy it is a mistake.
    expect(csp.has(key), `directive ${key} appears twice in: ${policy}`).toBe(false);
    csp.set(key, sources.map((s) => (s.startsWith("'") ? s.toLowerCase() : s)));
  }
  return csp;
}

/** Directives that fall back to default-src when absent (CSP3 §6.1). */
const FETCH_DIRECTIVES = new Set(['child-src', 'connect-src', 'font-src', 'frame-src', 'img-src', 'manifest-src', 'media-src', 'object-src', 'script-src', 'script-src-elem', 'script-src-attr', 'style-src', 'style-src-elem', 'style-src-attr', 'worker-src']);
/** Directives a <meta> policy cannot carry (CSP3 §3.3): they only come from the header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

function effective(csp: Csp, directive: string): string[] | undefined {
  return csp.get(directive) ?? (FETCH_DIRECTIVES.has(directive) ? csp.get('default-src') : undefined);
}

/** True when `narrow` allows nothing that `wide` does not. */
function atLeastAsStrict(narrow: string[] | undefined, wide: string[] | undefined): boolean {
  if (wide === undefined) return true;
  if (narrow === undefined) return false;
  if (narrow.length === 1 && narrow[0] === "'none'") return true;
  if (wide.length === 1 && wide[0] === "'none'") return false;
  return narrow.every((s) => wide.includes(s));
}

/** Every source a Pilcrow policy may name; anything else (a host, a scheme, a wildcard, eval) fails. */
const ALLOWED_SOURCES: Record<string, string[]> = {
  '*': ["'self'", "'none'"],
  'style-src': ["'unsafe-inline'"], // Svelte and virtua set style attributes; scripts stay strict
  'img-src': ['data:'],
};

function expectStrictPolicy(csp: Csp, label: string): void {
  expect(csp.get('default-src'), `${label}: default-src`).toEqual(["'self'"]);
  expect(csp.get('object-src'), `${label}: object-src`).toEqual(["'none'"]);
  expect(csp.get('base-uri'), `${label}: base-uri`).toEqual(["'none'"]);
  const script = effective(csp, 'script-src') ?? [];
  expect(script, `${label}: script-src`).not.toContain("'unsafe-inline'");
  for (const [directive, sources] of csp) {
    for (const source of sources) {
      expect(source, `${label}: ${directive} must not allow eval`).not.toMatch(/unsafe-eval|unsafe-hashes/i);
      const allowed = [...(ALLOWED_SOURCES['*'] ?? []), ...(ALLOWED_SOURCES[directive] ?? [])];
      expect(allowed, `${label}: ${directive} names ${source} (a remote host, scheme or wildcard?)`).toContain(source);
    }
  }
}

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function walk(node: HtmlNode, visit: (n: HtmlNode) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

function metaPolicies(html: string): { policies: string[]; order: string[] } {
  const policies: string[] = [];
  const order: string[] = [];
  walk(parse(html) as unknown as HtmlNode, (node) => {
    const attr = (name: string) => node.attrs?.find((a) => a.name.toLowerCase() === name)?.value;
    if (node.nodeName === 'meta' && attr('http-equiv')?.toLowerCase() === 'content-security-policy') {
      policies.push(attr('content') ?? '');
      order.push('csp');
    } else if (['script', 'link', 'style', 'base'].includes(node.nodeName)) {
      order.push(node.nodeName);
    }
  });
  return { policies, order };
}

// ---------------------------------------------------------------------------------------------
describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('sets every secure preference explicitly', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('passes the preload path through unchanged', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(secureWebPreferences('C:\\Pilcrow\\preload\\index.cjs').preload).toBe('C:\\Pilcrow\\preload\\index.cjs');
  });

  it('holds only reviewed keys (a new preference, e.g. enableBlinkFeatures, must be reviewed here)', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      ['allowRunningInsecureContent', 'contextIsolation', 'experimentalFeatures', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'].sort(),
    );
  });
});

describe('Content-Security-Policy', () => {
  const header = parseCsp(CONTENT_SECURITY_POLICY);
  const html = readFileSync(join(ROOT, 'src-renderer', 'index.html'), 'utf8');
  const { policies, order } = metaPolicies(html);

  it('the header policy: default-src self, object-src none, no eval, no inline script, no remote source', () => {
    expectStrictPolicy(header, 'header');
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('form-action')).toEqual(["'none'"]);
  });

  it('index.html has exactly one meta CSP, before any script, style, link or base element', () => {
    expect(policies).toHaveLength(1);
    expect(order[0]).toBe('csp');
  });

  it('the meta policy is strict on its own (the e2e harness and file:// loads have no header)', () => {
    expectStrictPolicy(parseCsp(policies[0] ?? ''), 'meta');
  });

  it('the meta policy is at least as strict as the header, directive by directive', () => {
    const meta = parseCsp(policies[0] ?? '');
    const directives = new Set([...header.keys(), ...meta.keys()]);
    for (const directive of directives) {
      if (HEADER_ONLY.has(directive)) continue;
      expect(atLeastAsStrict(effective(meta, directive), effective(header, directive)), `meta ${directive} (${effective(meta, directive)?.join(' ')}) is looser than the header (${effective(header, directive)?.join(' ')})`).toBe(true);
    }
  });

  it('the comparison itself catches a looser meta policy', () => {
    const loose = parseCsp("default-src 'self'; script-src 'self' 'unsafe-inline'");
    expect(atLeastAsStrict(effective(loose, 'script-src'), effective(header, 'script-src'))).toBe(false);
    expect(atLeastAsStrict(effective(parseCsp("default-src 'self'"), 'object-src'), effective(header, 'object-src'))).toBe(false);
    expect(atLeastAsStrict(effective(parseCsp("default-src 'none'"), 'img-src'), effective(header, 'img-src'))).toBe(true);
    expect(() => expectStrictPolicy(parseCsp("default-src 'self'; object-src 'none'; base-uri 'none'; img-src https://cdn.example"), 'probe')).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Source-level checks (TypeScript AST): what no fake can prove, i.e. that nothing else exists.
// ---------------------------------------------------------------------------------------------
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function nodesOf(node: ts.Node, match: (n: ts.Node) => boolean, found: ts.Node[] = []): ts.Node[] {
  if (match(node)) found.push(node);
  node.forEachChild((child) => void nodesOf(child, match, found));
  return found;
}

const isCallOf = (object: string, methods: string[]) => (n: ts.Node) =>
  ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText() === object && methods.includes(n.expression.name.text);

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isFunctionDeclaration(n)) return n.name?.text;
  return undefined;
}

describe('src-main source', () => {
  const files = tsFiles(SRC_MAIN).map((f) => ({ rel: relative(ROOT, f).split(sep).join('/'), source: sourceOf(f) }));

  it('creates BrowserWindows in exactly one place, window.ts, with secureWebPreferences(...)', () => {
    const sites = files.flatMap(({ rel, source }) => nodesOf(source, (n) => ts.isNewExpression(n) && /\bBrowserWindow$/.test(n.expression.getText())).map((n) => ({ rel, n: n as ts.NewExpression })));
    expect(sites.map((s) => s.rel)).toEqual(['src-main/electron/window.ts']);
    const options = sites[0]?.n.arguments?.[0];
    expect(options && ts.isObjectLiteralExpression(options)).toBe(true);
    const prefs = (options as ts.ObjectLiteralExpression).properties.find((p) => p.name?.getText() === 'webPreferences');
    expect(prefs && ts.isPropertyAssignment(prefs) && ts.isCallExpression(prefs.initializer) && prefs.initializer.expression.getText()).toBe('secureWebPreferences');
    expect(files.some(({ source }) => nodesOf(source, (n) => ts.isNewExpression(n) && /\bBrowserView$|\bWebContentsView$/.test(n.expression.getText())).length > 0)).toBe(false);
  });

  it('window.ts blocks will-navigate and will-attach-webview and denies window.open', () => {
    const window = files.find((f) => f.rel === 'src-main/electron/window.ts')?.source as ts.SourceFile;
    const prevented = (event: string) =>
      nodesOf(window, (n) => ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'on' && n.arguments[0]?.getText() === `'${event}'`).filter((n) => {
        const listener = (n as ts.CallExpression).arguments[1];
        if (!listener || !ts.isArrowFunction(listener) || !listener.parameters[0]) return false;
        return listener.body.getText().replace(/\s/g, '') === `${listener.parameters[0].name.getText()}.preventDefault()`;
      });
    expect(prevented('will-navigate')).toHaveLength(1);
    expect(prevented('will-attach-webview')).toHaveLength(1);
    const openHandlers = nodesOf(window, (n) => ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'setWindowOpenHandler');
    expect(openHandlers).toHaveLength(1);
    const handler = (openHandlers[0] as ts.CallExpression).arguments[0];
    expect(handler && ts.isArrowFunction(handler) && handler.body.getText().replace(/\s/g, '')).toBe("({action:'deny'})");
  });

  it('ipcMain is used only by registerHandlers in ipc.ts, and only through handle()', () => {
    const uses = files.flatMap(({ rel, source }) => nodesOf(source, (n) => ts.isIdentifier(n) && n.text === 'ipcMain' && !ts.isImportSpecifier(n.parent)).map((n) => ({ rel, n })));
    expect(uses.length).toBeGreaterThan(0);
    for (const { rel, n } of uses) {
      expect(rel).toBe('src-main/electron/ipc.ts');
      expect(enclosingFunctionName(n)).toBe('registerHandlers');
      expect(ts.isPropertyAccessExpression(n.parent) && n.parent.name.text).toBe('handle');
    }
  });

  it('registerHandlers refuses a foreign sender frame before it dispatches', () => {
    const ipc = files.find((f) => f.rel === 'src-main/electron/ipc.ts')?.source as ts.SourceFile;
    const [handle] = nodesOf(ipc, isCallOf('ipcMain', ['handle'])) as ts.CallExpression[];
    const listener = handle?.arguments[1];
    expect(listener && ts.isArrowFunction(listener) && ts.isBlock(listener.body)).toBe(true);
    const body = (listener as ts.ArrowFunction).body as ts.Block;
    const event = (listener as ts.ArrowFunction).parameters[0]?.name.getText();
    const [first, second] = body.statements;
    // First statement: `if (!fromOurPage(event)) return { ok: false, error: { code: 'forbidden', … } };`
    expect(first && ts.isIfStatement(first)).toBe(true);
    const guard = first as ts.IfStatement;
    expect(guard.expression.getText().replace(/\s/g, '')).toBe(`!fromOurPage(${event})`);
    expect(ts.isReturnStatement(guard.thenStatement) && guard.thenStatement.getText()).toMatch(/ok:\s*false[\s\S]*code:\s*'forbidden'/);
    expect(second && ts.isReturnStatement(second) && second.getText()).toMatch(/^return dispatch\(/);
    // fromOurPage compares the sender frame's URL with the app:// origin.
    const [check] = nodesOf(ipc, (n) => ts.isFunctionDeclaration(n) && n.name?.text === 'fromOurPage') as ts.FunctionDeclaration[];
    expect(check?.body?.getText()).toMatch(/\.senderFrame\b/);
    expect(check?.body?.getText()).toMatch(/APP_ORIGIN/);
  });
});

// ---------------------------------------------------------------------------------------------
// Behaviour, against the recording fake of electron.
// ---------------------------------------------------------------------------------------------
describe('window.ts (with a fake electron)', () => {
  beforeEach(() => {
    fake.FakeBrowserWindow.created.length = 0;
  });

  it('builds the window from secureWebPreferences with the built preload, and loads app://pilcrow/', async () => {
    const { createMainWindow } = await import('../../../src-main/electron/window');
    createMainWindow();
    const [win] = fake.FakeBrowserWindow.created;
    const preload = join(SRC_MAIN, 'preload', 'index.cjs'); // '../preload/index.cjs' beside the built main
    expect(win?.options.webPreferences).toEqual(secureWebPreferences(preload));
    expect(win?.loadedUrl).toBe('app://pilcrow/index.html');
  });

  it('prevents every navigation and webview attachment, and denies every window.open', async () => {
    const { createMainWindow } = await import('../../../src-main/electron/window');
    createMainWindow();
    const contents = fake.FakeBrowserWindow.created[0]?.webContents;
    for (const event of ['will-navigate', 'will-attach-webview']) {
      const listeners = contents?.listeners.get(event) ?? [];
      expect(listeners.length, event).toBeGreaterThan(0);
      for (const url of ['https://evil.example/', 'app://pilcrow/index.html', 'file:///etc/passwd']) {
        const e = { preventDefault: vi.fn() };
        for (const l of listeners) l(e, url, { src: url });
        expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalled();
      }
    }
    for (const disposition of ['foreground-tab', 'background-tab', 'new-window']) {
      expect(contents?.openHandler?.({ url: 'https://evil.example/', disposition })).toEqual({ action: 'deny' });
    }
  });

  it('denies every permission request and check', async () => {
    const { denyAllPermissions } = await import('../../../src-main/electron/window');
    denyAllPermissions();
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      fake.state.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.state.permissionCheck?.({}, permission)).toBe(false);
    }
  });
});

describe('ipc.ts registerHandlers (with a fake electron)', () => {
  const calls: string[] = [];
  const table = Object.fromEntries(CHANNELS.map((c) => [c, async () => (calls.push(c), 'handled')])) as unknown as HandlerTable;

  beforeEach(async () => {
    calls.length = 0;
    fake.state.ipcHandlers.clear();
    const { registerHandlers } = await import('../../../src-main/electron/ipc');
    registerHandlers(table);
  });

  it('registers exactly the contract channels under pilcrow:', () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(CHANNELS.map((c) => `pilcrow:${c}`).sort());
    expect(fake.state.ipcOn).toEqual([]);
  });

  it('dispatches calls from app://pilcrow/ pages', async () => {
    const handler = fake.state.ipcHandlers.get('pilcrow:app.init');
    await expect(handler?.({ senderFrame: { url: 'app://pilcrow/index.html' } }, {})).resolves.toEqual({ ok: true, result: 'handled' });
    expect(calls).toEqual(['app.init']);
  });

  it.each([
    ['no frame (destroyed)', null],
    ['an empty URL', ''],
    ['a remote page', 'https://evil.example/index.html'],
    ['a look-alike host', 'app://pilcrow.evil/index.html'],
    ['a host with our name as prefix', 'app://pilcrowx/index.html'],
    ['userinfo trickery', 'app://pilcrow@evil/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a file:// page', 'file:///work/main/out/renderer/index.html'],
    ['the e2e harness origin', 'http://pilcrow.test/index.html'],
    ['about:blank', 'about:blank'],
  ])('refuses a sender frame with %s, without calling the handler', async (_name, url) => {
    for (const channel of CHANNELS) {
      const event = url === null ? { senderFrame: null } : { senderFrame: { url } };
      const result = (await fake.state.ipcHandlers.get(`pilcrow:${channel}`)?.(event, {})) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('forbidden');
    }
    expect(calls).toEqual([]);
  });

  it('still validates the payload after the sender check (bad request, handler not called)', async () => {
    const handler = fake.state.ipcHandlers.get('pilcrow:article.open');
    const result = (await handler?.({ senderFrame: { url: 'app://pilcrow/index.html' } }, { articleId: '../../etc/passwd' })) as { ok: boolean; error?: { code: string } };
    expect(result.error?.code).toBe('bad-request');
    expect(calls).toEqual([]);
  });
});

describe('protocol.ts (with a fake electron)', () => {
  const rendererDir = join(ROOT, 'out', 'renderer');
  const fetched: string[] = [];

  beforeEach(async () => {
    fetched.length = 0;
    fake.module.net.fetch = async (url: unknown) => (fetched.push(String(url)), new Response('body', { headers: { 'Content-Type': 'text/html' } }));
    const { registerAppScheme, serveRenderer } = await import('../../../src-main/electron/protocol');
    fake.state.schemes.length = 0;
    registerAppScheme();
    serveRenderer(rendererDir);
  });

  const serve = (url: string) => fake.state.protocolHandlers.get('app')?.({ url }) as Promise<Response>;

  it('registers app:// as standard + secure, without bypassCSP or other extra privileges', () => {
    expect(fake.state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves files of the renderer folder with the CSP header', async () => {
    const response = await serve('app://pilcrow/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(fetched).toEqual([pathToFileURL(join(rendererDir, 'index.html')).toString()]);
  });

  it.each(['app://pilcrow/..%2f..%2f..%2fetc%2fpasswd', 'app://pilcrow/%2e%2e%2f%2e%2e%2fpackage.json', 'app://pilcrow/assets/..%2f..%2f..%2fpackage.json', 'app://evil/index.html', 'app://pilcrow.evil/index.html'])('refuses %s with 404 and reads nothing', async (url) => {
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(fetched).toEqual([]);
  });

  it('reads nothing outside the renderer folder, whatever the escaping', async () => {
    const tricky = ['..%5c..%5cpackage.json', '%252e%252e%252fpackage.json', 'index.html%00.png', '%2e%2e/%2e%2e/package.json', '.%2e/.%2e/package.json', 'assets/../../package.json', '//etc/passwd', '%2fetc%2fpasswd'];
    for (const path of tricky) await serve(`app://pilcrow/${path}`).catch(() => null);
    const rootUrl = pathToFileURL(rendererDir + sep).toString();
    for (const url of fetched) expect(url.startsWith(rootUrl), url).toBe(true);
  });

  it('never reads a file for a malformed percent-escape', async () => {
    await serve('app://pilcrow/%E0%A4%A').catch(() => null); // see the report: this rejects (URIError) instead of a 404
    expect(fetched).toEqual([]);
  });
});

describe('main.ts app-wide hooks (with a fake electron)', () => {
  const logs = mkdtempSync(join(tmpdir(), 'pilcrow-main-logs-'));
  const { warn, error } = console;
  afterAll(() => rmSync(logs, { recursive: true, force: true }));
  // main.ts tees console.warn/error into its log file: each test gets the originals back.
  afterEach(() => void Object.assign(console, { warn, error }));

  /** Imports main.ts afresh with these command-line arguments. */
  async function startMain(args: string[]): Promise<void> {
    const { argv } = process;
    fake.state.paths.set('logs', logs);
    process.argv = [argv[0]!, 'main.js', ...args];
    vi.resetModules();
    try {
      await import('../../../src-main/electron/main');
    } finally {
      process.argv = argv;
    }
  }

  beforeEach(() => {
    fake.state.appListeners.clear();
    fake.state.schemes.length = 0;
    Object.assign(fake.state, { singleInstanceLock: true, lockRequests: 0, quits: 0, exits: [] });
  });

  it('asks for the single-instance lock and quits, registering nothing, when another Pilcrow holds it', async () => {
    fake.state.singleInstanceLock = false;
    await startMain([]);
    expect(fake.state.lockRequests).toBe(1);
    expect(fake.state.quits).toBe(1);
    expect(fake.state.appListeners.size).toBe(0);
    expect(fake.state.schemes).toEqual([]);
  });

  it('--version prints the version and exits before taking the lock or opening anything', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      await startMain(['--version']);
    } finally {
      write.mockRestore();
    }
    expect(written).toEqual(['0.0.0-test\n']);
    expect(fake.state.exits).toEqual([0]);
    expect(fake.state.lockRequests).toBe(0);
    expect(fake.state.appListeners.size).toBe(0);
  });

  it('the first instance listens for a second start (to focus its window) and writes main.log in the logs folder', async () => {
    await startMain([]);
    expect(fake.state.lockRequests).toBe(1);
    expect(fake.state.quits).toBe(0);
    expect(fake.state.appListeners.get('second-instance')).toHaveLength(1);
    console.warn('pilcrow: a warning main.ts should keep');
    expect(readFileSync(join(logs, 'main.log'), 'utf8')).toMatch(/warn pilcrow: a warning main.ts should keep\n$/);
  });

  it('every webContents the app creates gets navigation blocked and window.open denied', async () => {
    await startMain([]);
    const hooks = fake.state.appListeners.get('web-contents-created') ?? [];
    expect(hooks.length).toBeGreaterThan(0);
    const contents = new fake.FakeBrowserWindow({}).webContents;
    for (const hook of hooks) hook({}, contents);
    const e = { preventDefault: vi.fn() };
    for (const l of contents.listeners.get('will-navigate') ?? []) l(e, 'https://evil.example/');
    expect(e.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('preload (with a fake electron)', () => {
  it('exposes only invoke/on as window.pilcrow, and forwards only contract channels and events', async () => {
    await import('../../../src-main/preload/index');
    expect([...fake.state.exposed.keys()]).toEqual(['pilcrow']);
    const bridge = fake.state.exposed.get('pilcrow') as { invoke: Listener; on: Listener };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    await bridge.invoke('app.init', {});
    expect(fake.state.rendererInvokes).toEqual([['pilcrow:app.init', {}]]);
    await expect(bridge.invoke('../../ipc-internal', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect(bridge.invoke('__proto__', {})).resolves.toMatchObject({ ok: false });
    expect(fake.state.rendererInvokes).toHaveLength(1);
    expect(() => bridge.on('ELECTRON_BROWSER_REQUIRE', () => {})).toThrow();
    for (const event of EVENT_NAMES) expect(typeof bridge.on(event, () => {})).toBe('function');
  });
});
