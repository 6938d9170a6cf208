/**
 * A workspace shared through a sync tool or git: conflict copies named as such everywhere, the
 * machine-local files ignored, one byte form for every writer of a label file, no label file
 * from a settings change, and renames applied to every layer a reader reads.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LayerSerialiser } from '../../../../src-main/node/annotations/layer-format';
import { annotationFileSchema } from '../../../../src-main/node/annotations/schema';
import { LayerReader } from '../../../../src-main/node/annotations/store';
import { PILCROW_GITIGNORE } from '../../../../src-main/node/workspace/gitignore';
import { defaultLocksDir, workspaceLocksDir } from '../../../../src-main/node/workspace/layer-lock';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { runPilcrow } from '../../../support/run-cli';
import { openHandlerApp } from '../app/handler-app';
import { tempDir } from '../temp';
import { ARTICLES, treeHash } from './git-team';

async function workspaceWith(files: Record<string, string | object> = {}): Promise<string> {
  const root = join(await tempDir('shared'), 'ws');
  for (const [path, content] of Object.entries({ ...ARTICLES, ...files })) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

const layer = (annotator: string, article: string, paragraphs: Record<string, string[]>) => ({
  version: 1,
  article,
  annotator,
  updated_at: '2026-12-05T10:00:00.000Z',
  status: 'in_progress',
  paragraphs: Object.fromEntries(Object.entries(paragraphs).map(([id, labels], index) => [id, { index, labels, updated_at: '2026-12-05T10:00:00.000Z' }])),
  orphans: [],
});

const schema = { version: 1, mode: 'multi', labels: [{ name: 'quote', color: '#2f6fde', key: 'Digit1', description: '' }], retired: [], renames: [] };
const settings = { version: 1, article: 'fa/a.txt', updated_at: '2026-12-05T10:00:00.000Z', direction: 'rtl', edits: [] };

/** One conflict copy per sync tool the docs name, of a layer, the schema and a settings file. */
const COPIES: Record<string, object> = {
  '.pilcrow/annotations/sara/fa/a.txt (conflicted copy 2026-12-05).json': layer('sara', 'fa/a.txt', { p00000000001: ['quote'] }),
  '.pilcrow/annotations/sara/fa/b.txt.sync-conflict-20261205-101010-ABCDEF7.json': layer('sara', 'fa/b.txt', { p00000000002: ['ad'] }),
  '.pilcrow/annotations/sara/en/c.txt (1).json': layer('sara', 'en/c.txt', { p00000000003: ['claim'] }),
  '.pilcrow/annotations/omid/fa/a.txt-DESKTOP-4F2K9Q1.json': layer('omid', 'fa/a.txt', { p00000000004: ['quote'] }),
  ".pilcrow/annotations/omid/fa/b.txt (Omid's conflicted copy 2026-12-05 101010).json": layer('omid', 'fa/b.txt', { p00000000005: ['claim'] }),
  '.pilcrow/schema (conflicted copy 2026-12-05).json': schema,
  '.pilcrow/schema.sync-conflict-20261205-101010-ABCDEF7.json': schema,
  '.pilcrow/articles/fa/a.txt (1).json': settings,
  '.pilcrow/articles/fa/a.txt-LAPTOP-88KQ2Z.json': settings,
};

