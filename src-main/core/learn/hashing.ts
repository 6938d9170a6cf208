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
  let h = (0x811c9dc5 ^ Math.imul(group + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) & MASK;
}
