/**
 * Completes the article list in the background (docs/architecture.md): reads the articles a list sent as
 * pending, in list order, and pushes their summaries to the renderer as `workspace.counts`
 * events, a batch at a time. Then it builds the search keys of every article (articles/search.ts),
 * so the first search does not wait for them. A newer list stops the older one's work: one
 * reading of the workspace at a time.
 */
import type { ArticleSummary } from '../../shared/views';
import { prepareSearchKeys, searchWorkspace } from '../articles/search';
import type { Workspace } from '../workspace/workspace';
import { articleSummary, errorSummary } from './article-summary';
import type { HandlerContext } from './context';
import type { Session } from './session';
import { perSession } from './per-session';

/** Articles read at once: enough to keep the disk busy, few enough to answer a click soon. */
const CHUNK = 32;
/** How often a batch goes to the renderer, so 10,000 articles are a few dozen events. */
const BATCH_MS = 150;
/** A query no article is likely to hold: the warm-up scan then reads every key. */
const WARM_UP_QUERY = 'pilcrow warm-up scan ¶';

export class ListCounts {
  private lists = 0;
  /** The running job; `cancelled` is set when a newer list or the session's end stops it. */
  private current: { cancelled: boolean; finished: Promise<void> } | null = null;

  constructor(
    private readonly session: Session,
    private readonly emit: HandlerContext['emit'],
  ) {
    session.onClose.add(() => this.stop());
  }

  /** Numbers a new list and starts completing its pending articles; returns the list's number. */
  start(workspace: Workspace, articles: readonly ArticleSummary[]): number {
    this.stop();
    const listId = ++this.lists;
    const job = { cancelled: false, finished: Promise.resolve() };
    const readable = articles.filter((a) => !a.error).map((a) => a.id);
    job.finished = this.run(workspace, listId, articles.filter((a) => a.pending).map((a) => a.id), readable, job).catch((error: unknown) => {
      console.warn(`pilcrow: counting the article list failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.current = job;
    return listId;
  }

  /** Resolves when the running job (counts, then search keys) has finished or stopped. */
  idle(): Promise<void> {
    return this.current?.finished ?? Promise.resolve();
  }

  stop(): void {
    if (this.current) this.current.cancelled = true;
    this.current = null;
  }

  private async run(workspace: Workspace, listId: number, ids: string[], readable: string[], job: { cancelled: boolean }): Promise<void> {
    const store = () => (this.session.workspace === workspace ? this.session.store : null);
    let batch: ArticleSummary[] = [];
    let sentAt = performance.now();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.session.foreground.idle();
      const annotations = store();
      if (job.cancelled || !annotations) return;
      const read = await Promise.all(
        ids.slice(i, i + CHUNK).map((id) =>
          workspace.entry(id).then(
            (entry) =>
              // A layer that cannot be read must not leave the article pending for ever.
              articleSummary(entry, annotations).catch((error: unknown) => errorSummary({ id, path: entry.path, said: { code: 'labels-unreadable', path: entry.path, detail: error instanceof Error ? error.message : String(error) } })),
            () => null, // gone since the list was made: the next list leaves it out
          ),
        ),
      );
      if (job.cancelled) return;
      batch.push(...read.filter((s): s is ArticleSummary => s !== null));
      if (performance.now() - sentAt >= BATCH_MS) {
        this.emit('workspace.counts', { root: workspace.root, listId, articles: batch, done: false });
        batch = [];
        sentAt = performance.now();
      }
    }
    this.emit('workspace.counts', { root: workspace.root, listId, articles: batch, done: true });
    for (let i = 0; i < readable.length; i += CHUNK) {
      await this.session.foreground.idle();
      if (job.cancelled) return;
      for (const id of readable.slice(i, i + CHUNK)) {
        const article = await workspace.cached(id);
        if (article) prepareSearchKeys(article);
      }
      // Let clicks and keystrokes through between chunks: this is idle-time work.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The first scan over fresh keys costs more than later ones, whatever the query (measured
    // ~190 ms more on 21,000 paragraphs): pay it here, not in the editor's first search.
    if (!job.cancelled) await searchWorkspace(workspace, WARM_UP_QUERY, 1);
  }
}

/** The session's one background reader of the list (made on first use). */
export const listCountsOf = perSession((session, emit: HandlerContext['emit']) => new ListCounts(session, emit));
