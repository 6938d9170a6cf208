import { describe, expect, it } from 'vitest';
import { placeIn, revealRow, type FrameClock, type RowScroller } from '../../../src-renderer/ui/reveal-row';

const VIEW = { top: 100, bottom: 300 };

/**
 * A list whose visible box is VIEW and whose focused row is drawn at `row` (or not drawn), recording
 * every scroll. Other rows are drawn unless `drawn` is false (a list not laid out yet).
 */
function listWithFocusedRow(row: { top: number; bottom: number } | null, drawn = true) {
  const calls: string[] = [];
  const list: RowScroller = { scrollToIndex: (index) => void calls.push(`virtua to ${index}`) };
  const element = row && { getBoundingClientRect: () => row, scrollIntoView: () => void calls.push('browser nearest') };
  const state = { drawn, focused: element };
  const otherRow = {};
  const view = {
    querySelector: (selector: string) => (selector.includes('tabindex') ? state.focused : state.drawn ? (state.focused ?? otherRow) : null),
    getBoundingClientRect: () => VIEW,
  } as unknown as HTMLElement;
  return { list, view, calls, state };
}

/** Frames that run only when the test says so. */
function manualFrames() {
  let next = 1;
  const pending = new Map<number, () => void>();
  const clock: FrameClock = {
    request: (callback) => (pending.set(next, callback), next++),
    cancel: (handle) => void pending.delete(handle),
  };
  const tick = (): void => {
    const due = [...pending.values()];
    pending.clear();
    for (const callback of due) callback();
  };
  return { clock, tick, pending };
}

describe('revealRow', () => {
  it('leaves a drawn row wholly in view alone, so no pending scroll fights the editor’s wheel', () => {
    const { list, view, calls } = listWithFocusedRow({ top: 100, bottom: 140 });
    revealRow(list, 0, view);
    expect(calls).toEqual([]);
  });

  it('moves a drawn row cut by an edge once, through the browser, not virtua’s re-aiming scroll', () => {
    const { list, view, calls } = listWithFocusedRow({ top: 280, bottom: 320 });
    revealRow(list, 7, view);
    expect(calls).toEqual(['browser nearest']);
  });

  it('asks virtua for a row that is not drawn or is drawn out of view', () => {
    const far = listWithFocusedRow(null);
    revealRow(far.list, 2999, far.view);
    const below = listWithFocusedRow({ top: 400, bottom: 440 });
    revealRow(below.list, 12, below.view);
    expect([...far.calls, ...below.calls]).toEqual(['virtua to 2999', 'virtua to 12']);
  });

  it('waits for a just-opened list to draw its first rows, so virtua never re-aims at a row it takes for out of view', () => {
    const { list, view, calls, state } = listWithFocusedRow(null, false);
    const frames = manualFrames();
    revealRow(list, 0, view, frames.clock);
    frames.tick();
    expect(calls).toEqual([]);
    state.drawn = true;
    state.focused = { getBoundingClientRect: () => ({ top: 100, bottom: 140 }), scrollIntoView: () => void calls.push('browser nearest') };
    frames.tick();
    expect(calls).toEqual([]);
    expect(frames.pending.size).toBe(0);
  });

  it('a newer reveal replaces one still waiting for the list, and one that waits too long asks virtua', () => {
    const { list, view, calls } = listWithFocusedRow(null, false);
    const frames = manualFrames();
    revealRow(list, 5, view, frames.clock);
    revealRow(list, 9, view, frames.clock);
    expect(frames.pending.size).toBe(1);
    for (let frame = 0; frame < 40; frame++) frames.tick();
    expect(calls).toEqual(['virtua to 9']);
  });

  it('does nothing without a list or for a row that is not shown', () => {
    const { list, view, calls } = listWithFocusedRow(null);
    revealRow(undefined, 3, view);
    revealRow(list, -1, view);
    expect(calls).toEqual([]);
  });
});

describe('placeIn', () => {
  it('tells a row inside, cut by either edge, or outside the visible box', () => {
    expect(placeIn({ top: 100, bottom: 300 }, VIEW)).toBe('inside');
    expect(placeIn({ top: 90, bottom: 130 }, VIEW)).toBe('partly');
    expect(placeIn({ top: 290, bottom: 330 }, VIEW)).toBe('partly');
    expect(placeIn({ top: 300, bottom: 340 }, VIEW)).toBe('outside');
    expect(placeIn({ top: 20, bottom: 100 }, VIEW)).toBe('outside');
  });
});
