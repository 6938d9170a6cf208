/**
 * Long articles open as a window (issue 8): `article.open` sends the paragraphs around where the
 * view opens with the total and this annotator's counts; `article.paragraphs` sends the rest from
 * the same reading, and says so when the file was read again meanwhile.
 */
import { englishText } from '../../../../src-main/shared/messages';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CHUNK } from '../../../../src-main/shared/contract/articles';
import type { AppState, ArticleView, ParagraphChunk, ParagraphView } from '../../../../src-main/shared/views';
import { WHOLE_UP_TO, WINDOW_SIZE } from '../../../../src-main/node/app/article-window';
import { sampleCopy } from '../temp';
import { openHandlerApp, type HandlerApp } from './handler-app';
import { english } from '../../../support/english';

const PATH = 'long-1000.txt';

function longText(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => (i % 2 ? `بند ${i} از گزارش بلند.` : `Paragraph ${i} of the long report.`)).join('\n\n') + '\n';
}

async function longApp(paragraphs = 1000): Promise<{ app: HandlerApp; articleId: string; workspace: string }> {
  const { workspace, userData } = await sampleCopy();
  await writeFile(join(workspace, PATH), longText(paragraphs));
  const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
  const state = await app.call<AppState>('app.init');
  const articleId = state.workspace!.articles.find((a) => a.path === PATH)!.id;
  return { app, articleId, workspace };
}

async function chunk(app: HandlerApp, articleId: string, reading: string, from: number, count: number): Promise<ParagraphChunk> {
  return app.call<ParagraphChunk>('article.paragraphs', { articleId, reading, from, count });
}

/** Every paragraph, through the chunks after the window (the window starts at the top here). */
async function allParagraphs(app: HandlerApp, view: ArticleView): Promise<ParagraphView[]> {
  const all = [...view.paragraphs];
  while (all.length < view.partial!.total) {
    const next = await chunk(app, view.id, view.partial!.reading, all.length, 400);
    if ('stale' in next) throw new Error(englishText(next.message));
    all.push(...next.paragraphs);
  }
  return all;
}

