import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../../src-main/core/article';
import { annotationFilePath } from '../../../src-main/node/annotations/paths';
import { runPilcrow } from '../../support/run-cli';
import { sampleCopy, tempDir } from '../node/temp';

async function newsroom(count: number): Promise<string> {
  const ws = await tempDir('team');
  await mkdir(join(ws, 'news'));
  for (let i = 0; i < count; i++) await writeFile(join(ws, 'news', `${String(i).padStart(2, '0')}.txt`), `Headline ${i}\n\nFirst paragraph of story ${i}.\n\nSecond paragraph of story ${i}.\n`);
  return ws;
}

const assignmentsOf = async (ws: string) => {
  const dir = join(ws, '.pilcrow', 'assignments');
  const files = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
};

describe('pilcrow assign', () => {
  it('deals 30 articles to three annotators, 20% of them to two, one line per article in one file per annotator', async () => {
    const ws = await newsroom(30);
    const run = await runPilcrow('assign', ws, '--annotators', 'sara,omid,reza', '--overlap', '20%', '--seed', '3', '--json');
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.assigned).toBe(30);
    expect(result.unassigned).toBe(0);
    expect(Object.values(result.annotators as Record<string, { articles: number; overlap: number }>).reduce((s, a) => s + a.articles, 0)).toBe(36);
    const files = await assignmentsOf(ws);
    expect(Object.keys(files)).toEqual(['.gitattributes', 'omid.jsonl', 'reza.jsonl', 'sara.jsonl']);
    expect(files['.gitattributes']).toContain('*.jsonl merge=union');
    const sara = files['sara.jsonl']!.trimEnd().split('\n');
    expect(JSON.parse(sara[0]!)).toEqual({ version: 1, annotator: 'sara' });
    expect(sara).toHaveLength(1 + result.annotators.sara.articles);
    // The same seed again writes nothing: the files are byte for byte what they were.
    const again = await runPilcrow('assign', ws, '--annotators', 'sara,omid,reza', '--overlap', '20%', '--seed', '3');
    expect(again.out).toContain('nothing changed on disk');
    expect(await assignmentsOf(ws)).toEqual(files);
  });

  it('with --only-unassigned deals out only new articles and leaves every existing line as it was', async () => {
    const ws = await newsroom(12);
    await runPilcrow('assign', ws, '--annotators', 'sara,omid');
    const before = await assignmentsOf(ws);
    for (let i = 12; i < 16; i++) await writeFile(join(ws, 'news', `${i}.txt`), `Late story ${i}.\n`);
    const run = await runPilcrow('assign', ws, '--annotators', 'sara,omid', '--only-unassigned', '--json');
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).assigned).toBe(4);
    const after = await assignmentsOf(ws);
    for (const [file, text] of Object.entries(before)) for (const line of text.trimEnd().split('\n')) expect(after[file]).toContain(line);
    expect(Object.values(after).join('').match(/"article"/g)).toHaveLength(16);
  });

  it('refuses a damaged assignment file with its name and line, and leaves it byte for byte', async () => {
    const ws = await newsroom(4);
    await runPilcrow('assign', ws, '--annotators', 'sara,omid');
    const file = join(ws, '.pilcrow', 'assignments', 'sara.jsonl');
    const damaged = `${await readFile(file, 'utf8')}{"article": "../../etc/passwd", "queue": 9}\n`;
    await writeFile(file, damaged);
    for (const argv of [['assign', ws, '--annotators', 'sara,omid'], ['progress', ws, '--user-data', await tempDir('team-user')]]) {
      const run = await runPilcrow(...argv);
      expect(run.code).toBe(1);
      expect(run.err).toContain('.pilcrow/assignments/sara.jsonl was not read and was left as it is: line 4 should be {"article":"folder/file.txt","queue":N}');
      expect(await readFile(file, 'utf8')).toBe(damaged);
    }
  });

  it('refuses an assignment file in the middle of a git merge, saying how to finish it', async () => {
    const ws = await newsroom(4);
    await runPilcrow('assign', ws, '--annotators', 'sara');
    const file = join(ws, '.pilcrow', 'assignments', 'sara.jsonl');
    const [head, ...rest] = (await readFile(file, 'utf8')).split('\n');
    const merging = [head, '<<<<<<< HEAD', rest[0], '=======', '{"article":"news/99.txt","queue":1}', '>>>>>>> theirs', ...rest.slice(1)].join('\n');
    await writeFile(file, merging);
    const run = await runPilcrow('progress', ws, '--user-data', await tempDir('team-user'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('in the middle of a git merge (conflict markers from line 2)');
    expect(await readFile(file, 'utf8')).toBe(merging);
  });

  it('gives one article by hand to two annotators, and reassigning leaves their label files alone', async () => {
    const ws = await newsroom(6);
    await runPilcrow('assign', ws, '--annotators', 'sara,omid');
    const layer = annotationFilePath(ws, 'sara', 'news/00.txt');
    await mkdir(dirname(layer), { recursive: true });
    await writeFile(layer, JSON.stringify({ version: 1, article: 'news/00.txt', annotator: 'sara', updated_at: '2026-12-01T09:00:00.000Z', status: 'in_progress', paragraphs: {} }));
    const labels = await readFile(layer, 'utf8');
    const run = await runPilcrow('assign', ws, '--article', 'news/00.txt', '--annotators', 'omid,reza');
    expect(run.code, run.err).toBe(0);
    const files = await assignmentsOf(ws);
    expect(files['sara.jsonl']).not.toContain('"news/00.txt"');
    expect(files['omid.jsonl']).toContain('{"article":"news/00.txt","queue":');
    expect(files['reza.jsonl']).toContain('"news/00.txt"');
    expect(await readFile(layer, 'utf8')).toBe(labels);
    expect((await runPilcrow('assign', ws, '--article', 'news/none.txt', '--annotators', 'omid')).err).toContain('no article news/none.txt in this workspace');
  });

  it('names what is wrong with its options', async () => {
    const ws = await newsroom(2);
    expect((await runPilcrow('assign', ws)).err).toContain('assign needs --annotators');
    expect((await runPilcrow('assign', ws, '--annotators', 'a,b', '--overlap', 'lots')).err).toContain('--overlap "lots" is not a share');
    expect((await runPilcrow('assign', ws, '--annotators', 'a', '--overlap', '20%')).err).toContain('--per-article 2 needs at least 2 annotators');
  });
});

