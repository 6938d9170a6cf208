/**
 * One writer per (workspace, annotator) (issue 7, docs/reliability.md "One writer"): a second
 * window or process on the same layer opens read-only, says who holds it, refuses every writing
 * channel and changes no byte of the workspace; a lock left by a dead process is taken over.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoWorkspace } from '../../../../src-main/node/import/run-import';
import { lockLayer } from '../../../../src-main/node/workspace/layer-lock';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { CHANNEL_ACCESS, writesWorkspace } from '../../../../src-main/shared/channel-access';
import { CHANNELS, type Channel } from '../../../../src-main/shared/ipc';
import type { AppState, ArticleView, WorkspaceView } from '../../../../src-main/shared/views';
import { sampleCopy, tempDir } from '../temp';
import { openHandlerApp, type HandlerApp } from './handler-app';
import { english } from '../../../support/english';

/** A window as the app starts one: its own user data, the workspace opened by app.init. */
async function openWindow(workspace: string, locksDir: string, annotator = 'sara', pickOpenFile?: () => Promise<string>): Promise<HandlerApp> {
  const window = await openHandlerApp({ workspace, userData: await tempDir('user'), annotator, locksDir, ...(pickOpenFile ? { dialogs: { pickOpenFile } } : {}) });
  await window.call<AppState>('app.init');
  return window;
}

