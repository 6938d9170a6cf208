/**
 * A saved page through the real handler table: the article view says where the main text starts
 * and how many hidden lines were left out (as data, for the header in the UI language), and
 * `suggest.article` offers the page around the story as ordinary boilerplate/ad suggestions.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleSuggestionsView } from '../../../../src-main/shared/contract/suggest';
import { tempDir } from '../temp';
import { startApp } from './app';

const PAGES = join(import.meta.dirname, '../../../fixtures/pages');
const ARTICLES = join(import.meta.dirname, '../../../fixtures/articles');

async function workspaceWith(files: Record<string, string>): Promise<string> {
  const ws = join(await tempDir('pages'), 'ws');
  await mkdir(ws, { recursive: true });
  for (const [name, from] of Object.entries(files)) await copyFile(from, join(ws, name));
  return ws;
}

describe('a saved page in the app', () => {
  it('opens with the main text\'s first paragraph, the hidden lines counted, and the page around the story suggested', async () => {
    const ws = await workspaceWith({ 'news.html': join(PAGES, 'news-page.html'), 'hidden.html': join(PAGES, 'hidden.html') });
    const app = await startApp(ws);
    const news = await app.open('news.html');
    expect(news.mainStart).toBe(7);
    expect(news.paragraphs[7]!.text).toBe('Ferry returns to the harbour after repairs');
    expect(news.source?.notes).toEqual([]);
    const suggested = await app.call<ArticleSuggestionsView>('suggest.article', { articleId: news.id });
    const nav = suggested.paragraphs[news.paragraphs[1]!.id]!;
    expect(nav).toContainEqual(expect.objectContaining({ label: 'boilerplate', suggester: 'page-structure', score: 0.95, reason: expect.objectContaining({ code: 'page-outside', place: 'before', region: 'nav' }) }));
    expect(suggested.paragraphs[news.paragraphs[9]!.id]?.some((s) => s.suggester === 'page-structure')).toBeFalsy();

    const hidden = await app.open('hidden.html');
    expect(hidden.source?.notes).toEqual([{ code: 'hidden-lines', count: 8 }]);
    // Said once, as data: not again among the English warnings.
    expect(hidden.warnings.some((w) => w.includes('hidden lines'))).toBe(false);
    app.close();
  });

  it('says in the view when a plain text was read as hard-wrapped', async () => {
    const ws = await workspaceWith({ 'wrapped.txt': join(ARTICLES, 'hard-wrapped-72.txt'), 'brief.txt': join(ARTICLES, 'brief-fa.txt') });
    const app = await startApp(ws);
    const wrapped = await app.open('wrapped.txt');
    expect(wrapped.source?.notes).toEqual([{ code: 'hard-wrapped' }]);
    expect(wrapped.mainStart).toBeUndefined();
    const brief = await app.open('brief.txt');
    expect([brief.paragraphs.length, brief.source?.notes]).toEqual([4, []]);
    app.close();
  });
});
