import { describe, expect, it } from 'vitest';
import { assignSplits, emptySplits, parseRatios, seededHash, splitCounts } from '../../../src-main/core/splits';

const paths = Array.from({ length: 50 }, (_, i) => `news/${i}.txt`);

describe('splits by article', () => {
  it('gives the same assignment for the same paths, ratios and seed, whatever their order', () => {
    const a = assignSplits(paths, [80, 10, 10], 7);
    const b = assignSplits([...paths].reverse(), [80, 10, 10], 7);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('matches the ratios in whole articles and changes with the seed', () => {
    const a = assignSplits(paths, [80, 10, 10], 7);
    const count = (m: Map<string, string>, s: string) => [...m.values()].filter((x) => x === s).length;
    expect([count(a, 'train'), count(a, 'dev'), count(a, 'test')]).toEqual([40, 5, 5]);
    const c = assignSplits(paths, [80, 10, 10], 8);
    expect([...c.entries()].filter(([p, s]) => a.get(p) !== s).length).toBeGreaterThan(0);
  });

  it('rounds by largest remainder so the counts add up', () => {
    expect(splitCounts(7, [80, 10, 10])).toEqual([5, 1, 1]); // 5.6, 0.7, 0.7: the two .7s win
    expect(splitCounts(3, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(splitCounts(0, [80, 10, 10])).toEqual([0, 0, 0]);
  });

  it('names the splits with a weight that whole articles leave empty, never one weighted 0', () => {
    expect(emptySplits(3, [80, 10, 10])).toEqual(['dev', 'test']); // 2.4, 0.3, 0.3: all three go to train
    expect(emptySplits(5, [80, 10, 10])).toEqual(['test']);
    expect(emptySplits(7, [80, 10, 10])).toEqual([]);
    expect(emptySplits(3, [80, 20, 0])).toEqual([]);
    expect(emptySplits(0, [80, 20, 0])).toEqual(['train', 'dev']);
  });

  it('hashes with its seed', () => {
    expect(seededHash('a', 1)).not.toBe(seededHash('a', 2));
    expect(seededHash('a', 1)).toBe(seededHash('a', 1));
  });

  it('reads 80,10,10 and explains anything else', () => {
    expect(parseRatios('80,10,10')).toEqual([80, 10, 10]);
    expect(parseRatios('0.8/0.1/0.1')).toEqual([0.8, 0.1, 0.1]);
    expect(() => parseRatios('80,20')).toThrow('--split wants three non-negative numbers for train,dev,test such as 80,10,10; got "80,20"');
    expect(() => parseRatios('0,0,0')).toThrow('must not all be 0');
  });
});
