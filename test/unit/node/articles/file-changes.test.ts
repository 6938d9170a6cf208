/**
 * What happens to labels when an article's file changes, between runs and while Pilcrow runs
 * (the folder watcher): unchanged paragraphs keep them, moved ones follow, edited ones are
 * re-anchored and marked "changed", lost ones become orphans (kept, shown, in the layer file),
 * a deleted file shows as missing, a new file appears.
 */
import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleChangedEvent } from '../../../../src-main/shared/article-source';
import type { WorkspaceChangedEvent } from '../../../../src-main/shared/views';
import type { ArticleView } from '../../../../src-main/shared/views';
import { LiveWorkspace, type LiveChanges } from '../../../../src-main/node/watch/live-workspace';
import { articleIdFor } from '../../../../src-main/node/workspace/article-id';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { tempDir } from '../temp';
import { startApp, type TestApp } from './app';
import { english } from '../../../support/english';

const LINES = [
  'تیتر: برداشت چای در لاهیجان آغاز شد',
  'گزارشگر ما از لاهیجان خبر می‌دهد که برداشت برگ سبز چای از امروز آغاز شده است و تا پایان ماه ادامه دارد.',
  'کشاورزان می‌گویند امسال باران بیشتری باریده و کیفیت محصول از سال گذشته بهتر است.',
  'رئیس اتحادیه چایکاران گفت: «قیمت خرید برگ سبز هنوز اعلام نشده است.»',
  'صفحه اول',
  'تماس با ما',
];

async function labelled(app: TestApp, view: ArticleView, labels: Record<number, string[]>): Promise<void> {
  for (const [i, l] of Object.entries(labels)) await app.call('labels.set', { articleId: view.id, paragraphId: view.paragraphs[Number(i)]!.id, labels: l });
}

const labelsByText = (view: ArticleView) => Object.fromEntries(view.paragraphs.filter((p) => view.decisions[p.id]).map((p) => [p.text, view.decisions[p.id]!.labels]));

/** Writes like an editor's "safe save": a temp file renamed over the article. */
async function atomicWrite(file: string, text: string): Promise<void> {
  const temp = join(file, '..', `.${Date.now()}.swp`);
  await writeFile(temp, text);
  await rename(temp, file);
}

async function setup(): Promise<{ ws: string; file: string }> {
  const ws = join(await tempDir('changes'), 'ws');
  await mkdir(join(ws, 'fa'), { recursive: true });
  const file = join(ws, 'fa', 'tea.txt');
  await writeFile(file, LINES.join('\n'));
  return { ws, file };
}

// The edited text: lead reworded a little, quote and title swapped places, footer line deleted.
const EDITED = [LINES[3], LINES[0], LINES[1]!.replace('از امروز', 'از صبح امروز'), 'پاراگراف تازه‌ای که ویراستار افزوده است و پیش از این نبود.', LINES[2], LINES[4]].join('\n');

describe('between runs', () => {
  it('keeps unchanged, follows moved, re-anchors edited (recheck changed) and orphans deleted paragraphs', async () => {
    const { ws, file } = await setup();
    const app = await startApp(ws);
    const view = await app.open('fa/tea.txt');
    await labelled(app, view, { 0: ['boilerplate'], 1: ['claim'], 2: ['claim'], 3: ['quote'], 5: ['boilerplate'] });
    const saved = JSON.parse(await readFile(join(ws, '.pilcrow/annotations/sara/fa/tea.txt.json'), 'utf8'));
    expect(saved.paragraphs[view.paragraphs[3]!.id].anchor).toEqual({ exact: LINES[3], prefix: expect.stringMatching(/بهتر است\.\n$/), suffix: '\nصفحه اول\nتماس با ما' });
    app.close();

    await writeFile(file, EDITED);
    const again = await startApp(ws);
    const after = await again.open('fa/tea.txt');
    expect(labelsByText(after)).toEqual({
      [LINES[0]!]: ['boilerplate'],
      [LINES[1]!.replace('از امروز', 'از صبح امروز')]: ['claim'],
      [LINES[2]!]: ['claim'],
      [LINES[3]!]: ['quote'],
    });
    const lead = after.paragraphs[2]!;
    expect(after.decisions[lead.id]?.recheck).toBe('changed');
    expect(after.decisions[after.paragraphs[0]!.id]?.recheck).toBeUndefined();
    expect(after.source?.orphans).toEqual([
      expect.objectContaining({ labels: ['boilerplate'], text: 'تماس با ما', reason: expect.stringMatching(/gone from the file/) }),
    ]);
    const layer = JSON.parse(await readFile(join(ws, '.pilcrow/annotations/sara/fa/tea.txt.json'), 'utf8'));
    expect(layer.orphans).toHaveLength(1);
    expect(layer.orphans[0].entry.labels).toEqual(['boilerplate']);
    again.close();
  });

  it('brings an orphan back when its paragraph returns, and lets the editor re-attach one by hand', async () => {
    const { ws, file } = await setup();
    const app = await startApp(ws);
    const view = await app.open('fa/tea.txt');
    await labelled(app, view, { 4: ['ad'], 5: ['boilerplate'] });
    app.close();
    await writeFile(file, LINES.slice(0, 4).join('\n'));
    const second = await startApp(ws);
    const cut = await second.open('fa/tea.txt');
    expect(cut.source?.orphans.map((o) => o.labels)).toEqual([['ad'], ['boilerplate']]);
    const reattached = await second.call<{ article: ArticleView }>('article.reattachOrphan', { articleId: cut.id, orphan: 1, paragraphId: cut.paragraphs[3]!.id });
    expect(reattached.article.decisions[cut.paragraphs[3]!.id]).toMatchObject({ labels: ['boilerplate'], recheck: 'changed' });
    expect(reattached.article.source?.orphans.map((o) => o.labels)).toEqual([['ad']]);
    second.close();
    await writeFile(file, LINES.join('\n'));
    const third = await startApp(ws);
    const restored = await third.open('fa/tea.txt');
    expect(restored.decisions[restored.paragraphs[4]!.id]).toMatchObject({ labels: ['ad'], recheck: 'changed' });
    expect(restored.source?.orphans).toEqual([]);
    third.close();
  });
});

