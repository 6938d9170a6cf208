/**
 * Changes to how the open article is read — split, merge, reset, encoding, segmentation,
 * direction, language — sent to main, shown at once, and put on the session's undo history
 * (Ctrl+Z takes a split back like any decision).
 */
import { i18n } from '../../i18n/i18n.svelte';
import type { ArticleChangeResult } from '../../../src-main/shared/views';
import type { RequestOf } from '../../../src-main/shared/ipc';
import { call } from '../../bridge/api';
import { messageOf } from '../../bridge/message-of';
import type { AppStore } from '../../state/app-store.svelte';

type Change = () => Promise<ArticleChangeResult>;

/** Opens the article again from `result` and puts focus on a paragraph index. */
async function show(store: AppStore, articleId: string, focusIndex: number | null): Promise<void> {
  await store.openArticle(articleId);
  const article = store.article;
  if (!article || article.view.id !== articleId || focusIndex === null) return;
  article.focusParagraph(Math.min(focusIndex, article.paragraphCount - 1));
}

/**
 * Runs a change, shows the article after it, and records it in the undo history. Redo runs the
 * change again (its request names paragraphs by id, which undo restored).
 */
async function change(store: AppStore, articleId: string, run: Change, focusIndex: number | null, said?: () => string): Promise<boolean> {
  let result: ArticleChangeResult;
  try {
    result = await run();
  } catch (error) {
    store.notice = { kind: 'error', text: messageOf(error) };
    return false;
  }
  await show(store, articleId, focusIndex);
  store.notice = { kind: 'info', text: said?.() ?? i18n.said(result.message) };
  let token = result.undo;
  if (!token) return true;
  store.history.record({
    kind: 'external',
    articleId,
    revert: async () => {
      if (!token) return;
      try {
        const undone = await call('article.undoEdit', { articleId, token });
        token = undefined;
        await show(store, articleId, focusIndex);
        store.notice = { kind: 'info', text: i18n.said(undone.message) };
      } catch (error) {
        store.notice = { kind: 'error', text: messageOf(error) };
      }
    },
    apply: async () => {
      try {
        const again = await run();
        token = again.undo;
        await show(store, articleId, focusIndex);
        store.notice = { kind: 'info', text: i18n.said(again.message) };
      } catch (error) {
        store.notice = { kind: 'error', text: messageOf(error) };
      }
    },
  });
  return true;
}

export function splitParagraph(store: AppStore, paragraphId: string, offset: number): Promise<boolean> {
  const article = store.article;
  if (!article) return Promise.resolve(false);
  const articleId = article.view.id;
  const index = article.paragraphs.findIndex((p) => p?.id === paragraphId);
  return change(store, articleId, () => call('article.split', { articleId, paragraphId, offset }), index + 1, () => i18n.m.articleTools.splitDone(index + 1));
}

/** Merges the paragraph with the next one. */
export function mergeWithNext(store: AppStore, paragraphId: string): Promise<boolean> {
  const article = store.article;
  if (!article) return Promise.resolve(false);
  const articleId = article.view.id;
  const index = article.paragraphs.findIndex((p) => p?.id === paragraphId);
  return change(store, articleId, () => call('article.merge', { articleId, paragraphId }), index, () => i18n.m.articleTools.mergeDone(index + 1));
}

export function resetEdits(store: AppStore): Promise<boolean> {
  const articleId = store.article?.view.id;
  if (!articleId) return Promise.resolve(false);
  return change(store, articleId, () => call('article.resetEdits', { articleId }), store.article?.cursor.focus ?? 0);
}

export interface ReadingChange {
  encoding?: string | null;
  segmentation?: string | null;
  direction?: 'rtl' | 'ltr' | null;
  lang?: string | null;
}

export function configure(store: AppStore, reading: ReadingChange): Promise<boolean> {
  const articleId = store.article?.view.id;
  if (!articleId) return Promise.resolve(false);
  // The select and input values are checked again by the contract in main.
  const request = { articleId, ...reading } as RequestOf<'article.configure'>;
  return change(store, articleId, () => call('article.configure', request), store.article?.cursor.focus ?? 0);
}

export async function reattachOrphan(store: AppStore, orphan: number, paragraphId: string): Promise<void> {
  const articleId = store.article?.view.id;
  if (!articleId) return;
  const index = store.article?.paragraphs.findIndex((p) => p?.id === paragraphId) ?? 0;
  try {
    const result = await call('article.reattachOrphan', { articleId, orphan, paragraphId });
    await show(store, articleId, index);
    store.notice = { kind: 'info', text: i18n.said(result.message) };
  } catch (error) {
    store.notice = { kind: 'error', text: messageOf(error) };
  }
}

/**
 * Where the caret (or a click) is inside a paragraph's text, as a UTF-16 offset into it; null
 * when it is not inside that paragraph's text.
 */
export function offsetInParagraph(textElement: Element, node: Node | null, offset: number): number | null {
  if (!node || !textElement.contains(node)) return null;
  const range = document.createRange();
  range.selectNodeContents(textElement);
  range.setEnd(node, offset);
  return range.toString().length;
}
