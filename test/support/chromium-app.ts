/**
 * Runs the BUILT renderer in Debian's Chromium with `window.pilcrow` bound to a main-process
 * handler table living in this Node process. Shared by the e2e harness and the benchmark, so
 * both measure and test exactly the same wiring.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/window-options';

const ROOT = resolve(import.meta.dirname, '../..');
/** PILCROW_OUT lets parallel work trees of one checkout build and test without sharing out/. */
export const RENDERER = join(ROOT, process.env.PILCROW_OUT ?? 'out', 'renderer');
export const ORIGIN = 'http://pilcrow.test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Debian's Chromium where it is installed (our machines, where Playwright cannot download
 * browsers); CHROMIUM_PATH names another; otherwise Playwright's own (CI runners install it
 * with `npx playwright install chromium`).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

let sharedBrowser: Promise<Browser> | null = null;

/** One Chromium per process: launching costs ~1 s, contexts are cheap and isolated. */
export function sharedChromium(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: CHROMIUM_ARGS });
  return sharedBrowser;
}

/** Closes the shared browser if one was launched (a script must, or Node never exits). */
export async function closeSharedChromium(): Promise<void> {
  const pending = sharedBrowser;
  sharedBrowser = null;
  if (pending) await (await pending).close();
}

export interface AppPageOptions {
  /** What `window.pilcrow.invoke` reaches: normally `dispatch(table, channel, request)`. */
  invoke: (channel: unknown, request: unknown) => Promise<unknown>;
  /**
   * 'json': replies cross as one JSON string, parsed in the page. Playwright's own value
   * serialisation walks every object and costs seconds for a 10,000-paragraph article, far
   * more than Electron's IPC; the benchmark uses this so it measures the app, not the harness.
   */
  transport?: 'values' | 'json';
  /** The operating system's language as the page sees it (navigator.language), e.g. 'fa-IR'. */
  locale?: string;
}

/**
 * What the page tried and was stopped from doing: Content-Security-Policy violations (the page's
 * `securitypolicyviolation` events, counted from before its first script), console errors that
 * name the policy, and requests to anywhere but the app's own files. Hostile content must leave
 * all three empty (test/e2e/inert-content.spec.ts).
 */
export interface BlockedByThePage {
  violations: { directive: string; blocked: string; sample: string }[];
  consoleErrors: string[];
  outsideRequests: string[];
}

/** A fresh context showing the app; the caller owns (and closes) the context. */
export async function openAppPage(browser: Browser, options: AppPageOptions): Promise<{ context: BrowserContext; page: Page; blocked: () => Promise<BlockedByThePage> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...(options.locale ? { locale: options.locale } : {}) });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = normalize(join(RENDERER, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER + sep)) return route.fulfill({ status: 404 });
    const body = await readFile(file).catch(() => null);
    if (!body) return route.fulfill({ status: 404, body: `not built: ${path}; run npm run build` });
    // The policy as the app's protocol sends it (src-main/electron/protocol.ts), besides the page's meta tag.
    return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });
  // Everything else (fonts from a CDN, analytics…) must not exist: fail loudly.
  const outsideRequests: string[] = [];
  await context.route(/^(?!http:\/\/pilcrow\.test\/)/, (route) => {
    outsideRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: COUNT_VIOLATIONS });
  const json = options.transport === 'json';
  await context.exposeBinding('__pilcrowInvoke', async (_source, channel: unknown, request: unknown) => {
    const reply = await options.invoke(channel, request);
    return json ? JSON.stringify(reply) : reply;
  });
  // A string, not a function: Playwright serialises functions with toString(), and a TS loader
  // other than Playwright's own (tsx in the bench) may inject helpers the page does not have.
  await context.addInitScript({ content: MIRROR_PRELOAD.replace('PARSE_REPLY', String(json)) });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[ -]Security[ -]Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.goto(`${ORIGIN}/index.html`);
  const blocked = async (): Promise<BlockedByThePage> => ({
    violations: (await page.evaluate('window.__cspViolations ?? []')) as BlockedByThePage['violations'],
    consoleErrors: [...consoleErrors],
    outsideRequests: [...outsideRequests],
  });
  return { context, page, blocked };
}

/** Before the page's scripts: every policy violation the document sees, kept for the test to read. */
const COUNT_VIOLATIONS = `(() => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }), true);
})();`;

declare global {
  interface Window {
    __pilcrowInvoke(channel: string, request: unknown): Promise<never>;
    __pilcrowEmit(event: string, payload: unknown): void;
  }
}

/** Runs in the page before its scripts: the same shape the preload exposes. */
const MIRROR_PRELOAD = `(() => {
  const listeners = new Map();
  window.__pilcrowEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
  Object.defineProperty(window, 'pilcrow', {
    value: Object.freeze({
      invoke: PARSE_REPLY ? async (channel, request) => JSON.parse(await window.__pilcrowInvoke(channel, request)) : (channel, request) => window.__pilcrowInvoke(channel, request),
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    }),
  });
})();`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
