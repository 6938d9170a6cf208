/**
 * How many articles of the workspace carry each line. Lines are compared by their compact key
 * (core/search-key.ts): Persian-aware, and blind to spaces and ZWNJ, because one site's scraper
 * writes «پربیننده‌ترین» where another writes «پربینندهترین». Keys are kept as 53-bit hashes so a
 * 10k-article workspace costs a few megabytes; articles can be replaced one at a time when a
 * file changes.
 */
import { hash53Without } from '../hash';
import { searchKey } from '../search-key';

/** The key two lines share when an editor would call them the same line, from their search key. */
export function lineKeyOf(key: string): number {
  // The key without its spaces, trimmed to its first and last letter or digit (a space is neither): hashed in place.
  let start = 0;
  let end = key.length;
  while (start < end && !isWordChar(key.charCodeAt(start))) start++;
  while (end > start && !isWordChar(key.charCodeAt(end - 1))) end--;
  return hash53Without(key, SPACE, start, end);
}

const SPACE = 0x20;

/** Letters and digits of the scripts news comes in; punctuation and symbols around a line are not part of it. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x600 && code <= 0x6ff) return !PUNCTUATION_0600.has(code);
  return code > 0xbf && !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0x3000 && code <= 0x303f) && !(code >= 0xfe30 && code <= 0xfe4f);
}

/** Arabic-script punctuation and signs: ، ؛ ؟ ٪ ٫ ٬ ٭ ۔ and the like. */
const PUNCTUATION_0600 = new Set([0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x606, 0x607, 0x608, 0x609, 0x60a, 0x60b, 0x60c, 0x60d, 0x60e, 0x60f, 0x61b, 0x61e, 0x61f, 0x66a, 0x66b, 0x66c, 0x66d, 0x6d4, 0x6dd, 0x6de, 0x6e9]);

export function lineKey(text: string): number {
  return lineKeyOf(searchKey(text));
}

/**
 * A line "recurs" when it is in at least 3 articles, or in 20% of them when the workspace is so
 * small that 20% is fewer than 3, but never fewer than 2: one article is not a repeat.
 */
export function recurrenceThreshold(articles: number): number {
  return Math.min(3, Math.max(2, Math.ceil(articles * 0.2)));
}

/** What the suggesters read of an index: how many articles, and in how many of them a line is. */
export interface LineCounts {
  readonly articles: number;
  count(key: number): number;
}

/** One article's lines' counts, as plain data a worker thread can be sent (RepetitionIndex.sliceFor). */
export interface LineCountsData {
  articles: number;
  counts: [key: number, articles: number][];
}

export function lineCountsOf(data: LineCountsData): LineCounts {
  const counts = new Map(data.counts);
  return { articles: data.articles, count: (key) => counts.get(key) ?? 0 };
}

export class RepetitionIndex implements LineCounts {
  private readonly counts = new Map<number, number>();
  private readonly byArticle = new Map<string, number[]>();

  get articles(): number {
    return this.byArticle.size;
  }

  /** Adds (or replaces) one article's lines, given by lineKey; an article counts each line once. */
  set(article: string, lineKeys: readonly number[]): void {
    this.remove(article);
    const keys = [...new Set(lineKeys)];
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    this.byArticle.set(article, keys);
  }

  remove(article: string): void {
    const keys = this.byArticle.get(article);
    if (!keys) return;
    for (const k of keys) {
      const n = (this.counts.get(k) ?? 0) - 1;
      if (n > 0) this.counts.set(k, n);
      else this.counts.delete(k);
    }
    this.byArticle.delete(article);
  }

  has(article: string): boolean {
    return this.byArticle.has(article);
  }

  /** Articles other than these that are indexed, for dropping the ones that left the workspace. */
  others(keep: ReadonlySet<string>): string[] {
    return [...this.byArticle.keys()].filter((a) => !keep.has(a));
  }

  /** The counts an article's own lines need, for suggesting it elsewhere (a worker thread). */
  sliceFor(article: string): LineCountsData {
    return { articles: this.articles, counts: (this.byArticle.get(article) ?? []).map((k) => [k, this.count(k)]) };
  }

  /** In how many articles the line (by lineKey) occurs. */
  count(key: number): number {
    return this.counts.get(key) ?? 0;
  }
}
