/**
 * The editor's requests as one count in shared memory, for worker threads doing background work
 * (the learner's training) to yield to them. On a two-core machine a thread busy on the other
 * core made saves 1.3–1.6× slower at p95 whatever its priority: nice 19, SCHED_IDLE, a
 * single-threaded collector and a bare arithmetic loop in its place all did (docs/performance.md).
 * So the work stops while the editor works: main counts each request (app/foreground.ts), and
 * the worker, at its checkpoints, waits until the count has stood still for a quiet spell.
 */
import type { Checkpoint } from '../../core/learn/checkpoint';

/** Main's side: counts the editor's requests. */
export class EditorActivity {
  readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  private readonly count = new Int32Array(this.buffer);

  /** A request arrived: a waiting worker waits its quiet spell again from now. */
  touch(): void {
    Atomics.add(this.count, 0, 1);
    Atomics.notify(this.count, 0);
  }
}

/** The worker's side: a checkpoint that waits while the editor is at work. */
export class YieldToEditor {
  /** Time spent waiting, in ms, since this was made. */
  waitedMs = 0;
  private readonly count: Int32Array;
  private seen: number;

  constructor(
    buffer: SharedArrayBuffer,
    /** How long the count must stand still before the work goes on. */
    private readonly quietMs: number,
  ) {
    this.count = new Int32Array(buffer);
    this.seen = Atomics.load(this.count, 0);
  }

  readonly checkpoint: Checkpoint = () => {
    let now = Atomics.load(this.count, 0);
    if (now === this.seen) return;
    const started = performance.now();
    // 'ok' (woken by a new request) and 'not-equal' (one came before the wait) both start the
    // quiet spell again; only a spell with no request ends the wait.
    while (Atomics.wait(this.count, 0, now, this.quietMs) !== 'timed-out') now = Atomics.load(this.count, 0);
    this.seen = now;
    this.waitedMs += performance.now() - started;
  };
}
