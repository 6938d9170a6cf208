import { mkdir, readdir, readFile, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { LayerReader } from '../../../../src-main/node/annotations/store';
import type { RecoveryReport } from '../../../../src-main/node/storage';
import { ProgressSummaries } from '../../../../src-main/node/team/progress-cache';
import { workspaceProgress } from '../../../../src-main/node/team/team';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { runPilcrow } from '../../../support/run-cli';
import { tempDir } from '../temp';

const ARTICLES = 6;

/** Six stories dealt to sara, omid and reza, two of them to two annotators; every layer written. */
async function team(): Promise<{ ws: string; userData: string }> {
  const ws = await tempDir('progress-cache');
  const userData = await tempDir('progress-cache-user');
  await mkdir(join(ws, 'news'));
  for (let i = 0; i < ARTICLES; i++) await writeFile(join(ws, 'news', `${i}.txt`), `Story ${i}, first.\n\nStory ${i}, second.\n\nStory ${i}, third.\n`);
  const assign = await runPilcrow('assign', ws, '--annotators', 'sara,omid,reza', '--overlap', '34%', '--seed', '5');
  expect(assign.code, assign.err).toBe(0);
  for (const name of ['sara', 'omid', 'reza']) {
    const lines = (await readFile(join(ws, '.pilcrow', 'assignments', `${name}.jsonl`), 'utf8')).trimEnd().split('\n').slice(1);
    for (const [n, line] of lines.entries()) await writeLayer(ws, name, (JSON.parse(line) as { article: string }).article, n % 2 ? 'done' : 'in_progress', name === 'reza' ? 'claim' : 'quote', n);
  }
  return { ws, userData };
}

async function writeLayer(ws: string, annotator: string, article: string, status: 'done' | 'in_progress', label: string, minute: number): Promise<string> {
  const at = (p: number) => new Date(Date.parse('2026-12-01T09:00:00Z') + (minute * 3 + p) * 60_000).toISOString();
  const paragraphs = Object.fromEntries([0, 1, 2].map((p) => [`p${p}`, { index: p, labels: p === 1 ? [] : [label], updated_at: at(p) }]));
  const file = annotationFilePath(ws, annotator, article);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ version: 1, article, annotator, updated_at: at(2), status, paragraphs }));
  return file;
}

/** A LayerReader that counts the files it reads. */
class CountingReader extends LayerReader {
  reads: string[] = [];
  override readLayers(wanted: readonly { annotator: string; article: string }[]) {
    for (const w of wanted) this.reads.push(`${w.annotator}/${w.article}`);
    return super.readLayers(wanted);
  }
}

async function progress(ws: string, summaries: ProgressSummaries) {
  const reports: RecoveryReport[] = [];
  const workspace = await Workspace.open(ws);
  const reader = new CountingReader(workspace.root, (r) => reports.push(r));
  const result = await workspaceProgress(workspace, reader, ['quote', 'claim'], summaries);
  return { result, reads: reader.reads, reports };
}

const fresh = async (ws: string) => (await progress(ws, new ProgressSummaries(null))).result;

