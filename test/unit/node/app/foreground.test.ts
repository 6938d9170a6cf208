/** Requests go before the session's background reading of the list (app/foreground.ts). */
import { describe, expect, it } from 'vitest';
import { listCountsOf } from '../../../../src-main/node/app/list-counts';
import type { AppState } from '../../../../src-main/shared/views';
import { openHandlerApp } from './handler-app';
import { sampleCopy } from '../temp';

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('foreground requests and background reading', () => {
  it('holds the list counts while a request is running, and sends them once it has finished', async () => {
    const { workspace, userData } = await sampleCopy();
    const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
    // A request the editor waits for, still running when the list comes back.
    let finish = () => {};
    const request = app.session.foreground.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const list = (await app.call<AppState>('app.init')).workspace!;
    const pending = list.articles.filter((a) => a.pending);
    expect(pending.length).toBeGreaterThan(0);
    // Everything the background would read is read already, so only the wait can hold it back.
    const opened = app.session.requireWorkspace();
    await Promise.all(pending.map(async (a) => [await opened.workspace.entry(a.id), await opened.store.load(a.path)]));
    // The job app.init started (its counts, then the search keys): parked while the request runs.
    const job = listCountsOf(app.session, () => {});
    let jobDone = false;
    void job.idle().then(() => (jobDone = true));
    await turns(50);
    expect(jobDone).toBe(false);
    finish();
    await request;
    await job.idle();
    expect(jobDone).toBe(true);
    app.session.close();
  });

  it("counts every request in the memory the learner's worker thread reads, so its training waits while the editor works", async () => {
    const { workspace, userData } = await sampleCopy();
    const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
    const count = new Int32Array(app.session.foreground.activity.buffer);
    const before = Atomics.load(count, 0);
    await app.call('app.init');
    await app.call('learn.status');
    expect(Atomics.load(count, 0)).toBe(before + 2);
    app.session.close();
  });
});
