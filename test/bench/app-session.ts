/**
 * The app for the bench: a real Session and handler table in this process, and the built
 * renderer in Chromium through the same wiring as the e2e harness (test/support/chromium-app).
 * Every `labels.set` dispatch is timed here, in Node, for keystroke → durable on disk.
 */
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { dispatch } from '../../src-main/node/app/dispatch';
import { createHandlerTable, type Dialogs } from '../../src-main/node/app/handlers';
import { listCountsOf } from '../../src-main/node/app/list-counts';
import { Session } from '../../src-main/node/app/session';
import { openAppPage, sharedChromium } from '../support/chromium-app';
import { builtLearnWorker, builtSuggestWorker } from '../support/workers';

export const SAMPLE_WORKSPACE = join(resolve(import.meta.dirname, '../..'), 'resources', 'sample-workspace');

/** A day: the bench's learner never trains on its own timer. */
const ONLY_WHEN_ASKED = 86_400_000;

export const NO_DIALOGS: Dialogs = {
  pickFolder: async () => null,
  pickSaveFile: async () => null,
};

export interface DispatchRecord {
  channel: string;
  ok: boolean;
  end: number;
}

export interface BenchApp {
  page: Page;
  context: BrowserContext;
  session: Session;
  /** Resolves with the performance.now() at which the next `channel` dispatch settled. */
  nextDispatch(channel: string): Promise<DispatchRecord>;
  /** Resolves when main next sends `event` to the page (waiting sends no request). */
  nextEvent(event: string): Promise<void>;
  dispatched: DispatchRecord[];
  close(): Promise<void>;
}

/**
 * With `learn`, the session has the learned suggester's BUILT worker thread, but it trains only
 * when asked (`learn.train`): the "keys while training" scenario starts it while keys are pressed,
 * and no other scenario's figures have a training in them.
 */
export async function launchBenchApp(options: { workspace: string; userData: string; annotator: string; learn?: boolean }): Promise<BenchApp> {
  const learn = options.learn ? { learnWorker: builtLearnWorker(), learnTimings: { afterOpenMs: ONLY_WHEN_ASKED, afterDecisionMs: ONLY_WHEN_ASKED } } : {};
  const session = await Session.create({ userDataDir: options.userData, sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: options.workspace, suggestWorker: builtSuggestWorker(), ...learn });
  await session.setAnnotator(options.annotator);
  // Events reach the page as in the e2e harness (the list's counts come as events); those sent
  // while the page is still loading wait for it.
  let target: Page | null = null;
  const early: [string, unknown][] = [];
  const eventWaiters: { event: string; resolve: () => void }[] = [];
  const deliver = (page: Page, event: string, payload: unknown) => page.evaluate(([name, p]) => window.__pilcrowEmit(name, p), [event, payload] as [string, unknown]).catch(() => undefined);
  const table = createHandlerTable(session, NO_DIALOGS, 'bench', (event, payload) => {
    for (const w of eventWaiters.filter((x) => x.event === event)) {
      eventWaiters.splice(eventWaiters.indexOf(w), 1);
      w.resolve();
    }
    if (target) void deliver(target, event, payload);
    else early.push([event, payload]);
  });
  const dispatched: DispatchRecord[] = [];
  const waiters: { channel: string; resolve: (r: DispatchRecord) => void }[] = [];
  const invoke = async (channel: unknown, request: unknown) => {
    const envelope = await dispatch(table, channel, request);
    const record = { channel: String(channel), ok: envelope.ok, end: performance.now() };
    dispatched.push(record);
    const i = waiters.findIndex((w) => w.channel === record.channel);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(record);
    return envelope;
  };
  const { context, page } = await openAppPage(await sharedChromium(), { invoke, transport: 'json' });
  target = page;
  for (const [event, payload] of early.splice(0)) await deliver(page, event, payload);
  await page.locator('[data-ready="true"]').waitFor();
  // Measure the app once it has finished opening: the background reading of the list (every
  // article's counts, then search keys) is the `open` scenario's, not the paint's or the keys'.
  await listCountsOf(session, () => {}).idle();
  return {
    page,
    context,
    session,
    dispatched,
    nextDispatch: (channel) =>
      new Promise((resolve, reject) => {
        waiters.push({ channel, resolve });
        setTimeout(() => reject(new Error(`no ${channel} dispatch settled within 60 s`)), 60_000).unref();
      }),
    nextEvent: (event) =>
      new Promise((resolve, reject) => {
        eventWaiters.push({ event, resolve });
        setTimeout(() => reject(new Error(`main sent no ${event} within 120 s`)), 120_000).unref();
      }),
    close: async () => {
      await context.close();
      session.close();
    },
  };
}
