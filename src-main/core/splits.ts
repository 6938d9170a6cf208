/**
 * Train/dev/test splits by article: every paragraph of an article lands in the same split, so
 * near-duplicate text from one story never leaks between train and test.
 *
 * Articles are ordered by a seeded hash of their path and cut at the ratio boundaries (largest
 * remainder rounding), so the same paths, ratios and seed always give the same assignment, the
 * counts match the ratios as closely as whole articles allow, and adding an article moves at
 * most the few articles next to a boundary.
 */
import { hash53 } from './hash';

export const SPLIT_NAMES = ['train', 'dev', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** A seeded stable shuffle key: the same cyrb53 hash that names paragraphs (core/hash.ts). */
export function seededHash(text: string, seed: number): number {
  return hash53(text, seed);
}

/** How many of `total` items each weight gets: floors, then the largest remainders (ties: earlier split). */
export function splitCounts(total: number, ratios: readonly [number, number, number]): [number, number, number] {
  const sum = ratios[0] + ratios[1] + ratios[2];
  if (!(sum > 0)) throw new Error('split ratios must not all be 0');
  const exact = ratios.map((r) => (total * r) / sum);
  const counts = exact.map(Math.floor) as [number, number, number];
  let left = total - counts[0] - counts[1] - counts[2];
  const order = [0, 1, 2].sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    counts[i as 0 | 1 | 2] += 1;
    left -= 1;
  }
  return counts;
}

/**
 * Splits given a weight above 0 that `articles` whole articles leave empty (80/10/10 over 3
 * articles: dev and test). The export warns before writing one (docs/export.md, "Splits").
 */
export function emptySplits(articles: number, ratios: readonly [number, number, number]): SplitName[] {
  const counts = splitCounts(articles, ratios);
  return SPLIT_NAMES.filter((_, i) => ratios[i]! > 0 && counts[i] === 0);
}

/** Assigns each article path to a split; independent of the order `paths` come in. */
export function assignSplits(paths: Iterable<string>, ratios: readonly [number, number, number], seed: number): Map<string, SplitName> {
  const ranked = [...new Set(paths)]
    .map((path) => ({ path, rank: seededHash(path, seed) }))
    .sort((a, b) => a.rank - b.rank || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const [train, dev] = splitCounts(ranked.length, ratios);
  const result = new Map<string, SplitName>();
  ranked.forEach(({ path }, i) => result.set(path, i < train ? 'train' : i < train + dev ? 'dev' : 'test'));
  return result;
}

/** "80,10,10" or "80/10/10" → [80, 10, 10]; throws a message naming what is wrong. */
export function parseRatios(text: string): [number, number, number] {
  const parts = text.split(/[,/:]/).map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 3 || numbers.some((n, i) => parts[i] === '' || !Number.isFinite(n) || n < 0)) {
    throw new Error(`--split wants three non-negative numbers for train,dev,test such as 80,10,10; got "${text}"`);
  }
  if (numbers[0]! + numbers[1]! + numbers[2]! <= 0) throw new Error(`--split ratios must not all be 0; got "${text}"`);
  return numbers as [number, number, number];
}
