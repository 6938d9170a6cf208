import { describe, expect, it } from 'vitest';
import { countArticle, mergeCounts, PRIOR_WEIGHT, RuleCalibration, UNCALIBRATED } from '../../../../src-main/core/suggest/calibrate';
import type { Suggestion } from '../../../../src-main/core/suggest/types';

const ad = (score: number): Suggestion => ({ label: 'ad', score, suggester: 'ad-cues', reason: { code: 'footer-name', place: 'after-marker' } });
const learned = (score: number): Suggestion => ({ label: 'ad', score, suggester: 'learned', reason: { code: 'learned', examples: 40, cues: [] } });

/** `n` decided paragraphs offered `s`, `right` of them carrying its label. */
function counted(s: Suggestion, n: number, right: number) {
  const suggestions = new Map(Array.from({ length: n }, (_, i) => [i, [s]] as const));
  const targets = Array.from({ length: n }, (_, i) => ({ paragraph: i, labels: i < right ? [s.label] : [], weight: 1, source: 'editor' as const }));
  return countArticle(suggestions, targets);
}

describe('rule scores calibrated on the workspace’s decisions', () => {
  it('keeps the hand-set score when nothing is decided', () => {
    expect(UNCALIBRATED.score(ad(0.6))).toBe(0.6);
    expect(UNCALIBRATED.apply(ad(0.6))).toEqual(ad(0.6));
  });

  it('moves a score to the share of decided paragraphs that carried the label, the hand-set score counting as a few decisions', () => {
    const c = new RuleCalibration(counted(ad(0.6), 36, 36), 36);
    // (36 right + 4 × 0.6) / (36 + 4)
    expect(c.score(ad(0.6))).toBeCloseTo((36 + PRIOR_WEIGHT * 0.6) / (36 + PRIOR_WEIGHT), 3);
    expect(c.apply(ad(0.6))).toMatchObject({ score: 0.96, calibration: { raw: 0.6, decided: 36, right: 36 } });
    const wrong = new RuleCalibration(counted(ad(0.9), 16, 4), 16);
    expect(wrong.score(ad(0.9))).toBeCloseTo((4 + PRIOR_WEIGHT * 0.9) / 20, 3);
  });

  it('never scores a weaker cue of a rule above a stronger one (isotonic), and leaves a level nobody decided near its hand-set score', () => {
    const c = new RuleCalibration(mergeCounts([counted(ad(0.6), 30, 30), counted(ad(0.9), 30, 15)]), 60);
    expect(c.score(ad(0.6))).toBeLessThanOrEqual(c.score(ad(0.9)));
    expect(c.score(ad(0.6))).toBeCloseTo(c.score(ad(0.9)), 6);
    const lone = new RuleCalibration(counted(ad(0.6), 10, 10), 10);
    expect(lone.score(ad(0.95))).toBeGreaterThanOrEqual(lone.score(ad(0.6)));
  });

  it('leaves the learned suggester’s scores alone: they are probabilities already', () => {
    const c = new RuleCalibration(counted(learned(0.7), 20, 0), 20);
    expect(c.counts).toEqual([]);
    expect(c.score(learned(0.7))).toBe(0.7);
  });

  it('weighs one of k disagreeing editors 1/k', () => {
    const counts = countArticle(new Map([[0, [ad(0.6)]]]), [
      { paragraph: 0, labels: ['ad'], weight: 0.5, source: 'editor' },
      { paragraph: 0, labels: [], weight: 0.5, source: 'editor' },
    ]);
    expect(counts).toEqual([{ suggester: 'ad-cues', label: 'ad', raw: 0.6, decided: 1, right: 0.5 }]);
  });

  it('measures, per label, the suggestions at or above each calibrated score on the decided paragraphs', () => {
    const c = new RuleCalibration(mergeCounts([counted(ad(0.9), 10, 10), counted(ad(0.6), 10, 5)]), 20);
    const levels = c.measured().ad!;
    expect(levels.map((l) => [l.decided, l.right])).toEqual([
      [10, 10],
      [20, 15],
    ]);
    expect(levels[0]!.score).toBeGreaterThan(levels[1]!.score);
  });
});
