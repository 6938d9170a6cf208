/**
 * cyrb53: a fast, well-distributed 53-bit string hash (public domain, bryc). Core may not use
 * node:crypto, and paragraph/article ids only need stability and few collisions, not secrecy.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mixed(h1, h2);
}

/**
 * hash53 of `text.slice(start, end)` with every `skip` unit taken out, without building that
 * string: line keys hash a paragraph's key without its spaces, for every paragraph of a page.
 */
export function hash53Without(text: string, skip: number, start = 0, end = text.length): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === skip) continue;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mixed(h1, h2);
}

function mixed(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash as 11 base-36 characters, fixed width so ids sort and compare cleanly. */
export function hashId(text: string): string {
  return hash53(text).toString(36).padStart(11, '0');
}
