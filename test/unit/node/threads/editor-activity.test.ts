/** Background work in a worker thread waits while the editor's requests come (threads/editor-activity.ts). */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { EditorActivity, YieldToEditor } from '../../../../src-main/node/threads/editor-activity';

/** A thread that counts `times` requests on `buffer`, `everyMs` apart, once it has said it is ready. */
function requestsFromAnotherThread(buffer: SharedArrayBuffer, times: number, everyMs: number): Promise<void> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const count = new Int32Array(workerData.buffer);
    let left = workerData.times;
    parentPort.postMessage('ready');
    const timer = setInterval(() => {
      Atomics.add(count, 0, 1);
      Atomics.notify(count, 0);
      if (--left === 0) clearInterval(timer);
    }, workerData.everyMs);`;
  const worker = new Worker(code, { eval: true, workerData: { buffer, times, everyMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}

describe('yielding to the editor', () => {
  it('goes on at once while no request has come since the last checkpoint', () => {
    const activity = new EditorActivity();
    const editor = new YieldToEditor(activity.buffer, 60_000);
    editor.checkpoint();
    editor.checkpoint();
    expect(editor.waitedMs).toBe(0);
  });

  it('waits after a request until no request has come for the quiet spell, then goes on at once again', () => {
    const activity = new EditorActivity();
    const editor = new YieldToEditor(activity.buffer, 80);
    activity.touch();
    editor.checkpoint();
    expect(editor.waitedMs).toBeGreaterThanOrEqual(79);
    const waited = editor.waitedMs;
    editor.checkpoint();
    expect(editor.waitedMs).toBe(waited);
  });

  it('waits on while requests keep coming from another thread, each starting the quiet spell again', async () => {
    const activity = new EditorActivity();
    const editor = new YieldToEditor(activity.buffer, 250);
    const count = new Int32Array(activity.buffer);
    activity.touch();
    await requestsFromAnotherThread(activity.buffer, 3, 50);
    editor.checkpoint();
    // All three requests came while it waited (each 50 ms after the last, well inside 250 ms).
    expect(Atomics.load(count, 0)).toBe(4);
    expect(editor.waitedMs).toBeGreaterThanOrEqual(150 + 249);
  });
});
