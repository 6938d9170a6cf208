import { describe, expect, it } from 'vitest';
import type { DecisionView } from '../../../src-main/shared/views';
import { findFoldRuns, firstAfterLeadingRuns, foldKeyOf, foldKind, MIN_FOLD_RUN, preview, runContaining, sameRuns, shownIndexes, type FoldInput } from '../../../src-renderer/state/fold-runs';
import { ghostsOf } from '../../../src-renderer/state/suggestion-logic';

const SCHEMA = ['quote', 'claim', 'boilerplate', 'ad'];
const s = (label: string, score: number) => ({ label, score, suggester: label === 'ad' ? 'ad-cues' : 'repeated', reason: { code: 'end-marker' as const } });

/** One paragraph: its suggestions (as main sends them), this annotator's decision and turned-down labels. */
function p(index: number, suggestions: ReturnType<typeof s>[], decision?: DecisionView, rejected?: string[]): FoldInput {
  const d = decision && !decision.undecided ? { labels: decision.labels } : null;
  return { id: `p${index}`, text: `line ${index}`, ghosts: ghostsOf(suggestions, d, rejected, SCHEMA), decision };
}

/** Paragraphs from a compact picture: B boilerplate 0.75, b 0.95, A ad 0.9, M both, Q quote, . nothing. */
function article(picture: string): FoldInput[] {
  return [...picture].map((c, i) => {
    switch (c) {
      case 'B':
        return p(i, [s('boilerplate', 0.75)]);
      case 'b':
        return p(i, [s('boilerplate', 0.95)]);
      case 'A':
        return p(i, [s('ad', 0.9)]);
      case 'M':
        return p(i, [s('boilerplate', 0.8), s('ad', 0.6)]);
      case 'Q':
        return p(i, [s('quote', 0.95)]);
      default:
        return p(i, []);
    }
  });
}

const spans = (inputs: readonly (FoldInput | undefined)[]) => findFoldRuns(inputs).map((r) => [r.start, r.end]);

describe('runs of boilerplate to fold', () => {
  it('folds three or more consecutive undecided lines suggested as boilerplate, with the lowest and highest score', () => {
    const runs = findFoldRuns(article('..bBBbB.'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ start: 2, end: 6, ids: ['p2', 'p3', 'p4', 'p5', 'p6'], labels: [{ label: 'boilerplate', min: 0.75, max: 0.95 }], firstText: 'line 2' });
    expect(foldKind(runs[0]!)).toBe('boilerplate');
  });

  it(`leaves runs shorter than ${MIN_FOLD_RUN} lines unfolded`, () => {
    expect(spans(article('.BB.BBB'))).toEqual([[4, 6]]);
    expect(spans(article('.BB.BBB').slice(0, 4))).toEqual([]);
  });

  it('breaks a run where the suggested label changes: boilerplate then ads are two runs', () => {
    const runs = findFoldRuns(article('bBBBAAA'));
    expect(runs.map((r) => [r.start, r.end, foldKind(r)])).toEqual([
      [0, 3, 'boilerplate'],
      [4, 6, 'ad'],
    ]);
    // Lines suggested as both are a run of their own.
    expect(findFoldRuns(article('BBMMMAA')).map((r) => [r.start, r.end, foldKind(r), r.labels.map((l) => l.label)])).toEqual([[2, 4, 'mixed', ['boilerplate', 'ad']]]);
  });

  it('never folds a line with another suggestion beside the boilerplate one, or none', () => {
    const mixed = article('BBBB');
    mixed[2] = p(2, [s('boilerplate', 0.9), s('quote', 0.7)]);
    expect(spans(mixed)).toEqual([]);
    expect(spans(article('BBQBBB.BB'))).toEqual([[3, 5]]);
  });

  it('breaks a run at a decided, flagged or noted line; a turned-down suggestion is no suggestion', () => {
    const lines = article('BBBBBBBBBBBB');
    lines[3] = p(3, [s('boilerplate', 0.75)], { labels: ['boilerplate'], via: 'suggestion' });
    lines[6] = p(6, [s('boilerplate', 0.75)], { labels: [], undecided: true, flagged: true });
    lines[9] = p(9, [s('boilerplate', 0.75)], { labels: [], undecided: true, note: 'check this' });
    expect(spans(lines)).toEqual([[0, 2]]); // 4–5, 7–8 and 10–11 are two lines each
    const none = article('BBBB');
    none[1] = p(1, [s('boilerplate', 0.75)], { labels: [] }); // reviewed, no label
    expect(spans(none)).toEqual([]);
    const turnedDown = article('BBBBBB');
    turnedDown[2] = p(2, [s('boilerplate', 0.75)], undefined, ['boilerplate']);
    expect(spans(turnedDown)).toEqual([[3, 5]]);
  });

  it('an undecided line that only holds a note or flag entry without either still folds', () => {
    const lines = article('BBB');
    lines[1] = p(1, [s('boilerplate', 0.75)], { labels: [], undecided: true });
    expect(spans(lines)).toEqual([[0, 2]]);
  });

  it('never folds across a paragraph that has not arrived yet', () => {
    const lines: (FoldInput | undefined)[] = article('BBBBBBB');
    lines[3] = undefined;
    expect(spans(lines)).toEqual([
      [0, 2],
      [4, 6],
    ]);
  });

  it('keeps paragraph counts: the list shows a folded run as its first line, and its members are found by index', () => {
    const runs = findFoldRuns(article('bBB..AAA.'));
    expect(shownIndexes(9, runs)).toEqual([0, 3, 4, 5, 8]);
    expect(shownIndexes(9, [])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(runContaining(runs, 1)?.start).toBe(0);
    expect(runContaining(runs, 7)?.start).toBe(5);
    expect(runContaining(runs, 3)).toBeUndefined();
  });

  it('opens the view after the folded runs that start the article, else nowhere in particular', () => {
    expect(firstAfterLeadingRuns(findFoldRuns(article('BBBAAA..')), 8)).toBe(6);
    expect(firstAfterLeadingRuns(findFoldRuns(article('.BBB..')), 6)).toBeNull();
    expect(firstAfterLeadingRuns(findFoldRuns(article('BBBB')), 4)).toBeNull(); // nothing after them
    expect(firstAfterLeadingRuns([], 4)).toBeNull();
  });

  it('tells equal runs apart from changed ones, so an unchanged list is kept', () => {
    const a = findFoldRuns(article('.BBB.AAA'));
    expect(sameRuns(a, findFoldRuns(article('.BBB.AAA')))).toBe(true);
    expect(sameRuns(a, findFoldRuns(article('.BBBBAAA')))).toBe(false);
    expect(sameRuns(a, findFoldRuns(article('.BbB.AAA')))).toBe(false);
  });

  it('a line joins only with nothing but boilerplate or ad ghosts and no decision', () => {
    expect(foldKeyOf(undefined)).toBeNull();
    expect(foldKeyOf(p(0, []))).toBeNull();
    expect(foldKeyOf(p(0, [s('ad', 0.9), s('boilerplate', 0.8)]))).toBe('boilerplate ad');
    expect(foldKeyOf(p(0, [s('boilerplate', 0.8)], { labels: ['quote'] }))).toBeNull();
  });

  it('previews the first line in whole characters, spaces folded', () => {
    expect(preview('  پربیننده‌ترین   اخبار\nاستان‌ها  ')).toBe('پربیننده‌ترین اخبار استان‌ها');
    expect(preview('😀'.repeat(70), 60)).toBe(`${'😀'.repeat(60)}…`);
  });
});
