/**
 * Search across the workspace's titles and paragraphs with the Persian-aware key
 * (core/search-key.ts): «رئيس‌جمهور كشور ١٢٣» finds «رئیس جمهور کشور ۱۲۳». Keys are computed
 * once per article reading and reused until the file changes; the list's background reading
 * (app/list-counts.ts) computes them after opening, so the first search finds them ready.
 */
import { compactKey, locateMatch, searchKey } from '../../core/search-key';
import type { SearchHit, SearchResults } from '../../shared/article-source';
import type { LoadedArticle } from '../workspace/read-article';
import type { Workspace } from '../workspace/workspace';

interface Key {
  key: string;
  compact: string;
}

/**
 * Every paragraph's key of one article joined by a line break (a key never holds one: searchKey
 * folds all white space to single spaces), with where each paragraph starts. One long string an
 * article instead of two short ones a paragraph: a scan is a few `indexOf` calls per article,
 * and 300,000 paragraphs leave ~20,000 strings for the collector to walk, not ~650,000.
 */
interface Joined {
  text: string;
  starts: Int32Array;
}

interface Keys {
  title: Key;
  key: Joined;
  compact: Joined;
}

const keyCache = new WeakMap<LoadedArticle, Keys>();
const SNIPPET = 160;

function joined(parts: readonly string[]): Joined {
  const starts = new Int32Array(parts.length);
  let at = 0;
  parts.forEach((part, i) => {
    starts[i] = at;
    at += part.length + 1;
  });
  return { text: parts.join('\n'), starts };
}

function keysOf(article: LoadedArticle): Keys {
  let keys = keyCache.get(article);
  if (!keys) {
    const paragraphKeys = article.paragraphs.map((p) => searchKey(p.text));
    const titleKey = searchKey(article.title);
    keys = {
      title: { key: titleKey, compact: titleKey.replace(/ /g, '') },
      key: joined(paragraphKeys),
      compact: joined(paragraphKeys.map((k) => k.replace(/ /g, ''))),
    };
    keyCache.set(article, keys);
  }
  return keys;
}

/** Computes an article's keys now (idle time after opening), so a search need not. */
export function prepareSearchKeys(article: LoadedArticle): void {
  keysOf(article);
}

/** The rule of core searchMatches, on keys computed once. */
function matches(keys: Key, needle: string, compactNeedle: string): boolean {
  return keys.key.includes(needle) || keys.compact.includes(compactNeedle);
}

/** The paragraph holding offset `at` of a joined text: the last start at or before it. */
function paragraphAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Adds to `found` the index of every paragraph whose key in `joined` holds `needle` (never a line break). */
function collect(joined: Joined, needle: string, found: Set<number>): void {
  let at = joined.text.indexOf(needle);
  while (at !== -1) {
    const i = paragraphAt(joined.starts, at);
    found.add(i);
    // The rest of this paragraph cannot add it twice: look from the next one on.
    at = i + 1 < joined.starts.length ? joined.text.indexOf(needle, joined.starts[i + 1]) : -1;
  }
}

/** The paragraphs (in order) matching by key or else by compact key, as searchMatches rules. */
function matchingParagraphs(keys: Keys, needle: string, compactNeedle: string): number[] {
  const found = new Set<number>();
  collect(keys.key, needle, found);
  collect(keys.compact, compactNeedle, found);
  return [...found].sort((a, b) => a - b);
}

/** The part of a long text around the match, so the result shows why it matched. */
export function snippet(text: string, query: string): string {
  if (text.length <= SNIPPET) return text;
  const at = locateMatch(text, query);
  const start = Math.max(0, Math.min((at?.start ?? 0) - SNIPPET / 3, text.length - SNIPPET));
  const cut = text.slice(start, start + SNIPPET).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET < text.length ? '…' : ''}`;
}

export async function searchWorkspace(workspace: Workspace, query: string, limit = 100): Promise<SearchResults> {
  const needle = searchKey(query);
  const compactNeedle = compactKey(query);
  const hits: SearchHit[] = [];
  let articles = 0;
  let truncated = false;
  if (needle === '') return { query, hits, truncated, articles };
  for (const entry of await workspace.entries()) {
    if (!entry.ok) continue;
    articles += 1;
    const { article } = entry;
    const keys = keysOf(article);
    const base = { articleId: article.id, path: article.path, title: article.title };
    // A title taken from the first paragraph would be listed twice; the paragraph hit is enough.
    const found = matchingParagraphs(keys, needle, compactNeedle);
    const titleIsFirst = found[0] === 0 && article.paragraphs[0]?.text.startsWith(article.title);
    if (!titleIsFirst && matches(keys.title, needle, compactNeedle)) hits.push({ ...base, where: 'title', text: article.title });
    for (const i of found) {
      if (hits.length > limit) break; // enough to say "truncated"; no snippets beyond it
      const p = article.paragraphs[i]!;
      hits.push({ ...base, where: 'paragraph', paragraphId: p.id, index: p.index, text: snippet(p.text, query) });
    }
    if (hits.length > limit) {
      truncated = true;
      break;
    }
  }
  return { query, hits: hits.slice(0, limit), truncated: truncated || hits.length > limit, articles };
}
