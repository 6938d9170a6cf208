import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../../src-main/core/anchor';
import { buildParagraphs } from '../../../src-main/core/paragraphs';
import { MATCH_THRESHOLD, reanchor, type AnchoredDecision } from '../../../src-main/core/reanchor';
import { inherit } from '../../../src-main/core/resegment';
import { segmentByLine } from '../../../src-main/core/segment';
import { similarity } from '../../../src-main/core/similarity';
import { NEWS_ARTICLE } from '../../support/seed-article';

const NEWS = readFileSync(NEWS_ARTICLE, 'utf8');

function read(text: string) {
  const blocks = segmentByLine(text);
  const paragraphs = buildParagraphs(text, blocks);
  return { paragraphs, current: paragraphs.map((p, i) => ({ id: p.id, index: p.index, anchor: anchorOf(text, blocks[i]!) })) };
}

function decisionsFor(text: string, indexes: number[]): AnchoredDecision[] {
  const { current } = read(text);
  return indexes.map((i) => ({ id: current[i]!.id, index: i, anchor: current[i]!.anchor }));
}

const lines = NEWS.split('\n').map((l) => l.trim()).filter(Boolean);

describe('similarity', () => {
  it('scores small edits high and different paragraphs of one story low', () => {
    const lead = lines[3]!;
    expect(similarity(lead, lead.replace('حمید رستمی', 'حمید رستمی، معاون استاندار،'))).toBeGreaterThan(0.85);
    expect(similarity(lines[3]!, lines[4]!)).toBeLessThan(MATCH_THRESHOLD);
  });

  it('ignores the spelling differences the search key folds (Arabic yeh, ZWNJ, digits)', () => {
    expect(similarity('رئيس‌جمهور در ١٢ استان', 'رئیس جمهور در ۱۲ استان')).toBe(1);
  });
});

describe('reanchor', () => {
  it('keeps every decision in an unchanged file', () => {
    const decisions = decisionsFor(NEWS, [2, 4, 10]);
    expect(reanchor(decisions, read(NEWS).current).map((p) => p.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('lets decisions follow paragraphs that moved', () => {
    const decisions = decisionsFor(NEWS, [3, 5]);
    const moved = [lines[0], lines[5], lines[1], lines[2], lines[3], lines[4], ...lines.slice(6)].join('\n');
    const placements = reanchor(decisions, read(moved).current);
    expect(placements).toEqual([
      { kind: 'moved', id: decisions[0]!.id, from: 3, index: 4 },
      { kind: 'moved', id: decisions[1]!.id, from: 5, index: 1 },
    ]);
  });

  it('re-anchors an edited paragraph to its new text by similarity', () => {
    const decisions = decisionsFor(NEWS, [3]);
    const edited = NEWS.replace('عصر امروز', 'صبح دیروز');
    const { current } = read(edited);
    const [placement] = reanchor(decisions, current);
    expect(placement).toMatchObject({ kind: 'reanchored', id: decisions[0]!.id, to: current[3]!.id, index: 3 });
    expect((placement as { score: number }).score).toBeGreaterThan(0.9);
  });

  it('orphans a decision whose paragraph was deleted, saying how close the best candidate was', () => {
    const decisions = decisionsFor(NEWS, [4]);
    const without = NEWS.replace(lines[4]!, '');
    const [placement] = reanchor(decisions, read(without).current);
    expect(placement?.kind).toBe('orphaned');
    expect((placement as { reason: string }).reason).toMatch(/gone from the file .*% alike; 60% is needed/);
  });

  it('orphans a decision saved without an anchor when its paragraph changed', () => {
    const [decision] = decisionsFor(NEWS, [3]);
    const placements = reanchor([{ id: decision!.id, index: 3 }], read(NEWS.replace('عصر امروز', 'صبح دیروز')).current);
    expect(placements[0]).toMatchObject({ kind: 'orphaned', reason: expect.stringMatching(/no copy of its text/) });
  });

  it('never lets a changed paragraph take the paragraph a kept decision holds', () => {
    const text = 'The council approved the new budget on Monday.\nThe council approved the new budget on Tuesday.';
    const decisions = decisionsFor(text, [0, 1]);
    const changed = 'The council approved the new budget on Monday!\nThe council approved the new budget on Tuesday.';
    const placements = reanchor(decisions, read(changed).current);
    expect(placements[1]).toMatchObject({ kind: 'unchanged', index: 1 });
    expect(placements[0]).toMatchObject({ kind: 'reanchored', index: 0 });
  });

  it('gives a paragraph to the best of two competing decisions and orphans the other', () => {
    const text = 'Rain closed the mountain road on Sunday morning.\nRain closed the mountain road on Sunday.\nOther news.';
    const decisions = decisionsFor(text, [0, 1]);
    const changed = 'Rain closed the mountain road on Sunday!\nOther news.';
    const placements = reanchor(decisions, read(changed).current);
    expect(placements.map((p) => p.kind)).toEqual(['orphaned', 'reanchored']);
  });

  it('accepts a weaker match when the paragraphs around it are where they were', () => {
    const text = 'Opening line of the story stays.\nThe mayor said the bridge opens in May.\nClosing line of the story stays.';
    const decisions = decisionsFor(text, [1]);
    const rewrite = 'Officials said the bridge opens in May, weather permitting, with a ceremony.';
    expect(similarity('The mayor said the bridge opens in May.', rewrite)).toBeLessThan(MATCH_THRESHOLD);
    expect(reanchor(decisions, read(text.replace('The mayor said the bridge opens in May.', rewrite)).current)[0]).toMatchObject({ kind: 'reanchored', index: 1 });
    const elsewhere = `Weather: sunny all week.\n${rewrite}\nSports results follow.`;
    expect(reanchor(decisions, read(elsewhere).current)[0]).toMatchObject({ kind: 'orphaned' });
  });
});

describe('inherit (the same text cut differently)', () => {
  it('maps a split paragraph to both pieces and merged paragraphs to the one result', () => {
    const text = 'aaa bbb\nccc\nddd';
    const old = buildParagraphs(text, segmentByLine(text));
    const split = buildParagraphs(text, [{ start: 0, end: 3 }, { start: 4, end: 7 }, { start: 8, end: 11 }, { start: 12, end: 15 }]);
    const pieces = inherit(old, split).inheritances;
    expect(pieces.map((i) => i.from.map((f) => f.index))).toEqual([[0], [0], [1], [2]]);
    expect(pieces.map((i) => i.same)).toEqual([false, false, true, true]);
    const merged = buildParagraphs(text, [{ start: 0, end: 7 }, { start: 8, end: 15 }]);
    const { inheritances, lost } = inherit(old, merged);
    expect(inheritances.map((i) => i.from.map((f) => f.index))).toEqual([[0], [1, 2]]);
    expect(lost).toEqual([]);
  });
});
