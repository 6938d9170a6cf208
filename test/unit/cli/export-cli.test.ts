import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPilcrow as run } from '../../support/run-cli';
import { tempDir } from '../node/temp';
import { fixtureWorkspace } from '../node/export/fixture';

describe('pilcrow export flags', () => {
  it('writes JSONL to standard output without --out, progress and skipped files on stderr', async () => {
    const root = await fixtureWorkspace();
    const result = await run('export', root, '--format', 'jsonl', '--annotator', 'omid', '--annotator', 'sara', '--labels', 'quote,claim');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n').map((l) => JSON.parse(l));
    expect(new Set(lines.map((l) => l.annotator))).toEqual(new Set(['omid', 'sara']));
    expect(lines.every((l) => l.labels.every((x: string) => ['quote', 'claim'].includes(x)))).toBe(true);
    expect(result.err).toMatch(/^export: 3\/3 articles, 7 records$/m);
    expect(result.err).toContain('wrote 7 records from 2 articles');
  });

  it('resolves, splits with a seed and reproduces the same bytes', async () => {
    const root = await fixtureWorkspace(10);
    const dir = await tempDir('cli');
    // Only the gold layer: one article, all of it in train once that is allowed.
    const args = ['export', root, '--resolve', 'gold,majority,single', '--split', '80,10,10', '--seed', '9', '--reproducible', '--gold', '--allow-empty-split'];
    expect((await run(...args, '--out', join(dir, 'a.json'))).code).toBe(0);
    const b = await run(...args, '--out', join(dir, 'b.json'));
    expect(b.err).toMatch(/^\d+ paragraphs got no answer: \d+ tied/m);
    expect(await readFile(join(dir, 'b.json'), 'utf8')).toBe(await readFile(join(dir, 'a.json'), 'utf8'));
    const doc = JSON.parse(await readFile(join(dir, 'a.json'), 'utf8'));
    expect(doc.filters).toMatchObject({ resolve: ['gold', 'majority', 'single'], split: { ratios: [80, 10, 10], seed: 9 } });
    expect(doc.records.every((r: { split?: string; resolved_from?: string }) => r.split && r.resolved_from)).toBe(true);
  });

  it('refuses a split that leaves dev and test without articles, writing nothing, until --allow-empty-split', async () => {
    const root = await fixtureWorkspace();
    const out = join(await tempDir('cli'), 'split.jsonl');
    const refused = await run('export', root, '--format', 'jsonl', '--split', '80,10,10', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n').at(-1)).toBe(
      'pilcrow: Splitting 2 articles 80/10/10: dev and test would get no article (train 2, dev 0, test 0); nothing was written. Label more articles, change the weights (0 for a split you do not want), or pass --allow-empty-split to write it anyway',
    );
    await expect(readFile(out)).rejects.toThrow();
    const allowed = await run('export', root, '--format', 'jsonl', '--split', '80,10,10', '--allow-empty-split', '--out', out);
    expect(allowed.code).toBe(0);
    expect((await readFile(out, 'utf8')).trimEnd().split('\n').every((l) => JSON.parse(l).split === 'train')).toBe(true);
    expect((await run('export', root, '--allow-empty-split')).err).toBe('pilcrow: --allow-empty-split goes with --split, e.g. --split 80,10,10 --allow-empty-split');
  });

  it('counts on stderr the tied and undecided paragraphs a resolved export leaves out, or writes with no answer', async () => {
    const root = await fixtureWorkspace();
    const out = join(await tempDir('cli'), 'resolved.json');
    const left = await run('export', root, '--resolve', 'majority', '--out', out);
    expect(left.err).toContain(
      '6 paragraphs got no answer: 1 tied (as many annotators for one answer as for another), 5 undecided (nobody, or too few for the steps chosen, decided them); left out (--include-untouched writes them with no answer)',
    );
    const written = await run('export', root, '--resolve', 'majority', '--include-untouched', '--out', out);
    expect(written.err).toContain('6 paragraphs got no answer: 1 tied');
    expect(written.err).toContain('; written with annotator "unresolved" and labels null');
    expect((await run('export', root, '--out', out)).err).not.toContain('got no answer');
  });

  it('explains bad flag values in one line', async () => {
    const root = await fixtureWorkspace();
    expect((await run('export', root, '--format', 'xml')).err).toBe('pilcrow: --format must be one of json, jsonl, csv, parquet, hf; got "xml"');
    expect((await run('export', root, '--split', '80,20')).err).toBe('pilcrow: --split wants three non-negative numbers for train,dev,test such as 80,10,10; got "80,20"');
    expect((await run('export', root, '--seed', '3')).err).toBe('pilcrow: --seed goes with --split, e.g. --split 80,10,10 --seed 7');
    expect((await run('export', root, '--annotator', 'nobody')).err).toBe('pilcrow: no layer named "nobody" in this workspace; layers here: gold, omid, sara');
  });
});