describe('pilcrow progress', () => {
  const ARTICLE = 'fa/water-tehran.txt';
  async function layer(ws: string, annotator: string, labels: string[][], times: string[], status: 'in_progress' | 'done' = 'in_progress') {
    const ids = segmentArticle(await readFile(join(ws, ARTICLE), 'utf8'), 'txt').paragraphs.map((p) => p.id);
    const paragraphs = Object.fromEntries(labels.map((l, i) => [ids[i]!, { index: i, labels: l, updated_at: times[i]! }]));
    const path = annotationFilePath(ws, annotator, ARTICLE);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify({ version: 1, article: ARTICLE, annotator, updated_at: times.at(-1), status, paragraphs }));
  }

  it('reports assigned, done, decided, pace, last active and agreement on the shared article, in words and as JSON', async () => {
    const { workspace: ws, userData } = await sampleCopy();
    await runPilcrow('assign', ws, '--article', ARTICLE, '--annotators', 'sara,omid');
    await runPilcrow('assign', ws, '--article', 'en/harbour-wind.txt', '--annotators', 'sara');
    const minutes = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse('2026-12-01T09:00:00Z') + i * 120_000).toISOString());
    await layer(ws, 'sara', [['quote'], ['claim'], [], ['ad']], minutes(4), 'done');
    await layer(ws, 'omid', [['quote'], ['claim'], [], []], minutes(4));
    const run = await runPilcrow('progress', ws, '--user-data', userData, '--json');
    expect(run.code, run.err).toBe(0);
    const p = JSON.parse(run.out);
    const sara = p.annotators.find((a: { annotator: string }) => a.annotator === 'sara');
    expect(sara).toMatchObject({ assigned: 2, done: 1, in_progress: 0, not_started: 1, pace_per_hour: 30, active_minutes: 6, last_active: '2026-12-01T09:06:00.000Z', next: 'en/harbour-wind.txt' });
    expect(sara.paragraphs_decided).toBeGreaterThanOrEqual(4);
    expect(sara.overlap).toMatchObject({ articles: 1, percent_agreement: expect.any(Number) });
    expect(p.unassigned).toBe(3);
    const text = await runPilcrow('progress', ws, '--user-data', userData);
    expect(text.out).toContain('sara: 1 of 2 articles done (50%), 0 in progress, 1 not started');
    expect(text.out).toContain('pace 30 paragraphs/hour over 6 active minutes (team median 30)');
    expect(text.out).toContain('(80% or more is good)');
  });

  it('says there are no assignments yet and how to make them', async () => {
    const { workspace: ws, userData } = await sampleCopy();
    expect((await runPilcrow('progress', ws, '--user-data', userData)).out).toBe('no assignments yet: run pilcrow assign WORKSPACE --annotators a,b,c');
  });
});
