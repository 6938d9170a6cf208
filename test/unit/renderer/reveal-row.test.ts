import { describe, expect, it } from 'vitest';
import { revealRow, type RowScroller } from '../../../src-renderer/ui/reveal-row';

/** A list of 40-pixel rows with a 200-pixel viewport scrolled to `offset`, recording scroll calls. */
function listAt(offset: number): RowScroller & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    getItemOffset: (index) => index * 40,
    getItemSize: () => 40,
    getScrollOffset: () => offset,
    getViewportSize: () => 200,
    scrollToIndex: (index) => void calls.push(index),
  };
}

describe('revealRow', () => {
  it('leaves a row wholly in view alone, so a pending scroll never fights the editor’s wheel', () => {
    const list = listAt(0);
    revealRow(list, 0);
    revealRow(list, 4);
    expect(list.calls).toEqual([]);
  });

  it('scrolls to a row cut by the edge of the viewport or out of it', () => {
    const list = listAt(100);
    revealRow(list, 2); // 80–120: its top is above the viewport
    revealRow(list, 7); // 280–320: its bottom is below
    revealRow(list, 50);
    expect(list.calls).toEqual([2, 7, 50]);
  });

  it('does nothing without a list or for a row that is not shown', () => {
    const list = listAt(0);
    revealRow(undefined, 3);
    revealRow(list, -1);
    expect(list.calls).toEqual([]);
  });
});
