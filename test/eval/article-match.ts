/**
 * Which of the paragraphs Pilcrow shows are the expected article's (eval:pages): a paragraph of
 * four words or more when its words run in the article, or 80% of its shingles are the
 * article's; a shorter line when the article has it as a paragraph at the same place. The place
 * matters for short lines: "Auckland" in a navigation box after the article, or "Introduction"
 * in a table of contents before it, is not the article's "Auckland" or "Introduction". So each
 * of the article's short paragraphs is taken once: first by a short line of its words that lies
 * between where the long paragraphs shown around it were found in the article, then by the
 * first such line left, in order.
 */
import { shingles, words } from './shingles';

const SEP = ' ';
const tokenLine = (text: string) => words(text).join(SEP);
const SHORT = 4;

export function articleParagraphs(shown: readonly string[], expectedParagraphs: readonly string[], expectedText: string): boolean[] {
  const expected = expectedParagraphs.map(tokenLine).filter(Boolean);
  const expectedLine = expected.join(SEP);
  const expectedShingles = shingles(words(expectedText));
  // Where each of the article's short paragraphs starts in expectedLine, by its words.
  const shortAt = new Map<string, number[]>();
  let offset = 0;
  for (const e of expected) {
    if (e.split(SEP).length < SHORT) shortAt.set(e, [...(shortAt.get(e) ?? []), offset]);
    offset += e.length + SEP.length;
  }
  const isArticle: boolean[] = new Array(shown.length).fill(false);
  // Where each long paragraph found in the article starts there (-1: found by its shingles only, or not found).
  const at: number[] = new Array(shown.length).fill(-1);
  shown.forEach((text, i) => {
    const tokens = words(text);
    if (tokens.length < SHORT) return;
    const line = tokens.join(SEP);
    const found = expectedLine.indexOf(line);
    if (found >= 0) {
      isArticle[i] = true;
      at[i] = found;
      return;
    }
    let shared = 0;
    let all = 0;
    for (const [key, n] of shingles(tokens)) {
      all += n;
      shared += Math.min(n, expectedShingles.get(key) ?? 0);
    }
    isArticle[i] = shared >= all * 0.8;
  });
  keepInOrder(at);
  // The article's place of the long paragraphs found nearest before and after each paragraph.
  const after: number[] = new Array(shown.length).fill(Infinity);
  for (let i = shown.length - 2; i >= 0; i--) after[i] = at[i + 1]! >= 0 ? at[i + 1]! : after[i + 1]!;
  // First each short line takes a paragraph of its words between its neighbours' places; then
  // those left take any left, in order (pages whose lines the reader moved: a kicker above the
  // headline).
  const shorts = shown.flatMap((text, i) => {
    const tokens = words(text);
    return tokens.length > 0 && tokens.length < SHORT ? [i] : [];
  });
  const take = (key: string, lo: number, hi: number) => {
    const slots = shortAt.get(key);
    const k = slots ? slots.findIndex((o) => o > lo && o < hi) : -1;
    if (k >= 0) slots!.splice(k, 1);
    return k >= 0;
  };
  const takeAll = (i: number, lo: number, hi: number) => {
    const text = shown[i]!;
    return take(tokenLine(text), lo, hi) || (text.includes('\n') && text.split('\n').every((l) => take(tokenLine(l), lo, hi)));
  };
  let before = -1;
  let s = 0;
  for (let i = 0; i < shown.length; i++) {
    if (shorts[s] === i) {
      isArticle[i] = takeAll(i, before, after[i]!);
      s++;
    }
    if (at[i]! >= 0) before = at[i]!;
  }
  for (const i of shorts) if (!isArticle[i]) isArticle[i] = takeAll(i, -1, Infinity);
  return isArticle;
}

/**
 * Keeps the places that run in the article's order (the longest increasing run of them) and
 * forgets the rest (-1): a line the page shows twice, or one the article also has elsewhere, is
 * the article's but says nothing of where the lines around it are.
 */
function keepInOrder(at: number[]): void {
  const found = at.flatMap((place, i) => (place >= 0 ? [i] : []));
  // Patience sorting: tails[k] is the paragraph ending the best run of length k + 1.
  const tails: number[] = [];
  const previous = new Map<number, number>();
  for (const i of found) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[tails[mid]!]! < at[i]!) lo = mid + 1;
      else hi = mid;
    }
    // Of two paragraphs found at the same place, the first is the one there.
    if (lo < tails.length && at[tails[lo]!] === at[i]) continue;
    if (lo > 0) previous.set(i, tails[lo - 1]!);
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i: number | undefined = tails[tails.length - 1]; i !== undefined; i = previous.get(i)) kept.add(i);
  for (const i of found) if (!kept.has(i)) at[i] = -1;
}
