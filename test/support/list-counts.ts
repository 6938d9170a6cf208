/**
 * The article list arrives before its counts (issue 8): tests and the bench collect the
 * `workspace.counts` events a handler table pushes and read a list as the renderer ends up
 * showing it, once the last batch of its counts has arrived.
 */
import type { Emit } from '../../src-main/node/app/handlers';
import type { WorkspaceCountsEvent, WorkspaceView } from '../../src-main/shared/views';

export class CountsCollector {
  readonly events: WorkspaceCountsEvent[] = [];
  private waiters: (() => void)[] = [];

  /** Pass as (or call from) the handler table's emit. */
  readonly emit: Emit = (event, payload) => {
    if (event !== 'workspace.counts') return;
    this.events.push(payload as WorkspaceCountsEvent);
    for (const wake of this.waiters.splice(0)) wake();
  };

  /** The list with every pending article filled in from its counts (waits for the last batch). */
  async complete(view: WorkspaceView, timeoutMs = 30_000): Promise<WorkspaceView> {
    const deadline = Date.now() + timeoutMs;
    while (!this.events.some((e) => e.root === view.root && e.listId >= view.listId && e.done)) {
      if (Date.now() > deadline) throw new Error(`no complete workspace.counts for list ${view.listId} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200).unref?.();
      });
    }
    const articles = view.articles.map((a) => ({ ...a }));
    const at = new Map(articles.map((a, i) => [a.id, i]));
    for (const event of this.events) {
      if (event.root !== view.root || event.listId < view.listId) continue;
      for (const summary of event.articles) {
        const i = at.get(summary.id);
        if (i !== undefined && articles[i]?.pending) articles[i] = summary;
      }
    }
    return { ...view, articles };
  }
}
