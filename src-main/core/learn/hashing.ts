/**
 * The hashing trick: every feature name is hashed into a fixed table of 2^18 slots, so the model
 * has a fixed size whatever the workspace's vocabulary, and no dictionary has to be kept or
 * shipped. Collisions cost a little accuracy; 2^18 slots keep them rare for one newsroom's text
 * (a few tens of thousands of distinct words and character grams).
 */

export const FEATURE_BITS = 18;
export const DIMENSION = 1 << FEATURE_BITS;
const MASK = DIMENSION - 1;

/** FNV-1a over UTF-16 code units, seeded by the feature's group, then an avalanche so low bits mix. */
export function hashFeature(group: number, text: string): number {
  return finish(fold(start(group), text, 0, text.length));
}

/** The hash of `text.slice(from, to)`, without making the substring (a character gram). */
export function hashSlice(group: number, text: string, from: number, to: number): number {
  return finish(fold(start(group), text, from, to));
}

/** The hash of `${a} ${b}`, without making the string (a word pair). */
export function hashPair(group: number, a: string, b: string): number {
  return pairTail(pairHead(group, a), b);
}

/**
 * A word pair's hash in two halves, so the first word's half can be kept with the word: the state
 * after `${a} ` (not a slot), then the slot once `b` is folded in. pairTail(pairHead(g, a), b) is
 * hashPair(g, a, b).
 */
export function pairHead(group: number, a: string): number {
  return Math.imul(fold(start(group), a, 0, a.length) ^ 0x20, 0x01000193);
}

export function pairTail(head: number, b: string): number {
  return finish(fold(head, b, 0, b.length));
}

function start(group: number): number {
  return (0x811c9dc5 ^ Math.imul(group + 1, 0x9e3779b1)) >>> 0;
}

function fold(hash: number, text: string, from: number, to: number): number {
  let h = hash;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function finish(hash: number): number {
  let h = hash;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) & MASK;
}
