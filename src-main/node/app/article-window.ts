/**
 * Long articles open with their first screenful first (docs/architecture.md, "How the processes talk"): `article.open` answers with a
 * window of paragraphs around where the view opens, the total and this annotator's counts; the
 * renderer fetches the rest with `article.paragraphs`, in chunks, after its first paint. Moving
 * a 10,000-paragraph article across the IPC took seconds; a window takes what a short article does.
 * The chunks come from the reading the window came from (the workspace's cached LoadedArticle):
 * when the file or its settings changed, the article was read again and chunks are refused as
 * stale, so the renderer never mixes two readings.
 */
import type { ArticleView, ParagraphChunk } from '../../shared/views';
import { progressOf } from '../annotations/decision-ops';
import type { AnnotationFile } from '../annotations/schema';
import type { LoadedArticle } from '../workspace/read-article';
import { PilcrowError } from './errors';
import { articleView, firstUndecided, paragraphsView } from './views';

/** Paragraphs in a window: more than the tallest screen shows, with room for a few PgDn. */
export const WINDOW_SIZE = 300;
/** Articles up to this long come whole: a window would save little, and most articles are short. */
export const WHOLE_UP_TO = 2 * WINDOW_SIZE;
/** Paragraphs above the focus in its window, so the rows just read stay visible. */
const ABOVE_FOCUS = 50;

// One token per reading (the workspace caches one LoadedArticle per article until it is read again).
const readings = new WeakMap<LoadedArticle, string>();
let issued = 0;

/** The token that names this reading of the article. */
export function readingOf(article: LoadedArticle): string {
  let token = readings.get(article);
  if (!token) {
    token = `r${(++issued).toString(36)}`;
    readings.set(article, token);
  }
  return token;
}

/** The article as `article.open` answers: whole when short, else a window around the focus. */
export function openedView(article: LoadedArticle, layer: AnnotationFile, around?: string): ArticleView {
  const asked = around === undefined ? -1 : article.paragraphs.findIndex((p) => p.id === around);
  const focus = asked >= 0 ? asked : firstUndecided(article, layer);
  const total = article.paragraphs.length;
  if (total <= WHOLE_UP_TO) return articleView(article, layer, focus);
  const from = Math.max(0, Math.min(focus - ABOVE_FOCUS, total - WINDOW_SIZE));
  const partial = { total, reading: readingOf(article), progress: progressOf(article.paragraphs, layer) };
  return articleView(article, layer, focus, { from, to: from + WINDOW_SIZE, partial });
}

/** `count` paragraphs from `from` (fewer at the end) of the reading named `reading`. */
export function chunkOf(article: LoadedArticle, layer: AnnotationFile, reading: string, from: number, count: number): ParagraphChunk {
  if (readingOf(article) !== reading) return { stale: true, message: { code: 'read-again', path: article.path } };
  const total = article.paragraphs.length;
  if (from >= total) throw new PilcrowError('out-of-range', { code: 'out-of-range', path: article.path, total, paragraph: from + 1 });
  return paragraphsView(article, layer, from, Math.min(total, from + count));
}