describe('while Pilcrow runs (the folder watcher)', () => {
  it('sees an atomic save of the open article, re-anchors its labels and says what happened', async () => {
    const { ws, file } = await setup();
    const app = await startApp(ws);
    const view = await app.open('fa/tea.txt');
    await labelled(app, view, { 1: ['claim'], 3: ['quote'], 5: ['boilerplate'] });
    const changed = app.next('article.changed', (e) => e.articleId === view.id);
    await atomicWrite(file, EDITED);
    const event: ArticleChangedEvent = await changed;
    expect(event).toMatchObject({ change: 'changed', counts: { moved: 1, reanchored: 1, orphaned: 1 } });
    expect(event.message).toMatch(/^fa\/tea\.txt changed on disk: 1 edited paragraph\(s\) kept their labels, marked “changed — re-check”; 1 moved/);
    const after = await app.open('fa/tea.txt');
    expect(after.decisions[after.paragraphs[2]!.id]).toMatchObject({ labels: ['claim'], recheck: 'changed' });
    expect(after.decisions[after.paragraphs[0]!.id]).toMatchObject({ labels: ['quote'] });
    expect(after.source?.orphans.map((o) => o.text)).toEqual(['تماس با ما']);
    app.close();
  });

  it('shows a new file, and a deleted labelled file as missing with its labels kept', async () => {
    const { ws, file } = await setup();
    const app = await startApp(ws);
    const view = await app.open('fa/tea.txt');
    await labelled(app, view, { 1: ['claim'] });
    const added = app.next('workspace.changed', (e) => e.added.length > 0);
    await mkdir(join(ws, 'new', 'deep'), { recursive: true });
    await writeFile(join(ws, 'new', 'deep', 'fresh.md'), '# تازه\n\nمتن تازه');
    const addedEvent: WorkspaceChangedEvent = await added;
    expect(addedEvent.workspace.articles.map((a) => a.path)).toContain('new/deep/fresh.md');

    const deleted = app.next('article.changed', (e) => e.change === 'deleted');
    await rm(file);
    expect(await deleted).toMatchObject({ articleId: view.id, message: 'fa/tea.txt was deleted or moved; its labels are kept.' });
    const list = await app.call<{ articles: { path: string; missing?: boolean; error?: unknown }[] }>('workspace.refresh');
    const gone = list.articles.find((a) => a.path === 'fa/tea.txt');
    expect(gone).toMatchObject({ missing: true });
    expect(english(gone?.error)).toMatch(/missing .*labels are kept/);
    expect(JSON.parse(await readFile(join(ws, '.pilcrow/annotations/sara/fa/tea.txt.json'), 'utf8')).paragraphs[view.paragraphs[1]!.id].labels).toEqual(['claim']);
    app.close();
  });

  it('ignores a save that did not change the bytes, and reports one that did', async () => {
    const { ws, file } = await setup();
    const workspace = await Workspace.open(ws);
    await workspace.entries();
    const published: LiveChanges[] = [];
    const live = new LiveWorkspace({ reconcile: async () => null, publish: async (c) => void published.push(c) });
    live.start(workspace);
    await atomicWrite(file, LINES.join('\n'));
    await live.poke();
    expect(published).toEqual([]);
    await atomicWrite(file, EDITED);
    await live.poke();
    expect(published).toEqual([{ added: [], removed: [], changed: [{ id: articleIdFor('fa/tea.txt'), change: 'changed' }] }]);
    live.stop();
  });
});
