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
  it('merges in both orders with only the documented conflict, exports every decision of both, and reads a mid-merge workspace without changing a byte', { timeout: 120_000 }, async () => {
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

    const pull = gitStatus(clones.omid!, 'pull', '-q', '--no-rebase', 'origin', 'main');
    // The one documented conflict: both editors added a label to schema.json (docs/teams.md).
    expect(pull.status).not.toBe(0);
    expect(git(clones.omid!, 'diff', '--name-only', '--diff-filter=U').trim().split('\n')).toEqual(['.pilcrow/schema.json']);

    // Mid-merge: every read, CLI and app, leaves every byte as it is and says how to finish.
    omid.close();
    const before = await treeHash(clones.omid!);
    const reads = [await runPilcrow('stats', clones.omid!), await runPilcrow('agreement', clones.omid!, '--json'), await runPilcrow('export', clones.omid!, '--out', join(await tempDir('mid'), 'x.json'))];
    for (const run of reads) {
      expect(run.code, run.err).toBe(0);
      expect(run.err).toMatch(/schema\.json.*middle of a git merge \(conflict markers from line \d+\).*git add -- .*schema\.json and git commit/);
    }
    omid = await openEditor('omid', clones.omid!);
    for (const path of ['fa/a.txt', 'fa/b.txt', 'en/c.txt']) await omid.open(path);
    await omid.app.call('review.agreement', { annotators: ['omid', 'sara'] });
    omid.close();
    expect(await treeHash(clones.omid!)).toBe(before);

    // Finishing it: pilcrow resolve merges the schema label by label; the editor commits (docs/teams.md).
    const resolved = await runPilcrow('resolve', clones.omid!);
    expect(resolved.code, resolved.err).toBe(0);
    expect(resolved.out).toMatch(/\.pilcrow\/schema\.json: merged label by label: quote, claim, boilerplate, ad, opinion, fact \(from the other side: fact\); check it, then git add -- \.pilcrow\/schema\.json and git commit/);
    git(clones.omid!, 'add', '--', '.pilcrow/schema.json');
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
    sara = await openEditor('sara', clones.sara!);
    omid = await openEditor('omid', clones.omid!);
    decided.push(...(await omid.label('fa/b.txt', { 0: ['ad'], 1: ['quote'] })));
    await omid.app.call('article.configure', { articleId: omid.idOf('fa/a.txt'), lang: 'fa-IR' });
    commitAll(clones.omid!, 'omid: fa/b.txt, fa/a.txt in fa-IR');
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