describe('opening a long article as a window', () => {
  it('sends a short article whole, opening at its first paragraph without a decision', async () => {
    const { app } = await longApp();
    const state = await app.call<AppState>('app.init');
    const short = state.workspace!.articles.find((a) => a.path === 'en/harbour-wind.txt')!;
    const opened = await app.call<ArticleView>('article.open', { articleId: short.id });
    expect(opened.partial).toBeUndefined();
    expect(opened.paragraphs.length).toBeLessThanOrEqual(WHOLE_UP_TO);
    expect(opened.paragraphs.map((p) => p.index)).toEqual(opened.paragraphs.map((_, i) => i));
    await app.call('labels.set', { articleId: short.id, paragraphId: opened.paragraphs[0]!.id, labels: ['quote'] });
    expect((await app.call<ArticleView>('article.open', { articleId: short.id })).focus).toBe(1);
  });

  it('sends the first window, the total and the counts, then the rest in order from the same reading', async () => {
    const { app, articleId } = await longApp();
    const opened = await app.call<ArticleView>('article.open', { articleId });
    expect(opened.focus).toBe(0);
    expect(opened.paragraphs.map((p) => p.index)).toEqual(Array.from({ length: WINDOW_SIZE }, (_, i) => i));
    expect(opened.partial).toMatchObject({ total: 1000, progress: { decided: 0, labelled: 0, flagged: 0, labelCounts: {} } });

    const rest = await chunk(app, articleId, opened.partial!.reading, WINDOW_SIZE, 400);
    if ('stale' in rest) throw new Error('stale');
    expect(rest.paragraphs.map((p) => p.index)).toEqual(Array.from({ length: 400 }, (_, i) => WINDOW_SIZE + i));
    // The last chunk stops at the end of the article.
    const last = await chunk(app, articleId, opened.partial!.reading, 700, 400);
    if ('stale' in last) throw new Error('stale');
    expect(last.paragraphs.map((p) => p.index)).toEqual(Array.from({ length: 300 }, (_, i) => 700 + i));
    expect(last.paragraphs.at(-1)!.text).toBe('بند 999 از گزارش بلند.');
  });

  it('opens where the editor left off, with decisions of the window and counts of the whole article', async () => {
    const { app, articleId } = await longApp();
    const all = await allParagraphs(app, await app.call<ArticleView>('article.open', { articleId }));
    // The first 700 decided: every third labelled, the others "none"; one late paragraph flagged.
    const changes = all.slice(0, 700).map((p) => ({ paragraphId: p.id, decision: { labels: p.index % 3 === 0 ? ['quote'] : [] } }));
    await app.call('labels.apply', { articleId, changes });
    await app.call('labels.remark', { articleId, paragraphId: all[990]!.id, flagged: true });

    const reopened = await app.call<ArticleView>('article.open', { articleId });
    expect(reopened.focus).toBe(700);
    expect(reopened.paragraphs[0]!.index).toBe(650);
    expect(reopened.paragraphs).toHaveLength(WINDOW_SIZE);
    expect(reopened.paragraphs.some((p) => p.index === 700)).toBe(true);
    expect(reopened.decisions[all[651]!.id]).toEqual({ labels: ['quote'] });
    expect(reopened.decisions[all[652]!.id]).toEqual({ labels: [] });
    expect(reopened.decisions[all[10]!.id]).toBeUndefined(); // not in the window
    expect(reopened.partial!.progress).toMatchObject({ decided: 700, labelled: 234, flagged: 1, labelCounts: { quote: 234 } });
    // Decisions of a chunk come with it.
    const early = await chunk(app, articleId, reopened.partial!.reading, 0, 10);
    if ('stale' in early) throw new Error('stale');
    expect(early.decisions[all[9]!.id]).toEqual({ labels: ['quote'] });
    const late = await chunk(app, articleId, reopened.partial!.reading, 950, 50);
    if ('stale' in late) throw new Error('stale');
    expect(late.decisions[all[990]!.id]).toEqual({ labels: [], undecided: true, flagged: true });
  });

  it('opens around a paragraph asked for, the window kept inside the article', async () => {
    const { app, articleId } = await longApp();
    const all = await allParagraphs(app, await app.call<ArticleView>('article.open', { articleId }));
    const around = await app.call<ArticleView>('article.open', { articleId, around: all[980]!.id });
    expect(around.focus).toBe(980);
    expect(around.paragraphs.map((p) => p.index)).toEqual(Array.from({ length: WINDOW_SIZE }, (_, i) => 1000 - WINDOW_SIZE + i));
    // A paragraph that is not in the article: where the editor left off.
    expect((await app.call<ArticleView>('article.open', { articleId, around: 'pzzzzzzzzzzz' })).focus).toBe(0);
  });

  it('says a chunk is stale once the file changed and was read again, and the new reading serves chunks', async () => {
    const { app, articleId, workspace } = await longApp();
    const opened = await app.call<ArticleView>('article.open', { articleId });
    const before = await chunk(app, articleId, opened.partial!.reading, WINDOW_SIZE, 100);
    expect('stale' in before).toBe(false);
    await appendFile(join(workspace, PATH), '\nA paragraph added by another program.\n');
    await app.session.workspace!.sync(); // what the folder watcher does when it sees the change
    const after = await chunk(app, articleId, opened.partial!.reading, WINDOW_SIZE, 100);
    expect(after).toEqual({ stale: true, message: { code: 'read-again', path: PATH } });
    expect(english((after as { message: unknown }).message)).toBe(`${PATH} was read again since it was opened (its file or how it is read changed).`);

    const again = await app.call<ArticleView>('article.open', { articleId });
    expect(again.partial!.total).toBe(1001);
    expect(again.partial!.reading).not.toBe(opened.partial!.reading);
    const tail = await chunk(app, articleId, again.partial!.reading, 1000, 10);
    if ('stale' in tail) throw new Error('stale');
    expect(tail.paragraphs.map((p) => p.text)).toEqual(['A paragraph added by another program.']);
  });

  it('refuses a chunk past the end or larger than allowed with a clear error', async () => {
    const { app, articleId } = await longApp();
    const { partial } = await app.call<ArticleView>('article.open', { articleId });
    const past = await app.raw('article.paragraphs', { articleId, reading: partial!.reading, from: 1000, count: 10 });
    expect(past).toEqual({ ok: false, error: { code: 'out-of-range', message: `${PATH} has 1000 paragraphs: there is no paragraph 1001 to send.`, detail: { code: 'out-of-range', path: PATH, total: 1000, paragraph: 1001 } } });
    const huge = await app.raw('article.paragraphs', { articleId, reading: partial!.reading, from: 0, count: MAX_CHUNK + 1 });
    expect(huge).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const forged = await app.raw('article.paragraphs', { articleId, reading: '../etc', from: 0, count: 10 });
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('not a reading token') } });
  });
});