/** Every file under the workspace with a hash of its bytes. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile());
  return Object.fromEntries(await Promise.all(files.map(async (e) => [join(e.parentPath, e.name).slice(root.length), createHash('sha256').update(await readFile(join(e.parentPath, e.name))).digest('hex')])));
}

async function setup() {
  const { workspace } = await sampleCopy();
  const locksDir = await tempDir('locks');
  const first = await openWindow(workspace, locksDir);
  const state = await first.call<AppState>('app.init');
  const article = await first.call<ArticleView>('article.open', { articleId: state.workspace!.articles.find((a) => a.path === 'en/library-hours.md')!.id });
  return { workspace, locksDir, first, article };
}

describe('one writer per workspace and annotator', () => {
  it('a second window on the same layer opens read-only and says which process holds it', async () => {
    const { workspace, locksDir, first } = await setup();
    const second = await openWindow(workspace, locksDir);
    const view = (await second.call<AppState>('app.init')).workspace!;
    expect(view.readOnly).toMatchObject({ annotator: 'sara', pid: process.pid, host: hostname() });
    expect(english(view.readOnly!.message)).toMatch(/"sara".*another Pilcrow \(process \d+ on .*\), so this window is read-only/);
    expect((await first.call<AppState>('app.init')).workspace!.readOnly).toBeUndefined();
    // Another annotator's layer in the same workspace is free.
    const omid = await openWindow(workspace, locksDir, 'omid');
    expect((await omid.call<AppState>('app.init')).workspace!.readOnly).toBeUndefined();
  });

  it('a read-only window refuses every writing channel with the reason, and changes no byte of the workspace', async () => {
    const { workspace, locksDir, first, article } = await setup();
    const [p0, p1] = article.paragraphs;
    await first.call('labels.set', { articleId: article.id, paragraphId: p0!.id, labels: ['quote'] });
    const exportFile = join(await tempDir('import'), 'omid.jsonl');
    const second = await openWindow(workspace, locksDir, 'sara', async () => exportFile);
    const before = await snapshot(workspace);
    // A valid request for each channel that writes: the refusal is the lock's, not validation's.
    const requests: Partial<Record<Channel, unknown>> = {
      'article.configure': { articleId: article.id, segmentation: null },
      'article.split': { articleId: article.id, paragraphId: p0!.id, offset: 3 },
      'article.merge': { articleId: article.id, paragraphId: p0!.id },
      'article.resetEdits': { articleId: article.id },
      'article.undoEdit': { articleId: article.id, token: 'u1' },
      'article.reattachOrphan': { articleId: article.id, orphan: 0, paragraphId: p1!.id },
      'labels.set': { articleId: article.id, paragraphId: p1!.id, labels: ['claim'] },
      'labels.apply': { articleId: article.id, changes: [{ paragraphId: p1!.id, decision: { labels: [] } }] },
      'labels.remark': { articleId: article.id, paragraphId: p1!.id, note: 'x', flagged: true },
      'labels.markDone': { articleId: article.id },
      'labels.undoDone': { articleId: article.id },
      'labels.rejectSuggestions': { articleId: article.id, rejections: [{ paragraphId: p1!.id, label: 'quote', suggester: 'quote-cues' }] },
      'schema.edit': { edit: { op: 'add', label: { name: 'ops', color: '#123456', key: '', description: '' } } },
      'import.run': { annotator: 'omid' },
      'review.setGold': { articleId: article.id, paragraphId: p0!.id, labels: ['quote'], took: 'majority' },
      'review.acceptAgreed': { annotators: ['sara', 'omid'] },
      'review.reply': { articleId: article.id, paragraphId: p0!.id, re: null, text: 'a reply' },
      'layers.rename': { from: 'sara', to: 'sarah' },
      'layers.merge': { from: 'sara', into: 'omid' },
      'layers.remove': { name: 'sara' },
      'layers.restore': { id: 'sara~2026-12-05T10-00-00-000Z' },
      'conflicts.merge': { conflictId: 'c1234567' },
      'merge.resolve': { id: '0123456789a', choices: { lang: 'theirs' } },
      'suggest.settings': { thresholds: { quote: 0.9 } },
      'team.assign': { annotators: ['sara', 'omid'], perArticle: 1, overlap: 0, seed: 1, onlyUnassigned: false },
    };
    const writing = CHANNELS.filter((c) => CHANNEL_ACCESS[c] === 'writes' || typeof CHANNEL_ACCESS[c] === 'function');
    expect(writing.filter((c) => !(c in requests))).toEqual([]);
    for (const channel of writing) {
      const envelope = await second.raw(channel, requests[channel]);
      expect(envelope, channel).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringContaining('"sara"') } });
    }
    // Reading still works, and shows what the writing window saved.
    const seen = await second.call<ArticleView>('article.open', { articleId: article.id });
    expect(seen.decisions[p0!.id]?.labels).toEqual(['quote']);
    expect((await second.raw('suggest.settings', {})).ok).toBe(true);
    expect(await second.raw('suggest.settings', { acceptAll: 0.5 })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await snapshot(workspace)).toEqual(before);
  });

  it('a read-only window sees the writing window’s later decisions when it opens the article again', async () => {
    const { workspace, locksDir, first, article } = await setup();
    const second = await openWindow(workspace, locksDir);
    await second.call<ArticleView>('article.open', { articleId: article.id });
    await first.call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[1]!.id, labels: ['claim'] });
    const again = await second.call<ArticleView>('article.open', { articleId: article.id });
    expect(again.decisions[article.paragraphs[1]!.id]?.labels).toEqual(['claim']);
  });

  it('when the writing window closes, refreshing makes the read-only one writable', async () => {
    const { workspace, locksDir, first, article } = await setup();
    const second = await openWindow(workspace, locksDir);
    expect((await second.call<AppState>('app.init')).workspace!.readOnly).toBeDefined();
    first.session.close();
    const view = await second.call<WorkspaceView>('workspace.refresh');
    expect(view.readOnly).toBeUndefined();
    await second.call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[2]!.id, labels: ['claim'] });
    // Now the first one, opened again, is the read-only one.
    const third = await openWindow(workspace, locksDir);
    expect((await third.call<AppState>('app.init')).workspace!.readOnly).toMatchObject({ annotator: 'sara' });
  });

  it('a window that becomes writable starts from the disk, so it keeps what the other window saved meanwhile', async () => {
    const { workspace, locksDir, first, article } = await setup();
    const second = await openWindow(workspace, locksDir);
    await second.call<ArticleView>('article.open', { articleId: article.id }); // read before the first window's save
    const [p1, p2] = [article.paragraphs[1]!.id, article.paragraphs[2]!.id];
    await first.call('labels.set', { articleId: article.id, paragraphId: p1, labels: ['quote'] });
    first.session.close();
    expect((await second.call<WorkspaceView>('workspace.refresh')).readOnly).toBeUndefined();
    await second.call('labels.set', { articleId: article.id, paragraphId: p2, labels: ['claim'] });
    const third = await openWindow(workspace, locksDir);
    const seen = await third.call<ArticleView>('article.open', { articleId: article.id });
    expect([seen.decisions[p1]?.labels, seen.decisions[p2]?.labels]).toEqual([['quote'], ['claim']]);
  });

  /**
   * Starts `request` on the window and closes the window in the same turn, so every step of the
   * request (taking the lock included) comes after the close; then a new window must be writable.
   */
  async function closeDuring(window: HandlerApp, request: string, workspace: string, locksDir: string): Promise<void> {
    const pending = window.call(request);
    window.session.close();
    await pending;
    const next = await openWindow(workspace, locksDir);
    expect((await next.call<AppState>('app.init')).workspace!.readOnly).toBeUndefined();
  }

  it('a window closed while it is still opening gives the lock back, so the next one is writable', async () => {
    const { workspace } = await sampleCopy();
    const locksDir = await tempDir('locks');
    const first = await openHandlerApp({ workspace, userData: await tempDir('user'), annotator: 'sara', locksDir });
    await closeDuring(first, 'app.init', workspace, locksDir);
  });

  it('a window closed while Try again is taking the lock gives it back', async () => {
    const { workspace, locksDir, first } = await setup();
    const second = await openWindow(workspace, locksDir);
    first.session.close();
    await closeDuring(second, 'workspace.refresh', workspace, locksDir);
  });

  it('a window whose lock cannot be taken at all is read-only and says why', async () => {
    const { workspace } = await sampleCopy();
    const notAFolder = join(await tempDir('locks'), 'file');
    await writeFile(notAFolder, 'x');
    const window = await openWindow(workspace, notAFolder);
    const view = (await window.call<AppState>('app.init')).workspace!;
    expect(english(view.readOnly?.message)).toMatch(/"sara" could not be locked for editing \(.*\), so this window is read-only/);
    const some = view.articles.find((a) => !a.error && !a.pending) ?? view.articles[0]!;
    const opened = await window.call<ArticleView>('article.open', { articleId: some.id });
    expect(await window.raw('labels.set', { articleId: some.id, paragraphId: opened.paragraphs[0]!.id, labels: [] })).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });

  it('a lock left by a process that died is taken over: the workspace opens writable', async () => {
    const { workspace } = await sampleCopy();
    const locksDir = await tempDir('locks');
    const probe = await lockLayer(locksDir, workspace, 'sara');
    if ('heldBy' in probe) throw new Error('expected a free lock');
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    const deadPid = child.pid!;
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(probe.path, JSON.stringify({ pid: deadPid, host: hostname(), since: new Date().toISOString(), owner: 'sara', token: 'crashed' }));
    const window = await openWindow(workspace, locksDir);
    expect((await window.call<AppState>('app.init')).workspace!.readOnly).toBeUndefined();
    expect(JSON.parse(await readFile(probe.path, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('an import refuses to write a teammate’s layer that is open in a Pilcrow, and writes nothing', async () => {
    const { workspace, locksDir, article } = await setup();
    const omid = await openWindow(workspace, locksDir, 'omid'); // omid's app is open on this machine
    const file = join(await tempDir('import'), 'omid.jsonl');
    const record = { article: 'en/library-hours.md', article_id: article.id, paragraph: 0, paragraph_id: article.paragraphs[0]!.id, text: article.paragraphs[0]!.text, labels: ['quote'], annotator: 'omid', updated_at: '2026-11-27T10:00:00.000Z' };
    await writeFile(file, `${JSON.stringify(record)}\n`);
    const before = await snapshot(workspace);
    const target = { workspace: await Workspace.open(workspace), schema: await WorkspaceSchemaStore.open(workspace), locksDir };
    await expect(importIntoWorkspace(target, file)).rejects.toThrow(/Nothing was imported: The labels of "omid" .* open for editing in another Pilcrow \(process \d+/);
    expect(await snapshot(workspace)).toEqual(before);
    omid.session.close();
    const result = await importIntoWorkspace(target, file);
    expect(result.layers).toMatchObject([{ annotator: 'omid', matched: 1 }]);
  });

  it('classifies suggest.settings as writing only when it carries a change', () => {
    expect(writesWorkspace('suggest.settings', {})).toBe(false);
    expect(writesWorkspace('suggest.settings', { enabled: { repeated: false } })).toBe(true);
    expect(writesWorkspace('suggest.settings', { acceptAll: 0.8 })).toBe(true);
    expect(writesWorkspace('labels.set', { articleId: 'a1234567', paragraphId: 'p1234567', labels: [] })).toBe(true);
    expect(writesWorkspace('article.open', { articleId: 'a1234567' })).toBe(false);
  });
});
