/** The part of virtua's VList handle that revealing a row needs. */
export interface RowScroller {
  getItemOffset(index: number): number;
  getItemSize(index: number): number;
  getScrollOffset(): number;
  getViewportSize(): number;
  scrollToIndex(index: number, opts?: { align?: 'start' | 'center' | 'end' | 'nearest' }): void;
}

/**
 * Brings a row of the list into view, unless it is wholly there already. The check matters:
 * virtua's scrollToIndex keeps re-aiming for 150 ms after the last row is measured, so a needless
 * call pulled an editor who began to wheel just then back to the row, scroll after scroll.
 */
export function revealRow(list: RowScroller | undefined, position: number): void {
  if (!list || position < 0) return;
  const top = list.getItemOffset(position);
  const from = list.getScrollOffset();
  if (top >= from && top + list.getItemSize(position) <= from + list.getViewportSize()) return;
  list.scrollToIndex(position, { align: 'nearest' });
}
