/** The part of virtua's VList handle that revealing a row needs. */
export interface RowScroller {
  scrollToIndex(index: number, opts?: { align?: 'start' | 'center' | 'end' | 'nearest' }): void;
}

interface Span {
  top: number;
  bottom: number;
}

/** Runs a callback on a later frame and cancels one; the browser's by default, a test's own in unit tests. */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const browserFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** How many frames a reveal waits for a list that has drawn no row yet (about half a second). */
const LAYOUT_FRAMES = 30;

/** A reveal waiting for its list's first rows, per list element: a newer reveal replaces it. */
const waiting = new WeakMap<HTMLElement, { clock: FrameClock; handle: number }>();

/** Where a row's box is against the list's visible box. */
export function placeIn(row: Span, view: Span): 'inside' | 'partly' | 'outside' {
  if (row.top >= view.top && row.bottom <= view.bottom) return 'inside';
  return row.bottom > view.top && row.top < view.bottom ? 'partly' : 'outside';
}

/**
 * Brings the focused row (the one with tabindex 0) at `position` into view. A drawn row wholly in
 * view is left alone, and one cut by an edge is moved once by the browser: virtua's scrollToIndex
 * keeps re-aiming for 150 ms after every row it measures, so a needless call pulled an editor who
 * began to wheel just then back to the row, wheel after wheel. Only a row not drawn (far away)
 * needs virtua, which knows where it will be.
 *
 * A list that has drawn no row yet (just opened: virtua has not measured its viewport) is waited
 * for, frame by frame: asked then, virtua takes every row for out of view and re-aims at the
 * first row while the editor's first wheel turns draw new ones.
 */
export function revealRow(list: RowScroller | undefined, position: number, view: HTMLElement | undefined, clock: FrameClock = browserFrames): void {
  if (view) cancelWaiting(view);
  if (!list || position < 0) return;
  if (!view) return list.scrollToIndex(position, { align: 'nearest' });
  reveal(list, position, view, clock, LAYOUT_FRAMES);
}

function reveal(list: RowScroller, position: number, view: HTMLElement, clock: FrameClock, framesLeft: number): void {
  if (!view.querySelector('[role="row"]') && framesLeft > 0) {
    const handle = clock.request(() => {
      waiting.delete(view);
      reveal(list, position, view, clock, framesLeft - 1);
    });
    waiting.set(view, { clock, handle });
    return;
  }
  const row = view.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
  if (row) {
    const place = placeIn(row.getBoundingClientRect(), view.getBoundingClientRect());
    if (place === 'inside') return;
    if (place === 'partly') return row.scrollIntoView({ block: 'nearest' });
  }
  list.scrollToIndex(position, { align: 'nearest' });
}

function cancelWaiting(view: HTMLElement): void {
  const pending = waiting.get(view);
  if (!pending) return;
  pending.clock.cancel(pending.handle);
  waiting.delete(view);
}
