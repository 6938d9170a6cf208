/**
 * Fetches the rest of a long article after its first screenful painted (docs/architecture.md): the paragraphs
 * after the window first (the editor reads on from where the view opened), then those before it,
 * in order, CHUNK at a time. Stops as soon as the article is no longer the open one; a reply
 * saying the article was read again (its file changed) hands over to `onStale`, which opens it
 * anew: chunks of two readings are never mixed.
 */
import type { MainMessage } from '../../src-main/shared/messages';
import { call } from '../bridge/api';
import type { ArticleState } from './article-state.svelte';

/** Paragraphs per `article.paragraphs` request: a few thousand, ~0.5 MB of Persian text. */
export const CHUNK = 2000;

export interface LoadingContext {
  /** False once the editor left the article (or it was replaced): fetching stops. */
  isOpen: () => boolean;
  onStale: (message: MainMessage) => void;
}

export async function fetchRest(article: ArticleState, ctx: LoadingContext): Promise<void> {
  const reading = article.reading;
  if (reading === null || article.complete) return;
  await afterPaint();
  for (const { from, count } of missingRanges(article.paragraphs, CHUNK)) {
    if (!ctx.isOpen()) return;
    const chunk = await call('article.paragraphs', { articleId: article.view.id, reading, from, count });
    if (!ctx.isOpen()) return;
    if ('stale' in chunk) return ctx.onStale(chunk.message);
    article.receive(chunk.paragraphs, chunk.decisions);
  }
}

/**
 * The runs of missing slots, at most `size` long: those after the last arrived paragraph first,
 * then the rest from the top.
 */
export function missingRanges(slots: readonly unknown[], size: number): { from: number; count: number }[] {
  const runs: { from: number; count: number }[] = [];
  for (let i = 0; i < slots.length; ) {
    if (slots[i] !== undefined) {
      i++;
      continue;
    }
    const from = i;
    while (i < slots.length && slots[i] === undefined && i - from < size) i++;
    runs.push({ from, count: i - from });
  }
  let lastArrived = slots.length - 1;
  while (lastArrived >= 0 && slots[lastArrived] === undefined) lastArrived--;
  return [...runs.filter((r) => r.from > lastArrived), ...runs.filter((r) => r.from < lastArrived)];
}

/** Resolves after the next frame was painted, so fetching never delays the first screenful. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
