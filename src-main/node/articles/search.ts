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

interface Keys {
  title: { key: string; compact: string };
  paragraphs: { key: string; compact: string }[];
}

const keyCache = new WeakMap<LoadedArticle, Keys>();
const SNIPPET = 160;

function keysOf(article: LoadedArticle): Keys {
  let keys = keyCache.get(article);
  if (!keys) {
    const both = (text: string) => {
      const key = searchKey(text);
      return { key, compact: key.replace(/ /g, '') };
    };
    keys = { title: both(article.title), paragraphs: article.paragraphs.map((p) => both(p.text)) };
    keyCache.set(article, keys);
  }
  return keys;
}

/** Computes an article's keys now (idle time after opening), so a search need not. */
export function prepareSearchKeys(article: LoadedArticle): void {
  keysOf(article);
}

/** The rule of core searchMatches, on keys computed once. */
function matches(keys: { key: string; compact: string }, needle: string, compactNeedle: string): boolean {
  return keys.key.includes(needle) || keys.compact.includes(compactNeedle);
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
    const titleIsFirst = article.paragraphs[0]?.text.startsWith(article.title) && matches(keys.paragraphs[0]!, needle, compactNeedle);
    if (!titleIsFirst && matches(keys.title, needle, compactNeedle)) hits.push({ ...base, where: 'title', text: article.title });
    keys.paragraphs.forEach((k, i) => {
      if (!matches(k, needle, compactNeedle)) return;
      const p = article.paragraphs[i]!;
      hits.push({ ...base, where: 'paragraph', paragraphId: p.id, index: p.index, text: snippet(p.text, query) });
    });
    if (hits.length > limit) {
      truncated = true;
      break;
    }
  }
  return { query, hits: hits.slice(0, limit), truncated: truncated || hits.length > limit, articles };
}
