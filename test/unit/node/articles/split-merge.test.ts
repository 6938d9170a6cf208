/**
 * Splits, merges, segmentation and encoding overrides through the real handler table: labels
 * follow the paragraphs, the change is saved for the team and survives a restart, and undo
 * takes it back exactly.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ArticleChangeResult } from '../../../../src-main/shared/views';
import type { ArticleView, SaveResult } from '../../../../src-main/shared/views';
import { tempDir } from '../temp';
import { startApp } from './app';

const STORY = ['تیتر: باران در شمال', 'جمله‌ی اول خبر است. جمله‌ی دوم خبر است.', 'نقل قول: «جاده بسته است.»', 'پانویس سایت'].join('\n');

async function workspaceWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const ws = join(await tempDir('edits'), 'ws');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(ws, path, '..'), { recursive: true });
    await writeFile(join(ws, path), content);
  }
  return ws;
}

const layerOf = async (ws: string, path: string, annotator = 'sara') => JSON.parse(await readFile(join(ws, '.pilcrow/annotations', annotator, `${path}.json`), 'utf8'));
const texts = (view: ArticleView) => view.paragraphs.map((p) => p.text);

describe('split and merge', () => {
  it('splits at the caret: both halves keep the labels, marked split, and it survives a restart', async () => {
    const ws = await workspaceWith({ 'story.txt': STORY });
    const app = await startApp(ws);
    const view = await app.open('story.txt');
    const target = view.paragraphs[1]!;
    await app.call<SaveResult>('labels.set', { articleId: view.id, paragraphId: target.id, labels: ['quote', 'claim'] });
    const offset = target.text.indexOf(' جمله‌ی دوم');
    const result = await app.call<ArticleChangeResult>('article.split', { articleId: view.id, paragraphId: target.id, offset });
    expect(texts(result.article)).toEqual(['تیتر: باران در شمال', 'جمله‌ی اول خبر است.', 'جمله‌ی دوم خبر است.', 'نقل قول: «جاده بسته است.»', 'پانویس سایت']);
    const [first, second] = [result.article.paragraphs[1]!, result.article.paragraphs[2]!];
    for (const half of [first, second]) expect(result.article.decisions[half.id]).toMatchObject({ labels: ['quote', 'claim'], recheck: 'split' });
    expect(result.undo).toMatch(/^u/);
    expect(result.article.source?.edits).toBe(1);
    const settings = JSON.parse(await readFile(join(ws, '.pilcrow/articles/story.txt.json'), 'utf8'));
    expect(settings.edits).toEqual([{ kind: 'split', at: expect.any(Number), before: expect.stringContaining('اول خبر است.'), after: expect.stringContaining('جمله‌ی دوم') }]);
    app.close();

    const again = await startApp(ws);
    const reopened = await again.open('story.txt');
    expect(reopened.paragraphs).toHaveLength(5);
    expect(reopened.decisions[second.id]).toMatchObject({ labels: ['quote', 'claim'], recheck: 'split' });
    again.close();
  });

  it('merges with the next paragraph: the union of labels, and a recheck naming what each part had', async () => {
    const ws = await workspaceWith({ 'story.txt': STORY });
    const app = await startApp(ws);
    const view = await app.open('story.txt');
    await app.call('labels.set', { articleId: view.id, paragraphId: view.paragraphs[1]!.id, labels: ['claim'] });
    await app.call('labels.set', { articleId: view.id, paragraphId: view.paragraphs[2]!.id, labels: ['quote'] });
    const result = await app.call<ArticleChangeResult>('article.merge', { articleId: view.id, paragraphId: view.paragraphs[1]!.id });
    expect(texts(result.article)[1]).toBe('جمله‌ی اول خبر است. جمله‌ی دوم خبر است.\nنقل قول: «جاده بسته است.»');
    const merged = result.article.decisions[result.article.paragraphs[1]!.id];
    expect(merged).toMatchObject({ labels: ['claim', 'quote'], recheck: 'merged — was: ¶2 claim; ¶3 quote' });
    const layer = await layerOf(ws, 'story.txt');
    expect(Object.keys(layer.paragraphs)).toEqual([result.article.paragraphs[1]!.id]);
    expect(layer.paragraphs[result.article.paragraphs[1]!.id].anchor.exact).toBe(texts(result.article)[1]);
    app.close();
  });

  it('undoes a split: the paragraphs and the decisions are exactly as before', async () => {
    const ws = await workspaceWith({ 'story.txt': STORY });
    const app = await startApp(ws);
    const view = await app.open('story.txt');
    const target = view.paragraphs[1]!;
    await app.call('labels.set', { articleId: view.id, paragraphId: target.id, labels: ['quote'] });
    const before = await layerOf(ws, 'story.txt');
    const split = await app.call<ArticleChangeResult>('article.split', { articleId: view.id, paragraphId: target.id, offset: 20 });
    const undone = await app.call<ArticleChangeResult>('article.undoEdit', { articleId: view.id, token: split.undo });
    expect(texts(undone.article)).toEqual(texts(view));
    expect(undone.article.decisions[target.id]).toMatchObject({ labels: ['quote'] });
    expect(undone.article.decisions[target.id]?.recheck).toBeUndefined();
    expect((await layerOf(ws, 'story.txt')).paragraphs).toEqual(before.paragraphs);
    expect(await app.fail('article.undoEdit', { articleId: view.id, token: split.undo })).toMatchObject({ code: 'nothing-to-undo' });
    app.close();
  });

  it('refuses a split at the edge of a paragraph and a merge of the last one, changing nothing', async () => {
    const ws = await workspaceWith({ 'story.txt': STORY });
    const app = await startApp(ws);
    const view = await app.open('story.txt');
    expect(await app.fail('article.split', { articleId: view.id, paragraphId: view.paragraphs[1]!.id, offset: 0 })).toMatchObject({ code: 'bad-edit' });
    expect(await app.fail('article.merge', { articleId: view.id, paragraphId: view.paragraphs[3]!.id })).toMatchObject({ code: 'bad-edit', message: expect.stringMatching(/no next paragraph/) });
    expect(texts(await app.open('story.txt'))).toEqual(texts(view));
    app.close();
  });

  it('resets every split and merge, carrying labels back', async () => {
    const ws = await workspaceWith({ 'story.txt': STORY });
    const app = await startApp(ws);
    const view = await app.open('story.txt');
    const merged = await app.call<ArticleChangeResult>('article.merge', { articleId: view.id, paragraphId: view.paragraphs[0]!.id });
    await app.call('labels.set', { articleId: view.id, paragraphId: merged.article.paragraphs[0]!.id, labels: ['boilerplate'] });
    const reset = await app.call<ArticleChangeResult>('article.resetEdits', { articleId: view.id });
    expect(texts(reset.article)).toEqual(texts(view));
    expect(reset.article.decisions[view.paragraphs[0]!.id]).toMatchObject({ labels: ['boilerplate'], recheck: 'split' });
    expect(reset.article.decisions[view.paragraphs[1]!.id]).toMatchObject({ labels: ['boilerplate'], recheck: 'split' });
    app.close();
  });
});

describe('per-article settings', () => {
  const WRAPPED = [
    'The harbour authority said on Monday that the ferry timetable would change',
    'from next week, when the winter schedule begins and two boats go for repair.',
    '',
    'Passengers were told to check the board at the pier before every crossing,',
    'because crossings can be cancelled at short notice when the wind is strong.',
    '',
    'Closing line of the article, wrapped like the rest of it at the same width.',
    'It ends here, after a second line that is nearly as long as the first one.',
  ].join('\n');

  it('switches a .txt between one paragraph per line and blank-line blocks, carrying labels both ways', async () => {
    const ws = await workspaceWith({ 'wrapped.txt': WRAPPED });
    const app = await startApp(ws);
    const view = await app.open('wrapped.txt');
    expect(view.source).toMatchObject({ segmentation: 'blocks', segmentationChoices: ['lines', 'blocks', 'markdown'] });
    expect(view.paragraphs).toHaveLength(3);
    await app.call('labels.set', { articleId: view.id, paragraphId: view.paragraphs[1]!.id, labels: ['quote'] });
    const lines = await app.call<ArticleChangeResult>('article.configure', { articleId: view.id, segmentation: 'lines' });
    expect(lines.article.paragraphs).toHaveLength(6);
    expect([2, 3].map((i) => lines.article.decisions[lines.article.paragraphs[i]!.id]?.labels)).toEqual([['quote'], ['quote']]);
    const back = await app.call<ArticleChangeResult>('article.configure', { articleId: view.id, segmentation: null });
    expect(back.article.source).toMatchObject({ segmentation: 'blocks', overrides: {} });
    expect(back.article.decisions[view.paragraphs[1]!.id]).toMatchObject({ labels: ['quote'], recheck: 'merged — was: ¶3 quote; ¶4 quote' });
    app.close();
  });

  it('overrides the encoding for the team; labels stay with their paragraphs; null goes back to detection', async () => {
    const legacy = iconv.encode('گزارشگر ما از لاهيجان خبر مي‌دهد.\nکشاورزان راضي هستند.\nپانويس\n', 'windows-1256');
    const ws = await workspaceWith({ 'legacy.txt': legacy });
    const app = await startApp(ws);
    const view = await app.open('legacy.txt');
    expect(view.source).toMatchObject({ encoding: 'windows-1256', detectedEncoding: 'windows-1256' });
    await app.call('labels.set', { articleId: view.id, paragraphId: view.paragraphs[1]!.id, labels: ['claim'] });
    const wrong = await app.call<ArticleChangeResult>('article.configure', { articleId: view.id, encoding: 'iso-8859-6' });
    expect(wrong.article.source).toMatchObject({ encoding: 'iso-8859-6', detectedEncoding: 'windows-1256', overrides: { encoding: 'iso-8859-6' } });
    expect(wrong.article.decisions[wrong.article.paragraphs[1]!.id]?.labels).toEqual(['claim']);
    const right = await app.call<ArticleChangeResult>('article.configure', { articleId: view.id, encoding: null });
    expect(texts(right.article)).toEqual(texts(view));
    expect(right.article.decisions[view.paragraphs[1]!.id]?.labels).toEqual(['claim']);
    app.close();
  });

  it('overrides direction and language without touching the decisions file', async () => {
    const ws = await workspaceWith({ 'mixed.txt': 'BBC گزارش داد که بازار باز است.\n2024 سال خوبی بود.\n' });
    const app = await startApp(ws);
    const view = await app.open('mixed.txt');
    const result = await app.call<ArticleChangeResult>('article.configure', { articleId: view.id, direction: 'rtl', lang: 'fa-IR' });
    expect(result.article).toMatchObject({ direction: 'rtl', lang: 'fa-IR' });
    expect(result.article.source?.overrides).toEqual({ direction: 'rtl', lang: 'fa-IR' });
    await expect(readFile(join(ws, '.pilcrow/annotations/sara/mixed.txt.json'))).rejects.toThrow();
    expect(await app.fail('article.configure', { articleId: view.id, lang: 'not a tag' })).toMatchObject({ code: 'bad-request' });
    app.close();
  });

  it('refuses to change the segmentation of an HTML page or the encoding of a Word file', async () => {
    const ws = await workspaceWith({ 'page.html': '<p>یک</p><p>دو</p>' });
    const app = await startApp(ws);
    const view = await app.open('page.html');
    expect(view.source?.segmentationChoices).toEqual([]);
    expect(await app.fail('article.configure', { articleId: view.id, segmentation: 'lines' })).toMatchObject({ code: 'fixed-segmentation' });
    app.close();
  });
});

describe('JSON Lines articles and damaged settings', () => {
  it('labels a .jsonl line as its own article, stored under <file>.jsonl#<key>', async () => {
    const ws = await workspaceWith({ 'batch.jsonl': '{"id":"a/1","title":"یک","text":"بند اول\\nبند دوم"}\n{"paragraphs":["Only one."]}\n' });
    const app = await startApp(ws);
    const paths = app.state.workspace!.articles.map((a) => a.path);
    expect(paths).toEqual(['batch.jsonl#a%2F1', 'batch.jsonl#line-2']);
    const view = await app.open('batch.jsonl#a%2F1');
    expect(view).toMatchObject({ title: 'یک', format: 'jsonl', source: { file: 'batch.jsonl', encodingChoices: [], segmentationChoices: [] } });
    await app.call('labels.set', { articleId: view.id, paragraphId: view.paragraphs[1]!.id, labels: ['claim'] });
    expect((await layerOf(ws, 'batch.jsonl#a%2F1')).paragraphs[view.paragraphs[1]!.id].labels).toEqual(['claim']);
    app.close();
  });

  it('quarantines a damaged settings file and reads the article as detected', async () => {
    const ws = await workspaceWith({ 'story.txt': STORY, '.pilcrow/articles/story.txt.json': '{"version": 1, "article": "story.txt", "edits": [{"kind": "spl' });
    const app = await startApp(ws);
    const view = await app.open('story.txt');
    expect(texts(view)).toEqual(STORY.split('\n'));
    expect(view.source?.edits).toBe(0);
    expect((await readdir(join(ws, '.pilcrow/quarantine'))).some((f) => f.includes('story.txt.json'))).toBe(true);
    app.close();
  });
});