describe('pilcrow stats', () => {
  it('prints counts per label, status and annotator as JSON', async () => {
    const root = await fixtureWorkspace();
    const result = await run('stats', root, '--json');
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.out);
    expect(stats).toMatchObject({ articles: 2, paragraphs: 7, labels: { quote: 3, claim: 3, boilerplate: 1, ad: 0 } });
    expect(stats.annotators.sara).toMatchObject({ articles: { done: 1, in_progress: 0, untouched: 1 }, paragraphs: { labelled: 2, none: 2, untouched: 3 }, flagged: 1, notes: 1 });
    expect(stats.status).toEqual({ done: 1, in_progress: 3, untouched: 2 });
    expect(result.err).toMatch(/^skipped broken\.txt: /);
    expect((await run('stats', root)).out).toContain('sara: articles done 1, in progress 0, untouched 1');
  });
});

describe('pilcrow import', () => {
  it('imports an export as a named layer, lists unmatched records, and changes nothing the second time', async () => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('imp'), 'omid.jsonl');
    await writeFile(file, (await run('export', root, '--format', 'jsonl', '--annotator', 'omid')).out + '\n');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    lines.push(JSON.stringify({ ...JSON.parse(lines[0]!), article: 'elsewhere.txt' }));
    await writeFile(file, lines.join('\n') + '\n');
    const first = await run('import', root, file, '--annotator', 'omid-laptop');
    expect(first.code).toBe(0);
    expect(first.out).toBe(`${file}: read as a Pilcrow export, 4 records\nomid-laptop: 3 matched, 1 unmatched, 0 kept newer, 3 of 3 label files changed`);
    expect(first.err).toMatch(/^unmatched line 4, elsewhere\.txt paragraph 1 \(p[0-9a-z]+\): no article elsewhere\.txt in this workspace; kept in the layer's orphans$/);
    const second = await run('import', root, file, '--annotator', 'omid-laptop');
    expect(second.out).toContain('0 of 3 label files changed');
  });

  it('imports the gold layer only with --as-gold', async () => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('imp'), 'gold.jsonl');
    await writeFile(file, (await run('export', root, '--format', 'jsonl', '--annotator', 'gold')).out + '\n');
    const copy = await fixtureWorkspace();
    const refused = await run('import', copy, file);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`pilcrow: ${file}, line 1: nothing was imported: a record is for the gold layer (the reviewers' adjudicated answers, which decide resolution and scoring); if it holds adjudicated answers you trust, import it again with --as-gold`);
    const accepted = await run('import', copy, file, '--as-gold');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/\ngold: 1 matched, 0 unmatched, 0 kept newer/);
  });

  it('says what is wrong with a file it cannot import', async () => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('imp'), 'notes.jsonl');
    await writeFile(file, '{"hello": 1}\n');
    const result = await run('import', root, file);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`pilcrow: ${file}, line 1 (read as plain JSON records): has none of the fields of a record (article, paragraph_id, paragraph, text, labels); it has hello. Import a Pilcrow export, records with those fields, or a Label Studio, doccano or Prodigy export; nothing was imported`);
    expect((await run('import', root)).err).toBe('pilcrow: import takes a WORKSPACE and a FILE; run pilcrow --help');
  });

  it('refuses --out inside .pilcrow/ or over an article, before writing anything: the schema survives', async () => {
    const root = await fixtureWorkspace();
    await run('export', root, '--out', join(root, 'ok.json')); // a target inside the workspace but not an article is fine
    const schema = join(root, '.pilcrow', 'schema.json');
    await writeFile(schema, JSON.stringify({ version: 1, mode: 'multi', labels: [{ name: 'quote', color: '#2f6fde', key: 'Digit1', description: '' }] }));
    const before = await readFile(schema);
    const intoPilcrow = await run('export', root, '--out', schema);
    expect(intoPilcrow.code).toBe(1);
    expect(intoPilcrow.err).toBe(`pilcrow: cannot write the export to ${schema}: it is inside the workspace's .pilcrow folder, which holds its label schema, settings and everyone's labels. Choose a file outside .pilcrow/, for example beside the workspace folder`);
    expect(await readFile(schema)).toEqual(before);
    // A new file in .pilcrow/, reached through a link from outside the workspace, too.
    const alias = join(await tempDir('cli'), 'alias');
    await symlink(join(root, '.pilcrow', 'annotations'), alias, 'dir');
    const viaLink = await run('export', root, '--out', join(alias, 'x.json'));
    expect(viaLink.code).toBe(1);
    expect(viaLink.err).toMatch(/inside the workspace's \.pilcrow folder/);
    const article = join(root, 'en', 'harbour.md');
    const articleBytes = await readFile(article);
    const overArticle = await run('export', root, '--out', join(root, 'fa', 'new.jsonl'));
    expect(overArticle.err).toMatch(/inside the workspace, that name is an article \(fa\/new\.jsonl\)/);
    expect((await run('export', root, '--format', 'csv', '--out', article)).code).toBe(1);
    expect(await readFile(article)).toEqual(articleBytes);
  });
});
