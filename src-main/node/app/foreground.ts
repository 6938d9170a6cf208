/**
 * Requests the editor is waiting for go before the session's background reading (the list's
 * counts and search keys, app/list-counts.ts): that job waits at its next step while any request
 * is running. A request that yields to the event loop as it works (agreement every 10 ms, an
 * export between articles, an article read) would otherwise let one background step (32 articles
 * read, or one whole long article) run at each of its turns: at 10,000 articles that made the
 * first agreement call after opening seconds slower. Worker threads' background work yields to
 * requests too, through `activity` (threads/editor-activity.ts).
 */
import { EditorActivity } from '../threads/editor-activity';

export class Foreground {
  private running = 0;
  private waiting: (() => void)[] = [];
  /** Every request, counted where the learner's worker thread sees it. */
  readonly activity = new EditorActivity();

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.activity.touch();
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const resume of this.waiting.splice(0)) resume();
    }
  }

  /** Resolves once no request is running (at once when none is). */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}