describe('team progress from kept summaries', () => {
  it('reads only the teammate file that changed, and gives what a fresh reading gives', async () => {
    const { ws, userData } = await team();
    const files = async () => (await readdir(ws, { recursive: true })).sort();
    const before = await files();
    const first = await progress(ws, new ProgressSummaries(userData));
    expect(first.reads.length).toBeGreaterThanOrEqual(ARTICLES);
    expect(first.result.overlap.paragraphs).toBeGreaterThan(0);
    // A new process (the next `pilcrow progress`) starts from the summaries in user data.
    const second = await progress(ws, new ProgressSummaries(userData));
    expect(second.reads).toEqual([]);
    expect(second.result).toEqual(first.result);
    // A teammate's pull brings omid's new decisions on a shared article.
    const omidLines = (await readFile(join(ws, '.pilcrow', 'assignments', 'omid.jsonl'), 'utf8')).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as { article: string; overlap?: boolean });
    const shared = omidLines.find((l) => l.overlap)!.article;
    await writeLayer(ws, 'omid', shared, 'done', 'claim', 40);
    const third = await progress(ws, new ProgressSummaries(userData));
    expect(third.reads).toEqual([`omid/${shared}`]);
    expect(third.result).toEqual(await fresh(ws));
    expect(third.result).not.toEqual(first.result);
    // Nothing of it is written into the workspace: the summaries are in user data.
    expect(await readdir(join(userData, 'progress'))).toHaveLength(1);
    expect(await files()).toEqual(before);
  });

  it('names a mid-merge teammate file on every call, never keeps a summary of it, and keeps it byte for byte', async () => {
    const { ws, userData } = await team();
    const summaries = new ProgressSummaries(userData);
    await progress(ws, summaries);
    const file = annotationFilePath(ws, 'reza', (JSON.parse((await readFile(join(ws, '.pilcrow', 'assignments', 'reza.jsonl'), 'utf8')).split('\n')[1]!) as { article: string }).article);
    const merging = `<<<<<<< HEAD\n${await readFile(file, 'utf8')}\n=======\n{}\n>>>>>>> theirs\n`;
    await writeFile(file, merging);
    for (const run of [await progress(ws, summaries), await progress(ws, new ProgressSummaries(userData))]) {
      expect(run.reports.map((r) => [r.file, r.midMerge])).toEqual([[file, true]]);
      expect(run.result).toEqual(await fresh(ws));
    }
    expect(await readFile(file, 'utf8')).toBe(merging);
  });

  it('notices a teammate file rewritten in place to the same size (same inode, same length)', async () => {
    const { ws, userData } = await team();
    const first = await progress(ws, new ProgressSummaries(userData));
    // A shared article: agreement with the teammate changes with the label.
    const lines = (await readFile(join(ws, '.pilcrow', 'assignments', 'sara.jsonl'), 'utf8')).trimEnd().split('\n').slice(1);
    const article = lines.map((l) => JSON.parse(l) as { article: string; overlap?: boolean }).find((l) => l.overlap)!.article;
    const file = annotationFilePath(ws, 'sara', article);
    const before = await stat(file);
    // A sync tool writing in place: "quote" becomes "claim", five letters for five.
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('"quote"', '"claim"'));
    const after = await stat(file);
    expect([after.ino, after.size]).toEqual([before.ino, before.size]);
    const run = await progress(ws, new ProgressSummaries(userData));
    expect(run.reads).toEqual([`sara/${article}`]);
    expect(run.result).toEqual(await fresh(ws));
    expect(run.result).not.toEqual(first.result);
  });

  it.each([
    ['an annotator\'s folder', 'sara', ['sara']],
    ['a folder deeper down', 'omid', ['omid', 'news']],
  ])('does not take files whose folder (%s) was swapped for a link to the same files as the ones it read', async (_, annotator, parts) => {
    const { ws, userData } = await team();
    await progress(ws, new ProgressSummaries(userData));
    // The folder moved away and a link to it put in its place: its files keep their identity.
    const folder = join(ws, '.pilcrow', 'annotations', ...parts);
    const away = join(await tempDir('progress-cache-away'), parts.at(-1)!);
    await rename(folder, away);
    await symlink(away, folder);
    const run = await progress(ws, new ProgressSummaries(userData));
    expect(run.reads.filter((r) => r.startsWith(`${annotator}/`)).length).toBeGreaterThan(0);
    expect(run.reports.length).toBeGreaterThan(0);
    expect(run.reports.every((r) => r.file.startsWith(folder) && r.problem.includes('symbolic link'))).toBe(true);
    expect(run.result.annotators.find((a) => a.annotator === annotator)!.paragraphs_decided).toBe(0);
    expect(run.result).toEqual(await fresh(ws));
  });

  it('rewrites no kept file when nothing changed, and gives the kept progress only while nothing it is made of changed', async () => {
    const { ws, userData } = await team();
    const kept = async () => {
      const files = await Promise.all(['progress', 'progress-result'].map(async (kind) => (await readdir(join(userData, kind))).map((f) => join(userData, kind, f))));
      return Promise.all(files.flat().map(async (f) => `${f} ${(await stat(f)).ino} ${(await stat(f)).mtimeMs}`));
    };
    const first = await progress(ws, new ProgressSummaries(userData));
    const written = await kept();
    expect(written).toHaveLength(2);
    const again = await progress(ws, new ProgressSummaries(userData));
    expect(again.result).toEqual(first.result);
    expect(await kept()).toEqual(written);
    // A new article: one more assigned to nobody.
    await writeFile(join(ws, 'news', 'late.txt'), 'A late story.\n');
    const added = await progress(ws, new ProgressSummaries(userData));
    expect(added.result).toEqual(await fresh(ws));
    expect(added.result.unassigned).toBe(first.result.unassigned + 1);
    // The lead gives it to sara: her queue is one longer.
    expect((await runPilcrow('assign', ws, '--article', 'news/late.txt', '--annotators', 'sara')).code).toBe(0);
    const assigned = await progress(ws, new ProgressSummaries(userData));
    expect(assigned.result).toEqual(await fresh(ws));
    expect(assigned.result.annotators.find((a) => a.annotator === 'sara')!.assigned).toBe(added.result.annotators.find((a) => a.annotator === 'sara')!.assigned + 1);
  });

  it('keeps no summaries under other label renames', async () => {
    const { ws, userData } = await team();
    const summaries = new ProgressSummaries(userData);
    await progress(ws, summaries);
    const workspace = await Workspace.open(ws);
    const same = new CountingReader(workspace.root);
    await workspaceProgress(workspace, same, ['quote', 'claim'], summaries);
    expect(same.reads).toEqual([]);
    const renamed = new CountingReader(workspace.root, () => {}, () => new Map([['quote', 'citation']]));
    const result = await workspaceProgress(workspace, renamed, ['citation', 'claim'], summaries);
    expect(renamed.reads.length).toBeGreaterThanOrEqual(ARTICLES);
    expect(result.overlap.paragraphs).toBeGreaterThan(0);
  });
});
