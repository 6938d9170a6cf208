import { describe, expect, it } from 'vitest';
import { fitPlatt, plattProbability, reliability } from '../../../../src-main/core/learn/calibrate';
import { Prng } from '../../../bench/generator/prng';

describe('calibrating margins into probabilities (Platt scaling)', () => {
  it('recovers the sigmoid that generated the outcomes, so its probabilities are right as often as they say', () => {
    const rng = new Prng(11);
    const margins: number[] = [];
    const positive: boolean[] = [];
    // True P(label | margin) = 1 / (1 + exp(-(1.5·m − 0.5))): Platt's A = −1.5, B = 0.5.
    for (let i = 0; i < 20_000; i++) {
      const m = rng.next() * 8 - 4;
      margins.push(m);
      positive.push(rng.next() < 1 / (1 + Math.exp(-(1.5 * m - 0.5))));
    }
    const platt = fitPlatt(margins, positive);
    expect(platt.a).toBeCloseTo(-1.5, 1);
    expect(platt.b).toBeCloseTo(0.5, 1);
    const bins = reliability(margins.map((m) => plattProbability(platt, m)), positive);
    for (const bin of bins) if (bin.count > 500) expect(Math.abs(bin.observed - bin.meanProbability)).toBeLessThan(0.04);
  });

  it('turns over-eager margins (a class-balanced model on a rare label) down to the rate the label really has', () => {
    const margins = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 3 : 1));
    const positive = margins.map((_, i) => i % 20 === 0);
    const platt = fitPlatt(margins, positive);
    expect(plattProbability(platt, 1)).toBeLessThan(0.05);
    expect(plattProbability(platt, 3)).toBeGreaterThan(0.4);
    expect(plattProbability(platt, 3)).toBeLessThan(0.6);
  });

  it('weighs examples by their weight (one of two disagreeing editors counts half)', () => {
    const margins = [2, 2, 2, 2];
    const heavy = fitPlatt(margins, [true, true, false, false], [1, 1, 0.1, 0.1]);
    const even = fitPlatt(margins, [true, true, false, false]);
    expect(plattProbability(heavy, 2)).toBeGreaterThan(plattProbability(even, 2));
  });

  it('bins held-out probabilities by tenths, leaving out empty bins', () => {
    expect(reliability([0.95, 0.91, 0.12, 1], [true, false, false, true])).toEqual([
      { from: 0.1, count: 1, meanProbability: 0.12, observed: 0 },
      { from: 0.9, count: 3, meanProbability: (0.95 + 0.91 + 1) / 3, observed: 2 / 3 },
    ]);
  });
});