describe('sync-tool conflict copies are named as conflict copies, never as missing articles', () => {
  it('in pilcrow stats, agreement and export (skipped) and in the app’s list, for layers, the schema and settings; nothing is changed', async () => {
    const root = await workspaceWith({ ...COPIES, '.pilcrow/annotations/sara/fa/a.txt.json': layer('sara', 'fa/a.txt', {}) });
    const before = await treeHash(root);
    const expected = Object.keys(COPIES).sort();

    for (const command of ['stats', 'agreement'] as const) {
      const run = await runPilcrow(command, root, '--json');
      expect(run.code, run.err).toBe(0);
      const report = JSON.parse(run.out) as { skipped: { path: string; reason: string }[] };
      expect(report.skipped.map((s) => s.path).sort()).toEqual(expected);
      for (const s of report.skipped) expect(s.reason).toMatch(/^\.pilcrow\/.* is a conflict copy (Dropbox \/ Nextcloud|Syncthing|Google Drive|OneDrive) made of .* when two machines changed it at once; Pilcrow reads only \.pilcrow\/\S+ and leaves the copy as it is\. /);
      expect(run.err).not.toMatch(/is missing/);
    }
    const out = join(await tempDir('out'), 'labels.json');
    const exported = await runPilcrow('export', root, '--out', out);
    expect(exported.code, exported.err).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as { skipped: { path: string; reason: string }[] };
    expect(doc.skipped.map((s) => s.path).sort()).toEqual(expected);
    expect(doc.skipped.find((s) => s.path.includes('sara/fa/a.txt (conflicted'))!.reason).toMatch(/made of sara's labels for fa\/a\.txt \(not a missing article\) .* sara merges it in Pilcrow's Review view/);
    expect(doc.skipped.find((s) => s.path === '.pilcrow/schema (conflicted copy 2026-12-05).json')!.reason).toMatch(/made of the label schema when .* Compare the two, bring into \.pilcrow\/schema\.json what only the copy has, then delete the copy\./);

    const app = await openHandlerApp({ workspace: root, userData: await tempDir('user'), annotator: 'sara' });
    const state = await app.call<AppState>('app.init');
    const listed = state.workspace!.articles.filter((a) => a.conflictCopy);
    expect(listed.map((a) => a.path).sort()).toEqual(expected);
    expect(state.workspace!.articles.filter((a) => a.missing)).toEqual([]);
    app.session.close();
    expect(await treeHash(root)).toBe(before);
  });
});

describe('.pilcrow/.gitignore', () => {
  it('is not written by opening a workspace, is written before the first save, ignores backups, temp files and the quarantine', async () => {
    const root = await workspaceWith();
    const app = await openHandlerApp({ workspace: root, userData: await tempDir('user'), annotator: 'sara' });
    const state = await app.call<AppState>('app.init');
    const article = await app.call<ArticleView>('article.open', { articleId: state.workspace!.articles.find((a) => a.path === 'fa/a.txt')!.id });
    expect(await readdir(root)).not.toContain('.pilcrow');
    await app.call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[0]!.id, labels: ['quote'] });
    app.session.close();
    const ignore = await readFile(join(root, '.pilcrow/.gitignore'), 'utf8');
    expect(ignore).toBe(PILCROW_GITIGNORE);
    expect(ignore.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['*.bak', '*.pilcrow-tmp', 'quarantine/']);
  });

  it('is never rewritten once there: the team may have edited it', async () => {
    const root = await workspaceWith({ '.pilcrow/.gitignore': '# ours\n*.bak\n' });
    const app = await openHandlerApp({ workspace: root, userData: await tempDir('user'), annotator: 'sara' });
    await app.call('app.init');
    await app.call('schema.edit', { edit: { op: 'add', label: { name: 'fact', color: '#117733', key: 'Digit5', description: '' } } });
    app.session.close();
    expect(await readFile(join(root, '.pilcrow/.gitignore'), 'utf8')).toBe('# ours\n*.bak\n');
  });
});

