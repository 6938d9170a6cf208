import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/pilcrow';
import { sampleCopy, tempDir } from '../node/temp';

async function pilcrow(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Copies one annotator's layer files under another name (e.g. the reference as gold). */
async function copyLayer(workspace: string, from: string, to: string): Promise<void> {
  const base = join(workspace, '.pilcrow', 'annotations');
  for (const entry of await readdir(join(base, from), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(base, to, source.slice(join(base, from).length + 1));
    await mkdir(dirname(target), { recursive: true });
    const layer = JSON.parse(await readFile(source, 'utf8'));
    await writeFile(target, JSON.stringify({ ...layer, annotator: to }));
  }
}

describe('pilcrow suggest', () => {
  it('says on stderr which damaged settings and article-settings files it quarantined', async () => {
    const { workspace } = await sampleCopy();
    await mkdir(join(workspace, '.pilcrow', 'articles', 'fa'), { recursive: true });
    await writeFile(join(workspace, '.pilcrow', 'suggest.json'), '{"version":1,"thresholds":{"quote":0.');
    await writeFile(join(workspace, '.pilcrow', 'articles', 'fa', 'water-tehran.txt.json'), 'null');
    const { code, err } = await pilcrow('suggest', workspace, '--json');
    expect(code).toBe(0);
    expect(err).toMatch(/^recovered \S+\/\.pilcrow\/suggest\.json: invalid or truncated JSON .*; it had no valid backup; the damaged bytes are in \S+\/\.pilcrow\/quarantine\/\S+\.corrupt$/m);
    expect(err).toMatch(/^recovered \S+\/water-tehran\.txt\.json: contains JSON null instead of data; it had no valid backup; the damaged bytes are in \S+\.corrupt$/m);
  });

  it('prints every suggestion at the workspace thresholds as JSON rows in the documented shape', async () => {
    const { workspace } = await sampleCopy();
    const { code, out, err } = await pilcrow('suggest', workspace, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    for (const row of rows) expect(Object.keys(row)).toEqual(['article', 'paragraph', 'paragraph_id', 'label', 'score', 'suggester', 'reason']);
    expect(rows.every((r) => (r.score as number) >= 0.5 && (r.score as number) <= 1)).toBe(true);
    expect(rows).toContainEqual({
      article: 'fa/water-tehran.txt',
      paragraph: 8,
      paragraph_id: 'p17v4isn900i',
      label: 'boilerplate',
      score: 0.95,
      suggester: 'repeated',
      reason: "An end-of-story marker: the site's text, not the story's.",
    });
    expect(new Set(rows.map((r) => r.article))).toEqual(new Set(['en/harbour-wind.txt', 'en/library-hours.md', 'fa/rail-isfahan.txt', 'fa/school-semnan.txt', 'fa/water-tehran.txt']));
  });

  it('restricts to one article with --article, and names an article that is not there', async () => {
    const { workspace } = await sampleCopy();
    const rows = JSON.parse((await pilcrow('suggest', workspace, '--article', 'en/library-hours.md', '--json')).out) as { article: string; paragraph: number; label: string }[];
    expect(new Set(rows.map((r) => r.article))).toEqual(new Set(['en/library-hours.md']));
    expect(rows.filter((r) => r.paragraph === 7).map((r) => r.label)).toEqual(['ad']);
    const missing = await pilcrow('suggest', workspace, '--article', 'en/nope.txt');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^pilcrow: no article "en\/nope.txt" in .*; give its workspace-relative path/);
  });

  it('adds a model layer from --predictions and lists the records that match nothing on stderr', async () => {
    const { workspace, root } = await sampleCopy();
    const file = join(root, 'fa-bert.jsonl');
    await writeFile(file, [JSON.stringify({ article: 'fa/rail-isfahan.txt', paragraph: 6, labels: ['claim'], score: 0.81 }), JSON.stringify({ article: 'fa/rail-isfahan.txt', paragraph: 99, labels: ['ad'] })].join('\n'));
    const { code, out, err } = await pilcrow('suggest', workspace, '--predictions', file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toContainEqual({ article: 'fa/rail-isfahan.txt', paragraph: 6, paragraph_id: 'p1bih0y17tyd', label: 'claim', score: 0.81, suggester: 'model:fa-bert', reason: 'Predicted by the model "fa-bert" with score 0.81.' });
    expect(err).toBe('predictions: fa-bert.jsonl line 2: fa/rail-isfahan.txt has 15 paragraphs; there is no paragraph 99');
    const unreadable = await pilcrow('suggest', workspace, '--predictions', join(root, 'absent.jsonl'), '--json');
    expect(unreadable.err).toMatch(/absent\.jsonl cannot be read \(ENOENT\); check the path/);
  });

  it('prints a readable list without --json', async () => {
    const { workspace } = await sampleCopy();
    const { out } = await pilcrow('suggest', workspace, '--article', 'en/harbour-wind.txt');
    expect(out.split('\n')[0]).toBe('en/harbour-wind.txt');
    expect(out).toContain('  ¶14   ad           0.90  ad-cues     After the end marker: names a kind of business or offer ("insurance").');
  });
});

describe('pilcrow suggest-eval', () => {
  it('prints precision, recall and F1 per label per suggester against an annotator, as JSON', async () => {
    const { workspace } = await sampleCopy({ reference: true });
    const { code, out } = await pilcrow('suggest-eval', workspace, '--against', 'reference', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ against: 'reference', items: 73, articles: 5, thresholds: { quote: 0.5, claim: 0.5, boilerplate: 0.5, ad: 0.5 } });
    expect(Object.keys(report.suggesters)).toEqual(['repeated', 'ad-cues', 'quote-cues', 'claim-cues']);
    expect(report.suggesters.repeated.boilerplate).toEqual({ tp: 31, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(Object.keys(report.combined)).toEqual(['quote', 'claim', 'boilerplate', 'ad']);
  });

  it('measures against gold and follows the workspace settings: a suggester turned off is not measured', async () => {
    const { workspace } = await sampleCopy({ reference: true });
    await copyLayer(workspace, 'reference', 'gold');
    await writeFile(join(workspace, '.pilcrow', 'suggest.json'), JSON.stringify({ version: 1, enabled: { 'quote-cues': false }, thresholds: { boilerplate: 0.9 } }));
    const report = JSON.parse((await pilcrow('suggest-eval', workspace, '--against', 'gold', '--json')).out);
    expect(report.against).toBe('gold');
    expect(Object.keys(report.suggesters)).toEqual(['repeated', 'ad-cues', 'claim-cues']);
    // At 0.9 only end markers, lines that recur after them and the title printed twice are shown.
    expect(report.suggesters.repeated.boilerplate).toMatchObject({ tp: 16, fp: 0, fn: 15 });
    expect(report.combined.quote).toMatchObject({ tp: 0, fn: 18 });
  });

  it('prints a table, and says which layers exist when the one asked for does not', async () => {
    const { workspace } = await sampleCopy({ reference: true });
    const table = await pilcrow('suggest-eval', workspace, '--against', 'reference');
    expect(table.out.split('\n')[0]).toBe('against "reference": 73 decided paragraphs in 5 articles');
    expect(table.out).toMatch(/repeated\s+boilerplate\s+1\.000\s+1\.000\s+1\.000\s+31\/0\/0/);
    const nobody = await pilcrow('suggest-eval', workspace, '--against', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toMatch(/^pilcrow: no layer named "nobody" in .* \(layers here: reference\)$/);
    expect((await pilcrow('suggest-eval', workspace)).err).toBe('pilcrow: suggest-eval needs --against ANNOTATOR (or --against gold); run pilcrow --help');
    const empty = await tempDir('empty');
    await cp(join(workspace, 'en'), join(empty, 'en'), { recursive: true });
    expect((await pilcrow('suggest-eval', empty, '--against', 'gold')).err).toMatch(/this workspace has no labels yet/);
  });
});
