/**
 * Which of the paragraphs Pilcrow shows are the expected article's (eval:pages): a paragraph of
 * four words or more when its words run in the article, or 80% of its shingles are the
 * article's; a shorter line when the article has it as a paragraph at the same place. The place
 * matters for short lines: "Auckland" in a navigation box after the article, or "Introduction"
 * in a table of contents before it, is not the article's "Auckland" or "Introduction". So each
 * of the article's short paragraphs is taken once: first by a short line of its words that lies
 * between where the long paragraphs shown around it were found in the article, then by the
 * first such line left, in order. A long line's words, too, are the article's once: a second
 * line showing them is a copy (placeCopies).
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
  // Where each long paragraph found in the article starts there (-1: found by its shingles only,
  // not found, or not yet placed: its words run in the article more than once, or the page
  // shows them more than once), and every place its words run in the article.
  const at: number[] = new Array(shown.length).fill(-1);
  const runs: number[][] = shown.map(() => []);
  const copies = new Map<string, number>();
  for (const text of shown) copies.set(tokenLine(text), (copies.get(tokenLine(text)) ?? 0) + 1);
  shown.forEach((text, i) => {
    const tokens = words(text);
    if (tokens.length < SHORT) return;
    const line = tokens.join(SEP);
    for (let o = expectedLine.indexOf(line); o >= 0; o = expectedLine.indexOf(line, o + 1)) runs[i]!.push(o);
    if (runs[i]!.length > 0) {
      isArticle[i] = true;
      if (runs[i]!.length === 1 && copies.get(line) === 1) at[i] = runs[i]![0]!;
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
  keepInOrder(at, shown.map((text) => tokenLine(text).length));
  placeCopies(shown, runs, at, isArticle);
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
 * Places the long lines not placed yet (their words run in the article more than once, the page
 * shows them more than once, or they are out of the article's order). Each takes a place of its
 * words that no placed line covers, between the places of the placed lines around it: the line
 * nearest those lines first, as the article's own copy stands with the article's lines, and the
 * longer of two as near. Those left then take a place no line placed in order has any of (a
 * kicker moved above the headline). A line left with none is a copy, not the article's: a page
 * that shows the article's words twice ("The Book of Mozilla" in the article's "See also" list
 * and again in a navigation box after it; a heading and again in a table of contents before it;
 * the story's first paragraphs and again in a teaser above it) shows the article once. So is a
 * line placed inside a longer line's place (a pull quote, a breadcrumb cut short).
 */
function placeCopies(shown: readonly string[], runs: readonly number[][], at: number[], isArticle: boolean[]): void {
  const n = shown.length;
  const length = shown.map((text) => tokenLine(text).length);
  const covered: [number, number][] = [];
  at.forEach((place, i) => {
    if (place >= 0) covered.push([place, place + length[i]!]);
  });
  // A place is free when no line placed covers it (between neighbours) or any of it (elsewhere:
  // a teaser before the story that runs on from its first paragraph into its second).
  const take = (i: number, lo: number, hi: number, inOrder: boolean) => {
    const end = (o: number) => o + length[i]!;
    const taken = inOrder ? (o: number) => covered.some(([a, b]) => o >= a && end(o) <= b) : (o: number) => covered.some(([a, b]) => o < b && end(o) > a);
    const place = runs[i]!.find((o) => o > lo && o < hi && !taken(o));
    if (place !== undefined) covered.push([place, end(place)]);
    return place;
  };
  // The placed lines nearest before and after each line.
  const previous: number[] = new Array(n).fill(-1);
  const following: number[] = new Array(n).fill(n);
  for (let i = 1; i < n; i++) previous[i] = at[i - 1]! >= 0 ? i - 1 : previous[i - 1]!;
  for (let i = n - 2; i >= 0; i--) following[i] = at[i + 1]! >= 0 ? i + 1 : following[i + 1]!;
  const distance = (i: number) => Math.min(previous[i]! >= 0 ? i - previous[i]! : Infinity, following[i]! < n ? following[i]! - i : Infinity);
  const open = shown.flatMap((_, i) => (runs[i]!.length > 0 && at[i]! < 0 ? [i] : [])).sort((a, b) => (distance(a) === distance(b) ? length[b]! - length[a]! || a - b : distance(a) - distance(b)));
  const left: number[] = [];
  for (const i of open) {
    const place = take(i, previous[i]! >= 0 ? at[previous[i]!]! : -1, following[i]! < n ? at[following[i]!]! : Infinity, true);
    if (place === undefined) left.push(i);
    else at[i] = place;
  }
  // Those left are the article's out of its order (a kicker moved above the headline) where
  // nothing shown in order has any of their words; their places say nothing of where the lines
  // around them are.
  for (const i of left.sort((a, b) => a - b)) isArticle[i] = take(i, -1, Infinity, false) !== undefined;
  // A line placed inside a longer line's place is a copy of a part of it.
  const placed = shown.flatMap((_, i) => (at[i]! >= 0 ? [i] : [])).sort((a, b) => at[a]! - at[b]! || length[b]! - length[a]!);
  let reach = -1;
  for (const i of placed) {
    const end = at[i]! + length[i]!;
    if (end > reach) reach = end;
    else {
      isArticle[i] = false;
      at[i] = -1;
    }
  }
}

/**
 * Keeps the places that run in the article's order (the longest increasing run of them) and
 * forgets the rest (-1): a line the page shows twice, or one the article also has elsewhere, is
 * the article's but says nothing of where the lines around it are.
 */
function keepInOrder(at: number[], length: readonly number[]): void {
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
    // Of two paragraphs found at the same place, the longer is the one there (the other is a
    // part of it shown again); of two as long, the first.
    if (lo < tails.length && at[tails[lo]!] === at[i] && length[tails[lo]!]! >= length[i]!) continue;
    if (lo > 0) previous.set(i, tails[lo - 1]!);
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i: number | undefined = tails[tails.length - 1]; i !== undefined; i = previous.get(i)) kept.add(i);
  for (const i of found) if (!kept.has(i)) at[i] = -1;
}