describe('one byte form and no stray label files', () => {
  it('pilcrow import writes a label file exactly as the app writes it: one line per decision', async () => {
    const source = await workspaceWith();
    const app = await openHandlerApp({ workspace: source, userData: await tempDir('user'), annotator: 'omid' });
    const state = await app.call<AppState>('app.init');
    const article = await app.call<ArticleView>('article.open', { articleId: state.workspace!.articles.find((a) => a.path === 'fa/a.txt')!.id });
    for (const [i, labels] of [['quote'], ['claim'], ['ad']].entries()) await app.call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[i]!.id, labels });
    app.session.close();
    const file = join(await tempDir('x'), 'omid.jsonl');
    expect((await runPilcrow('export', source, '--format', 'jsonl', '--out', file)).code).toBe(0);

    const target = join(await tempDir('copy'), 'ws');
    await cp(source, target, { recursive: true, filter: (src) => !src.includes('.pilcrow') });
    const run = await runPilcrow('import', target, file);
    expect(run.code, run.err).toBe(0);
    const bytes = await readFile(join(target, '.pilcrow/annotations/omid/fa/a.txt.json'), 'utf8');
    const parsed = annotationFileSchema.parse(JSON.parse(bytes));
    expect(bytes).toBe(new TextDecoder().decode(new LayerSerialiser().serialise(parsed)));
    const decisionLines = bytes.split('\n').filter((l) => /^\s+"p[0-9a-z]{11}": \{/.test(l));
    expect(decisionLines).toHaveLength(3);
  });

  it('a change of segmentation creates no label file for an editor who has labelled nothing there', async () => {
    const root = await workspaceWith();
    const app = await openHandlerApp({ workspace: root, userData: await tempDir('user'), annotator: 'omid' });
    const state = await app.call<AppState>('app.init');
    const id = state.workspace!.articles.find((a) => a.path === 'fa/b.txt')!.id;
    await app.call('article.configure', { articleId: id, segmentation: 'lines' });
    app.session.close();
    expect(JSON.parse(await readFile(join(root, '.pilcrow/articles/fa/b.txt.json'), 'utf8'))).toMatchObject({ segmentation: 'lines' });
    expect(await readdir(join(root, '.pilcrow'))).not.toContain('annotations');
  });
});

describe('renames travel as data', () => {
  it('a teammate’s layer their app has not migrated is read with the rename applied, and left as it is', async () => {
    const renamed = { ...schema, labels: [...schema.labels, { name: 'advert', color: '#888888', key: 'Digit2', description: '' }], renames: [{ from: 'ad', to: 'advert', at: '2026-12-05T11:00:00.000Z' }] };
    const omid = layer('omid', 'fa/a.txt', { p00000000001: ['ad', 'quote'] });
    const root = await workspaceWith({ '.pilcrow/schema.json': renamed, '.pilcrow/annotations/omid/fa/a.txt.json': omid });
    const bytes = await readFile(join(root, '.pilcrow/annotations/omid/fa/a.txt.json'));
    const read = await new LayerReader(root).readLayer('omid', 'fa/a.txt');
    expect(read!.paragraphs.p00000000001!.labels.sort()).toEqual(['advert', 'quote']);
    expect(await readFile(join(root, '.pilcrow/annotations/omid/fa/a.txt.json'))).toEqual(bytes);
  });

  it('pilcrow agreement reports the workspace schema’s labels, not the defaults', async () => {
    const own = { ...schema, labels: [{ name: 'fact', color: '#117733', key: 'Digit1', description: '' }, { name: 'opinion', color: '#aa4499', key: 'Digit2', description: '' }] };
    const root = await workspaceWith({ '.pilcrow/schema.json': own, '.pilcrow/annotations/sara/fa/a.txt.json': layer('sara', 'fa/a.txt', {}), '.pilcrow/annotations/omid/fa/a.txt.json': layer('omid', 'fa/a.txt', {}) });
    const run = await runPilcrow('agreement', root, '--json');
    expect(run.code, run.err).toBe(0);
    expect(Object.keys((JSON.parse(run.out) as { per_label: object }).per_label)).toEqual(['fact', 'opinion']);
  });
});

