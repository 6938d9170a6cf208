/**
 * Replies and events that arrive after something newer was shown. Main answers requests
 * concurrently and pushes events on its own schedule, so they can overtake each other (the more
 * so on a loaded machine); whatever came later in the editor's timeline must win, never whatever
 * happened to arrive last.
 */
import type { WorkspaceView } from '../../src-main/shared/views';

/**
 * Hands out one ticket per request of a kind; only the newest ticket is current. An article the
 * editor clicks while the app still opens the first one stays open when that first reply lands.
 */
export class LatestRequest {
  private newest = 0;

  /** Starts a request; the function says whether it is still the newest one. */
  begin(): () => boolean {
    const ticket = ++this.newest;
    return () => ticket === this.newest;
  }
}

/**
 * True when `incoming` was made before the list already shown: list ids count up once per session
 * in main, and a view's read-only state is read in the same step its id is taken, so an older view
 * (a file-change event computed before "Try again" took the lock) would bring back a stale banner.
 */
export function isOlderView(shown: WorkspaceView | null, incoming: WorkspaceView | null): boolean {
  return shown !== null && incoming !== null && incoming.listId < shown.listId;
}
