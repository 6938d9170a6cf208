import { describe, expect, it } from 'vitest';
import { missingRanges } from '../../../src-renderer/state/article-loading';
import { needsWholeArticle, type LoadingArticle } from '../../../src-renderer/features/annotate/loading-keys';

/** Slots of an article of `total` paragraphs where `from`..`to` (exclusive) arrived. */
function slots(total: number, from: number, to: number): (true | undefined)[] {
  return Array.from({ length: total }, (_, i) => (i >= from && i < to ? true : undefined));
}

describe('fetching the rest of a long article', () => {
  it('asks for what follows the window first, then what precedes it, in order and in chunks', () => {
    expect(missingRanges(slots(10_000, 4000, 4300), 2000)).toEqual([
      { from: 4300, count: 2000 },
      { from: 6300, count: 2000 },
      { from: 8300, count: 1700 },
      { from: 0, count: 2000 },
      { from: 2000, count: 2000 },
    ]);
  });

  it('asks for nothing once every paragraph is here, and for the rest of a window at the top or the end', () => {
    expect(missingRanges(slots(500, 0, 500), 2000)).toEqual([]);
    expect(missingRanges(slots(1000, 0, 300), 400)).toEqual([
      { from: 300, count: 400 },
      { from: 700, count: 300 },
    ]);
    expect(missingRanges(slots(1000, 700, 1000), 2000)).toEqual([{ from: 0, count: 700 }]);
  });
});

/** An article of 1,000 paragraphs of which 0..299 arrived, focus on `focus`, a range from `anchor`. */
function half(focus: number, anchor: number | null = null): LoadingArticle {
  const visible = Array.from({ length: 1000 }, (_, i) => i);
  return {
    complete: false,
    visible,
    isLoaded: (i) => i < 300,
    cursor: {
      focus,
      positionOf: (i) => i,
      targets: () => (anchor === null ? [focus] : visible.slice(Math.min(anchor, focus), Math.max(anchor, focus) + 1)),
    },
  };
}

describe('keys while a long article arrives', () => {
  it('runs keys that touch only paragraphs already here', () => {
    for (const command of [{ kind: 'move', delta: 1, extend: false }, { kind: 'edge', to: 'first', extend: false }, { kind: 'toggle', label: 'quote' }, { kind: 'none' }, { kind: 'flag' }, { kind: 'suggestion', action: 'accept' }, { kind: 'article', delta: 1 }, { kind: 'escape' }] as const) {
      expect(needsWholeArticle(command, half(10)), command.kind).toBe(false);
    }
  });

  it('makes keys wait that reach paragraphs not here yet or act on the whole article', () => {
    expect(needsWholeArticle({ kind: 'move', delta: 1, extend: false }, half(299))).toBe(true);
    expect(needsWholeArticle({ kind: 'move', delta: 10, extend: true }, half(295))).toBe(true);
    expect(needsWholeArticle({ kind: 'edge', to: 'last', extend: false }, half(10))).toBe(true);
    expect(needsWholeArticle({ kind: 'toggle', label: 'quote' }, half(305))).toBe(true);
    expect(needsWholeArticle({ kind: 'clear' }, half(305, 290))).toBe(true);
    for (const command of [{ kind: 'selectAll' }, { kind: 'done' }, { kind: 'undo' }, { kind: 'redo' }, { kind: 'undecided', direction: 1 }, { kind: 'flaggedOnly' }, { kind: 'suggestion', action: 'acceptAll' }] as const) {
      expect(needsWholeArticle(command, half(10)), command.kind).toBe(true);
    }
  });

  it('lets every key run once the whole article is here', () => {
    expect(needsWholeArticle({ kind: 'selectAll' }, { ...half(10), complete: true })).toBe(false);
  });
});
