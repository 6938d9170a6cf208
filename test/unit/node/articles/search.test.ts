/** Workspace search with the Persian-aware key, through the handler table. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { locateMatch } from '../../../../src-main/core/search-key';
import type { SearchResults } from '../../../../src-main/shared/article-source';
import { snippet } from '../../../../src-main/node/articles/search';
import { articleIdFor } from '../../../../src-main/node/workspace/article-id';
import { tempDir } from '../temp';
import { startApp } from './app';

describe('search across the workspace', () => {
  it('finds «رئیس جمهور کشور ۱۲۳» from «رئيس‌جمهور كشور ١٢٣», in a legacy file and in a title, with the paragraph to jump to', async () => {
    const ws = join(await tempDir('search'), 'ws');
    await mkdir(join(ws, 'fa'), { recursive: true });
    await writeFile(join(ws, 'fa', 'one.txt'), 'خبر اول\nسفر رئیس جمهور کشور ۱۲۳ روز طول کشید.\nپایان');
    await writeFile(join(ws, 'fa', 'legacy.txt'), iconv.encode('تيتر قديمي\nديدار رئيس‌جمهور كشور 123 با مردم\n', 'windows-1256'));
    await writeFile(join(ws, 'fa', 'title.md'), '# رئیس‌جمهور کشور ۱۲۳ در سفر\n\nمتن دیگری.\n');
    await writeFile(join(ws, 'en.txt'), 'Nothing to see here.\n');
    await writeFile(join(ws, 'broken.txt'), Buffer.from([0, 1, 2, 0, 0, 3]));
    const app = await startApp(ws);
    const results = await app.call<SearchResults>('search.query', { query: 'رئيس‌جمهور كشور ١٢٣' });
    expect(results.articles).toBe(4);
    expect(results.hits.map((h) => [h.path, h.where, h.index])).toEqual([
      ['fa/legacy.txt', 'paragraph', 1],
      ['fa/one.txt', 'paragraph', 1],
      ['fa/title.md', 'paragraph', 0],
    ]);
    expect(results.hits[1]).toMatchObject({ articleId: articleIdFor('fa/one.txt'), paragraphId: expect.stringMatching(/^p/), text: 'سفر رئیس جمهور کشور ۱۲۳ روز طول کشید.' });
    expect((await app.call<SearchResults>('search.query', { query: '  ' })).hits).toEqual([]);
    const limited = await app.call<SearchResults>('search.query', { query: 'ر', limit: 2 });
    expect(limited).toMatchObject({ truncated: true, hits: [expect.anything(), expect.anything()] });
    app.close();
  });

  it('finds a match at either end of a paragraph once, and never one made of two paragraphs side by side', async () => {
    const ws = join(await tempDir('search'), 'ws');
    await mkdir(ws, { recursive: true });
    // Paragraphs: 0 ends with «کتاب», 1 starts with «خانه», so «کتاب خانه» / «کتابخانه» would
    // only match across the break; 2 holds «کتابخانه» twice; 3 starts with «کتاب‌خانه» (ZWNJ).
    await writeFile(join(ws, 'a.txt'), 'سرآغاز کتاب\nخانه در انتها\nکتابخانه و کتابخانه\nکتاب‌خانه اینجاست\nپایان بی‌ربط\n');
    const app = await startApp(ws);
    const found = await app.call<SearchResults>('search.query', { query: 'کتابخانه' });
    expect(found.hits.map((h) => [h.where, h.index])).toEqual([
      ['paragraph', 2],
      ['paragraph', 3],
    ]);
    const last = await app.call<SearchResults>('search.query', { query: 'بی ربط' });
    expect(last.hits.map((h) => h.index)).toEqual([4]);
    const first = await app.call<SearchResults>('search.query', { query: 'سرآغاز' });
    expect(first.hits.map((h) => [h.where, h.index])).toEqual([['paragraph', 0]]);
    app.close();
  });

  it('finds a title that is not a paragraph (an HTML <title>)', async () => {
    const ws = join(await tempDir('search'), 'ws');
    await mkdir(ws, { recursive: true });
    await writeFile(join(ws, 'page.html'), '<title>گزارش ويژه</title><p>متن صفحه</p>');
    const app = await startApp(ws);
    const { hits } = await app.call<SearchResults>('search.query', { query: 'گزارش ویژه' });
    expect(hits).toEqual([expect.objectContaining({ where: 'title', path: 'page.html', text: 'گزارش ويژه' })]);
    app.close();
  });
});

describe('where a match is, for the result snippet', () => {
  it('locates a folded match in the original text', () => {
    const text = 'در این خبر: دیدار رئيس‌جمهور كشور ١٢٣ با مردم';
    const at = locateMatch(text, 'رئیس جمهور کشور ۱۲۳');
    expect(at && text.slice(at.start, at.end)).toBe('رئيس‌جمهور كشور ١٢٣');
    expect(locateMatch(text, 'غایب')).toBeNull();
  });

  it('shows the part of a long paragraph around the match', () => {
    const long = `${'مقدمه‌ای طولانی '.repeat(30)}و سرانجام واژه‌ی کلیدی اینجاست ${'و ادامه '.repeat(30)}`;
    const cut = snippet(long, 'واژهی کلیدی');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut).toContain('واژه‌ی کلیدی');
    expect(cut.length).toBeLessThanOrEqual(162);
  });
});