describe('pilcrow doctor', () => {
  it('lists every file mid-merge, conflict copy, quarantined file, stale lock and unmigrated rename with its fix, changing nothing', async () => {
    const renamed = { ...schema, labels: [...schema.labels, { name: 'advert', color: '#888888', key: 'Digit2', description: '' }], renames: [{ from: 'ad', to: 'advert', at: '2026-12-05T11:00:00.000Z' }] };
    const root = await realpath(
      await workspaceWith({
        '.pilcrow/schema.json': renamed,
        '.pilcrow/articles/fa/a.txt.json': '{\n<<<<<<< HEAD\n  "direction": "rtl",\n=======\n  "direction": "ltr",\n>>>>>>> theirs\n}\n',
        '.pilcrow/annotations/omid/fa/a.txt.json': layer('omid', 'fa/a.txt', { p00000000001: ['ad'] }),
        '.pilcrow/annotations/omid/fa/b.txt (conflicted copy 2026-12-05).json': layer('omid', 'fa/b.txt', {}),
        '.pilcrow/quarantine/2026-12-05T10-00-00-000Z_sara_a.txt.json.1f2e3d.corrupt': '{"trunc',
      }),
    );
    // A writer lock left by a process that is gone (locks live outside the workspace).
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    const lockDir = await workspaceLocksDir(defaultLocksDir(), root);
    await mkdir(lockDir, { recursive: true });
    await writeFile(join(lockDir, '.pilcrow-writer.sara.lock'), JSON.stringify({ pid: dead, host: hostname(), since: new Date().toISOString(), owner: 'sara', token: 'x' }));
    const before = await treeHash(root);

    const run = await runPilcrow('doctor', root, '--json');
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.out) as { findings: { kind: string; path: string; message: string }[] };
    expect(findings.map((f) => [f.kind, f.path.startsWith(lockDir) ? 'lock' : f.path])).toEqual([
      ['mid-merge', '.pilcrow/articles/fa/a.txt.json'],
      ['conflict-copy', '.pilcrow/annotations/omid/fa/b.txt (conflicted copy 2026-12-05).json'],
      ['quarantined', '.pilcrow/quarantine/2026-12-05T10-00-00-000Z_sara_a.txt.json.1f2e3d.corrupt'],
      ['stale-lock', 'lock'],
      ['unmigrated-rename', '.pilcrow/annotations/omid/fa/a.txt.json'],
    ]);
    expect(findings[0]!.message).toMatch(/middle of a git merge \(conflict markers from line 2\).*git add -- \.pilcrow\/articles\/fa\/a\.txt\.json and git commit\.$/);
    expect(findings[4]!.message).toMatch(/omid's labels for fa\/a\.txt still say "ad" \(now "advert"\)/);
    expect(await treeHash(root)).toBe(before);
    expect((await runPilcrow('doctor', await workspaceWith())).out).toMatch(/: nothing to do$/);
  });
});

describe('pilcrow resolve', () => {
  it('merges a label file mid-merge decision by decision (the newer wins), and leaves a settings file for a person', async () => {
    const ours = layer('sara', 'fa/a.txt', { p00000000001: ['quote'], p00000000002: ['claim'] });
    const theirs = layer('sara', 'fa/a.txt', { p00000000002: ['ad'], p00000000003: ['boilerplate'] });
    theirs.paragraphs.p00000000002!.updated_at = '2026-12-05T12:00:00.000Z';
    const conflicted = (a: object, b: object) => `<<<<<<< HEAD\n${JSON.stringify(a, null, 2)}\n=======\n${JSON.stringify(b, null, 2)}\n>>>>>>> theirs\n`;
    const settingsText = conflicted({ ...settings, direction: 'rtl' }, { ...settings, direction: 'ltr' });
    const root = await workspaceWith({ '.pilcrow/annotations/sara/fa/a.txt.json': conflicted(ours, theirs), '.pilcrow/articles/fa/a.txt.json': settingsText });

    const run = await runPilcrow('resolve', root);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^\.pilcrow\/annotations\/sara\/fa\/a\.txt\.json: merged decision by decision: 2 from the other side, 0 where both had one kept the newer; check it, then git add -- /);
    expect(run.err).toMatch(/^\.pilcrow\/articles\/fa\/a\.txt\.json was left as it is: which value of each field to keep is a person’s choice/);
    const merged = annotationFileSchema.parse(JSON.parse(await readFile(join(root, '.pilcrow/annotations/sara/fa/a.txt.json'), 'utf8')));
    expect(Object.fromEntries(Object.entries(merged.paragraphs).map(([id, e]) => [id, e.labels]))).toEqual({ p00000000001: ['quote'], p00000000002: ['ad'], p00000000003: ['boilerplate'] });
    expect(await readFile(join(root, '.pilcrow/articles/fa/a.txt.json'), 'utf8')).toBe(settingsText);
  });
});
