/** The part of virtua's VList handle that revealing a row needs. */
export interface RowScroller {
  scrollToIndex(index: number, opts?: { align?: 'start' | 'center' | 'end' | 'nearest' }): void;
}

interface Span {
  top: number;
  bottom: number;
}

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
 */
export function revealRow(list: RowScroller | undefined, position: number, view: HTMLElement | undefined): void {
  if (!list || position < 0) return;
  const row = view?.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
  if (row && view) {
    const place = placeIn(row.getBoundingClientRect(), view.getBoundingClientRect());
    if (place === 'inside') return;
    if (place === 'partly') return row.scrollIntoView({ block: 'nearest' });
  }
  list.scrollToIndex(position, { align: 'nearest' });
}
