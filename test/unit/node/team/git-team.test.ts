/**
 * The git matrix of issue 15: two editors, one bare repository, pushes and pulls in both orders.
 * After every merge: only the documented conflicts, nothing lost (every decision of both editors
 * exported), agreement right, and a workspace in the middle of a merge read without a byte changing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPilcrow } from '../../../support/run-cli';
import { tempDir } from '../temp';
import { commitAll, Editor, git, gitStatus, hasGit, treeHash, type Decision } from './git-team';
import type { MergeFileView } from '../../../../src-main/shared/contract/schema';

if (!hasGit) console.log('git-team: skipped, git is not installed (.ci/run installs it)');

const editors: Editor[] = [];
afterAll(() => editors.forEach((e) => e.close()));

async function openEditor(name: string, clone: string): Promise<Editor> {
  const editor = await Editor.open(name, clone);
  editors.push(editor);
  return editor;
}

const fact = { name: 'fact', color: '#117733', key: 'Digit5', description: 'A checkable statement' };
const opinion = { name: 'opinion', color: '#aa4499', key: 'Digit6', description: 'A view, not a fact' };

interface ExportDoc {
  records: { annotator: string; article: string; paragraph_id: string; labels: string[] }[];
  skipped: { path: string; reason: string }[];
  counts: { unresolved: number };
}

async function exported(clone: string, ...flags: string[]): Promise<ExportDoc> {
  const out = join(await tempDir('export'), 'labels.json');
  const run = await runPilcrow('export', clone, '--out', out, ...flags);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(await readFile(out, 'utf8')) as ExportDoc;
}

const key = (d: Decision) => `${d.annotator} ${d.article} ${d.paragraph_id} ${[...d.labels].sort().join(',')}`;
const keys = (ds: Decision[]) => ds.map(key).sort();

describe.skipIf(!hasGit)('a workspace shared through git by two editors (real git, bare repository, two clones)', () => {
  it('merges in both orders — two editors adding labels with 0 conflicts, one label or one article changed by both with a conflict finished in the app — exports every decision of both, and reads a mid-merge workspace without changing a byte', { timeout: 120_000 }, async () => {
    const { sharedWorkspace } = await import('./git-team');
    const { clones } = await sharedWorkspace(['sara', 'omid']);
    const decided: Decision[] = [];

    // Round 1: both label the same articles, add a label each, change different articles' settings; sara pushes first.
    let sara = await openEditor('sara', clones.sara!);
    let omid = await openEditor('omid', clones.omid!);
    decided.push(...(await sara.label('fa/a.txt', { 0: ['quote'], 1: ['claim'], 2: ['ad'] })));
    decided.push(...(await sara.label('en/c.txt', { 0: ['quote', 'claim'] })));
    await sara.app.call('schema.edit', { edit: { op: 'add', label: fact } });
    await sara.app.call('article.configure', { articleId: sara.idOf('en/c.txt'), lang: 'en-GB' });
    decided.push(...(await omid.label('fa/a.txt', { 0: ['quote'], 1: ['claim'], 2: ['ad'] })));
    decided.push(...(await omid.label('en/c.txt', { 0: ['quote', 'claim'], 2: ['boilerplate'] })));
    await omid.app.call('schema.edit', { edit: { op: 'add', label: opinion } });
    // A settings change on an article omid never labelled: no label file of his appears.
    await omid.app.call('article.configure', { articleId: omid.idOf('fa/b.txt'), segmentation: 'lines' });
    expect(git(clones.omid!, 'status', '--porcelain', '--untracked-files=all')).not.toContain('annotations/omid/fa/b.txt');

    // What Pilcrow writes for one machine only is ignored, so `git add -A` never shares it.
    expect(await readFile(join(clones.sara!, '.pilcrow/.gitignore'), 'utf8')).toMatch(/^\*\.bak$/m);
    commitAll(clones.sara!, 'sara: labels, fact, en/c.txt in en-GB');
    expect(git(clones.sara!, 'ls-files')).not.toMatch(/\.bak|pilcrow-tmp|quarantine/);
    git(clones.sara!, 'push', '-q', 'origin', 'main');
    commitAll(clones.omid!, 'omid: labels, opinion, fa/b.txt by lines');
    expect(git(clones.omid!, 'ls-files')).not.toMatch(/\.bak|pilcrow-tmp|quarantine/);

    // Two labels added at once are two new files: the pull merges with no conflict at all.
    const pull = gitStatus(clones.omid!, 'pull', '-q', '--no-rebase', 'origin', 'main');
    expect(pull.status, pull.out).toBe(0);
    expect(git(clones.omid!, 'diff', '--name-only', '--diff-filter=U').trim()).toBe('');
    git(clones.omid!, 'push', '-q', 'origin', 'main');
    git(clones.sara!, 'pull', '-q', '--no-rebase', 'origin', 'main');
    for (const clone of [clones.sara!, clones.omid!]) {
      const labels = JSON.parse((await runPilcrow('agreement', clone, '--json')).out) as { per_label: Record<string, unknown> };
      expect(Object.keys(labels.per_label).sort()).toEqual(['ad', 'boilerplate', 'claim', 'fact', 'opinion', 'quote']);
    }

    // Round 1b, the documented conflicts: both recolour one label, and both set one article's language.
    omid.close();
    omid = await openEditor('omid', clones.omid!);
    sara.close();
    sara = await openEditor('sara', clones.sara!);
    await sara.app.call('schema.edit', { edit: { op: 'update', name: 'claim', color: '#111111' } });
    await sara.app.call('article.configure', { articleId: sara.idOf('fa/a.txt'), lang: 'fa-IR' });
    commitAll(clones.sara!, 'sara: claim is darker, fa/a.txt in fa-IR');
    git(clones.sara!, 'push', '-q', 'origin', 'main');
    await omid.app.call('schema.edit', { edit: { op: 'update', name: 'claim', color: '#222222' } });
    await omid.app.call('article.configure', { articleId: omid.idOf('fa/a.txt'), lang: 'fa-AF' });
    commitAll(clones.omid!, 'omid: claim is grey, fa/a.txt in fa-AF');
    const clash = gitStatus(clones.omid!, 'pull', '-q', '--no-rebase', 'origin', 'main');
    expect(clash.status).not.toBe(0);
    expect(git(clones.omid!, 'diff', '--name-only', '--diff-filter=U').trim().split('\n')).toEqual(['.pilcrow/articles/fa/a.txt.json', '.pilcrow/schema/labels/claim.json']);

    // Mid-merge: every read, CLI and app, leaves every byte as it is and says how to finish.
    omid.close();
    const before = await treeHash(clones.omid!);
    const reads = [await runPilcrow('stats', clones.omid!), await runPilcrow('agreement', clones.omid!, '--json'), await runPilcrow('export', clones.omid!, '--out', join(await tempDir('mid'), 'x.json'))];
    for (const run of reads) {
      expect(run.code, run.err).toBe(0);
      expect(run.err).toMatch(/claim\.json.*middle of a git merge \(conflict markers from line \d+\)/);
    }
    omid = await openEditor('omid', clones.omid!);
    for (const path of ['fa/a.txt', 'fa/b.txt', 'en/c.txt']) await omid.open(path);
    await omid.app.call('review.agreement', { annotators: ['omid', 'sara'] });
    const plans = await omid.app.call<MergeFileView[]>('merge.list');
    expect(plans.map((p) => [p.path, p.fields.map((f) => f.field)])).toEqual([['.pilcrow/articles/fa/a.txt.json', ['lang']], ['.pilcrow/schema/labels/claim.json', ['color']]]);
    await expect(omid.app.call('schema.edit', { edit: { op: 'add', label: { name: 'rumour', color: '#777777', key: '', description: '' } } })).rejects.toThrow(/claim\.json cannot be read/);
    omid.close();
    expect(await treeHash(clones.omid!)).toBe(before);

    // Finishing it: pilcrow resolve merges the label (this side's colour) and leaves the settings to a person;
    // in the app omid takes sara's language for the article; then he commits (docs/teams.md).
    const resolved = await runPilcrow('resolve', clones.omid!);
    expect(resolved.code).toBe(1);
    expect(resolved.out).toMatch(/\.pilcrow\/schema\/labels\/claim\.json: kept this side’s color; check it, then git add -- \.pilcrow\/schema\/labels\/claim\.json and git commit/);
    expect(resolved.err).toMatch(/\.pilcrow\/articles\/fa\/a\.txt\.json was left as it is: which value of each field to keep is a person’s choice \(lang\)/);
    omid = await openEditor('omid', clones.omid!);
    const [settingsPlan] = await omid.app.call<MergeFileView[]>('merge.list');
    expect(settingsPlan?.fields).toEqual([{ field: 'lang', ours: '"fa-AF"', theirs: '"fa-IR"' }]);
    expect(await omid.app.call('merge.resolve', { id: settingsPlan!.id, choices: { lang: 'theirs' } })).toMatchObject({ resolved: true });
    expect(await omid.app.call('merge.list')).toEqual([]);
    expect(JSON.parse(await readFile(join(clones.omid!, '.pilcrow/articles/fa/a.txt.json'), 'utf8'))).toMatchObject({ lang: 'fa-IR', updated_by: 'omid' });
    expect(JSON.parse(await readFile(join(clones.omid!, '.pilcrow/schema/labels/claim.json'), 'utf8'))).toMatchObject({ name: 'claim', color: '#222222' });
    git(clones.omid!, 'add', '--', '.pilcrow/schema/labels/claim.json', '.pilcrow/articles/fa/a.txt.json');
    git(clones.omid!, 'commit', '-q', '--no-edit');
    git(clones.omid!, 'push', '-q', 'origin', 'main');
    git(clones.sara!, 'pull', '-q', '--no-rebase', 'origin', 'main');

    for (const clone of [clones.sara!, clones.omid!]) {
      const doc = await exported(clone);
      expect(keys(doc.records)).toEqual(keys(decided));
      expect(doc.skipped).toEqual([]);
      const agreement = JSON.parse((await runPilcrow('agreement', clone, '--json')).out) as { percent_agreement: number; per_label: Record<string, unknown> };
      expect(agreement.percent_agreement).toBe(1);
      expect(Object.keys(agreement.per_label).sort()).toEqual(['ad', 'boilerplate', 'claim', 'fact', 'opinion', 'quote']);
    }

    // Round 2: omid pushes first; sara renames ad → advert (her files migrate), then pulls and merges.
    sara.close();
    omid.close();
    sara = await openEditor('sara', clones.sara!);
    omid = await openEditor('omid', clones.omid!);
    decided.push(...(await omid.label('fa/b.txt', { 0: ['ad'], 1: ['quote'] })));
    await omid.app.call('article.configure', { articleId: omid.idOf('fa/a.txt'), lang: 'fa' });
    commitAll(clones.omid!, 'omid: fa/b.txt, fa/a.txt in fa');
    git(clones.omid!, 'push', '-q', 'origin', 'main');
    omid.close();

    decided.push(...(await sara.label('fa/b.txt', { 0: ['ad'], 1: ['quote'] })));
    await sara.app.call('schema.edit', { edit: { op: 'rename', from: 'ad', to: 'advert' } });
    commitAll(clones.sara!, 'sara: fa/b.txt, ad is now advert');
    const merge = gitStatus(clones.sara!, 'pull', '-q', '--no-rebase', 'origin', 'main');
    expect(merge.status, merge.out).toBe(0);
    git(clones.sara!, 'push', '-q', 'origin', 'main');
    git(clones.omid!, 'pull', '-q', '--no-rebase', 'origin', 'main');

    // omid's layer still says "ad" (his app has not opened it since): every reader applies the rename.
    expect(await readFile(join(clones.omid!, '.pilcrow/annotations/omid/fa/b.txt.json'), 'utf8')).toContain('"ad"');
    const renamed = decided.map((d) => ({ ...d, labels: d.labels.map((l) => (l === 'ad' ? 'advert' : l)) }));
    for (const clone of [clones.sara!, clones.omid!]) {
      expect(keys((await exported(clone)).records)).toEqual(keys(renamed));
      // Both put "ad" (one of them now read as "advert") on these two paragraphs: the majority agrees.
      const majority = await exported(clone, '--resolve', 'majority');
      expect(majority.records.filter((r) => r.labels.includes('advert')).map((r) => r.article).sort()).toEqual(['fa/a.txt', 'fa/b.txt']);
      const agreement = JSON.parse((await runPilcrow('agreement', clone, '--json')).out) as { percent_agreement: number; per_label: Record<string, unknown> };
      expect(agreement.percent_agreement).toBe(1);
      expect(Object.keys(agreement.per_label).sort()).toEqual(['advert', 'boilerplate', 'claim', 'fact', 'opinion', 'quote']);
    }
    expect(git(clones.sara!, 'status', '--porcelain')).toBe('');
  });
});
