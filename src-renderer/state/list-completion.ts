/** The article list's counts, which arrive after the list itself (docs/architecture.md). */
import type { WorkspaceCountsEvent, WorkspaceView } from '../../src-main/shared/views';

/**
 * Fills in the pending articles of the list from `workspace.counts` events (the list arrives
 * before its counts). Events can overtake the reply that carries their list, so those
 * of a list not shown yet are kept until it is; a newer list's event also completes an older
 * list's pending articles (it read them later), and an older list's event is dropped, whichever
 * workspace it came from.
 */
export class ListCompletion {
  private ahead: WorkspaceCountsEvent[] = [];

  /** An event arrived: applied to the list shown, or kept for the list it belongs to. */
  receive(view: WorkspaceView | null, event: WorkspaceCountsEvent): void {
    // List ids count up once per session, whatever the workspace: an older list's event is stale,
    // also one from a workspace the editor has since left (kept, it would be replayed forever).
    if (view !== null && event.listId < view.listId) return;
    const sameWorkspace = view !== null && event.root === view.root;
    if (sameWorkspace) completeList(view, event);
    if (!sameWorkspace || event.listId > view.listId) this.ahead.push(event);
  }

  /** A list is now shown: apply the events that came before it. */
  shown(view: WorkspaceView | null): void {
    const kept = this.ahead;
    this.ahead = [];
    for (const event of kept) this.receive(view, event);
  }
}

function completeList(view: WorkspaceView, event: WorkspaceCountsEvent): void {
  const at = new Map(view.articles.map((a, i) => [a.id, i]));
  for (const summary of event.articles) {
    const i = at.get(summary.id);
    if (i !== undefined && view.articles[i]?.pending) view.articles[i] = summary;
  }
}
