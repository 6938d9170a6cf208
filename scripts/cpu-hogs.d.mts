export interface Hogs {
  pids: (number | undefined)[];
  /** Resolves once every hog has exited, whatever stopped it. */
  done: Promise<void>;
  /** Kills every hog still running; resolves once all have exited. */
  stop(): Promise<void>;
  /** Kills every hog still running, synchronously (for an 'exit' handler). */
  stopNow(): void;
}
export function startHogs(count: number, maxMs: number): Hogs;
