import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportOptionsSchema, type ExportOptions, type ExportProgress } from '../../../../src-main/shared/contract/export';
import { EmptySplitError, ExportCancelledError } from '../../../../src-main/node/export/run-export';
import { exportToFile, exportToStream } from '../../../../src-main/node/export/write-export';
import { tempDir } from '../temp';
import { exportEnv, fixtureWorkspace, paragraphsOf, parseCsv, schemaValidators, T3, writeLayer } from './fixture';

const options = (o: Partial<ExportOptions> = {}) => exportOptionsSchema.parse(o);

async function exportFile(root: string, o: Partial<ExportOptions>, name = `out.${o.format ?? 'json'}`) {
  const out = join(await tempDir('out'), name);
  const { env, warnings } = await exportEnv(root);
  const outcome = await exportToFile(env, options(o), out);
  return { out, text: await readFile(out, 'utf8'), outcome, warnings };
}

describe('export formats', () => {
  it('writes a JSON document that validates against the shipped schema, with offsets that slice the article text', async () => {
    const root = await fixtureWorkspace();
    const { text, outcome } = await exportFile(root, { format: 'json' });
    const doc = JSON.parse(text);
    const { document } = await schemaValidators();
    expect(document(doc), JSON.stringify(document.errors)).toBe(true);
    expect(doc).toMatchObject({ schema_version: 2, offset_unit: 'code_point', annotators: ['gold', 'omid', 'sara'], label_mode: 'multi' });
    expect(doc.label_schema[0]).toEqual({ name: 'quote', color: '#2f6fde', key: 'Digit1', description: expect.any(String) });
    const texts = new Map<string, string>(doc.articles.map((a: { path: string; text: string }) => [a.path, a.text]));
    for (const r of doc.records) expect([...texts.get(r.article)!].slice(r.start, r.end).join('')).toBe(r.text);
    // Persian with an emoji before it: code points, not UTF-16 units.
    const quote = doc.records.find((r: { annotator: string; paragraph: number }) => r.annotator === 'sara' && r.paragraph === 1);
    expect(quote).toMatchObject({ start: 20, labels: ['quote', 'claim'], note: 'نام وزیر؟', flagged: true, status: 'done', done_at: T3 });
    const fa = doc.articles.find((a: { path: string }) => a.path === 'fa/water 😀.txt');
    expect(fa.layers.sara).toEqual({ status: 'done', updated_at: T3, done_at: T3 });
    expect(fa.paragraphs[1].decisions.gold).toMatchObject({ labels: ['quote', 'claim'], reviewer: 'mina', took: 'annotator:sara' });
    expect(doc.counts).toEqual(outcome.counts);
    expect(doc.counts).toMatchObject({ articles: 2, records: 8, labelled: 5, none: 3, skipped: 0 });
  });

  it('writes JSONL whose every line validates against the record schema and equals the JSON document’s records', async () => {
    const root = await fixtureWorkspace();
    const { text } = await exportFile(root, { format: 'jsonl' });
    const { record } = await schemaValidators();
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    for (const line of lines) expect(record(line), JSON.stringify(record.errors)).toBe(true);
    const doc = JSON.parse((await exportFile(root, { format: 'json' })).text);
    expect(lines).toEqual(doc.records);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('carries the same records in JSON and JSONL for a long article written in pieces, each article line exactly its JSON', async () => {
    // Longer than every buffer on the way (256 KB of output, 16 K-character pieces), emoji included.
    const root = await fixtureWorkspace();
    const long = Array.from({ length: 1500 }, (_, i) => `پاراگراف ${i} 😀 «نقل‌قول» و "گیومه"`).join('\n\n');
    await writeFile(join(root, 'fa', 'long.txt'), long);
    const paragraphs = paragraphsOf(long);
    expect(paragraphs).toHaveLength(1500);
    for (const [annotator, labels] of [['sara', ['claim']], ['omid', ['quote']]] as const) {
      const decided = Object.fromEntries(paragraphs.map((p) => [p.id, { index: p.index, labels: p.index % 3 ? [...labels] : [], updated_at: T3 }]));
      await writeLayer(root, { article: 'fa/long.txt', annotator, paragraphs: decided });
    }
    for (const choice of [{}, { resolve: ['gold', 'majority', 'single'] }, { split: { ratios: [1, 1, 1] as [number, number, number], seed: 5 } }]) {
      const json = (await exportFile(root, { format: 'json', ...choice })).text;
      const jsonl = (await exportFile(root, { format: 'jsonl', ...choice })).text;
      const doc = JSON.parse(json);
      expect(jsonl.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(doc.records);
      expect(doc.records.filter((r: { article: string }) => r.article === 'fa/long.txt').length).toBeGreaterThanOrEqual(500);
      const lines = json.split('\n');
      const first = lines.indexOf('  "articles": [') + 1;
      const articleLines = lines.slice(first, lines.indexOf('  ],', first)).map((l) => l.trim().replace(/,$/, ''));
      expect(articleLines.map((l) => JSON.parse(l).path).sort()).toEqual(['en/harbour.md', 'fa/long.txt', 'fa/water 😀.txt']);
      for (const line of articleLines) expect(line).toBe(JSON.stringify(JSON.parse(line)));
      expect(doc.articles.find((a: { path: string }) => a.path === 'fa/long.txt').text).toBe(long);
    }
  });

  it('writes CSV with a BOM, CRLF rows and one 0/1 column per label, every row valid against the CSV schema', async () => {
    const root = await fixtureWorkspace();
    const { text } = await exportFile(root, { format: 'csv', split: { ratios: [1, 1, 0], seed: 3 } });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['article', 'paragraph', 'paragraph_id', 'start', 'end', 'annotator', 'status', 'updated_at', 'split', 'flagged', 'note', 'text', 'label:quote', 'label:claim', 'label:boilerplate', 'label:ad', 'other_labels']);
    const { csvRow } = await schemaValidators();
    for (const row of rows) expect(csvRow(Object.fromEntries(header!.map((h, i) => [h, row[i]]))), JSON.stringify(csvRow.errors)).toBe(true);
    const sara = rows.find((r) => r[5] === 'sara' && r[1] === '1')!;
    expect(sara.slice(9, 16)).toEqual(['1', 'نام وزیر؟', 'وزیر گفت: «آب تهران تا تابستان کافی است.»', '1', '1', '0', '0']);
  });

  it('streams the same bytes to stdout as to a file', async () => {
    const root = await fixtureWorkspace();
    const { text } = await exportFile(root, { format: 'json', reproducible: true });
    const { env } = await exportEnv(root);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportToStream(env, options({ format: 'json', reproducible: true }), out);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
  });
});

describe('export choices', () => {
  it('exports chosen layers only, done articles only, and a label subset', async () => {
    const root = await fixtureWorkspace();
    const lines = (await exportFile(root, { format: 'jsonl', layers: ['sara', 'omid'], doneOnly: true, labels: ['claim'] })).text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => [r.annotator, r.paragraph, r.labels])).toEqual([
      ['sara', 0, []],
      ['sara', 1, ['claim']],
      ['sara', 2, []],
      ['sara', 3, []],
    ]);
  });

  it('resolves gold, then majority, then a single annotator, and says where each answer came from', async () => {
    const root = await fixtureWorkspace();
    const { text, outcome } = await exportFile(root, { format: 'jsonl', resolve: ['gold', 'majority', 'single'] });
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => [r.article, r.paragraph, r.annotator, r.labels, r.resolved_from])).toEqual([
      ['en/harbour.md', 1, 'omid', ['claim'], 'single'],
      ['fa/water 😀.txt', 0, 'sara', [], 'single'],
      ['fa/water 😀.txt', 1, 'gold', ['quote', 'claim'], 'gold'],
      ['fa/water 😀.txt', 2, 'majority', [], 'majority'],
      ['fa/water 😀.txt', 3, 'sara', ['boilerplate'], 'single'],
    ]);
    expect(outcome.counts.unresolved).toBe(2); // en paragraphs 0 and 2: nobody decided
    expect(outcome.counts).toMatchObject({ ties: 0, undecided: 2 });
  });

  it('refuses an unknown layer, label or resolution step with a message naming what exists', async () => {
    const root = await fixtureWorkspace();
    await expect(exportFile(root, { layers: ['sarah'] })).rejects.toThrow('no layer named "sarah" in this workspace; layers here: gold, omid, sara');
    await expect(exportFile(root, { labels: ['quotes'] })).rejects.toThrow('unknown label "quotes"; the labels are quote, claim, boilerplate, ad');
    await expect(exportFile(root, { resolve: ['majorty'] })).rejects.toThrow('--resolve step "majorty"');
  });
});

describe('splits', () => {
  it('puts every paragraph of an article in one split, and gives byte-identical output for the same seed', async () => {
    const root = await fixtureWorkspace(20);
    const o = { format: 'json' as const, split: { ratios: [70, 15, 15] as [number, number, number], seed: 42 }, reproducible: true };
    const a = await exportFile(root, o);
    const b = await exportFile(root, o);
    expect(b.text).toBe(a.text);
    const doc = JSON.parse(a.text);
    const splitOf = new Map<string, string>();
    for (const r of doc.records) {
      expect(splitOf.get(r.article) ?? r.split).toBe(r.split);
      splitOf.set(r.article, r.split);
    }
    const counts = [...splitOf.values()].reduce((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {} as Record<string, number>);
    expect(counts).toEqual({ train: 16, dev: 3, test: 3 }); // 22 articles with decisions: 15.4, 3.3, 3.3
    expect(doc.exported_at).toBe('2026-11-22T09:00:00.000Z'); // the newest decision, not the clock
    const other = JSON.parse((await exportFile(root, { ...o, split: { ...o.split, seed: 43 } })).text);
    expect(other.records.map((r: { split: string }) => r.split)).not.toEqual(doc.records.map((r: { split: string }) => r.split));
  });
});

describe('reproducible exports', () => {
  it('take exported_at from the latest instant among the layers, never from text that is no time or sorts later as text', async () => {
    const root = await fixtureWorkspace();
    const [p0] = paragraphsOf('Article 0 headline\nBody 0.\n');
    // 10:00+03:30 on the 23rd is 06:30Z: later than T3 (the 22nd), earlier than 08:00Z on the 23rd.
    await writeLayer(root, { article: 'broken.txt', annotator: 'hand', updated_at: 'yesterday', paragraphs: {} });
    await writeLayer(root, { article: 'en/harbour.md', annotator: 'tz', updated_at: '2026-11-23T10:00:00+03:30', paragraphs: { [p0!.id]: { index: 0, labels: ['ad'], updated_at: '2026-11-23T10:00:00+03:30' } } });
    await writeLayer(root, { article: 'en/harbour.md', annotator: 'utc', updated_at: '2026-11-23T08:00:00Z', paragraphs: { [p0!.id]: { index: 0, labels: ['ad'], updated_at: '2026-11-23T08:00:00Z' } } });
    const doc = JSON.parse((await exportFile(root, { format: 'json', reproducible: true })).text);
    expect(doc.exported_at).toBe('2026-11-23T08:00:00Z');
  });
});

describe('bad input and cancelling', () => {
  it('skips unreadable articles with a message naming them, and reports a damaged label file it recovered', async () => {
    const root = await fixtureWorkspace();
    // Labelled while it was readable; since then the file was damaged.
    await writeLayer(root, { article: 'broken.txt', annotator: 'sara', paragraphs: { p00000000000: { index: 0, labels: ['ad'], updated_at: T3 } } });
    await writeFile(join(root, '.pilcrow', 'annotations', 'omid', 'en', 'harbour.md.json'), '{"version": 1, "article": "en/har');
    const { text, outcome, warnings } = await exportFile(root, { format: 'json' });
    expect(outcome.skipped).toEqual([{ path: 'broken.txt', reason: expect.stringMatching(/^broken\.txt: .*binary/i) }]);
    expect(JSON.parse(text).skipped).toEqual(outcome.skipped);
    expect(warnings).toEqual([expect.stringContaining('harbour.md.json')]);
  });

  it('stops when cancelled, leaving the target as it was and no temp file behind', async () => {
    const root = await fixtureWorkspace(30);
    const dir = await tempDir('cancel');
    const out = join(dir, 'labels.json');
    await writeFile(out, 'previous export');
    const { env } = await exportEnv(root);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = exportToFile({ ...env, signal: controller.signal, progressEveryMs: 0, onProgress: (p) => (seen.push(p.articlesDone), p.articlesDone === 5 && controller.abort()) }, options(), out);
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(await readFile(out, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['labels.json']);
    expect(Math.max(...seen)).toBe(5);
  });

  it('refuses a split that leaves a weighted split without articles, writing nothing, unless allowed', async () => {
    const root = await fixtureWorkspace();
    const dir = await tempDir('empty-split');
    const out = join(dir, 'labels.jsonl');
    await writeFile(out, 'previous export');
    const { env } = await exportEnv(root);
    const split = { ratios: [80, 10, 10] as [number, number, number], seed: 1 };
    const refused = await exportToFile(env, options({ format: 'jsonl', split }), out).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EmptySplitError);
    expect((refused as EmptySplitError).split).toEqual({ ratios: [80, 10, 10], articles: 2, counts: [2, 0, 0], empty: ['dev', 'test'] });
    expect((refused as Error).message).toBe(
      'Splitting 2 articles 80/10/10: dev and test would get no article (train 2, dev 0, test 0); nothing was written. Label more articles, change the weights (0 for a split you do not want), or pass --allow-empty-split to write it anyway',
    );
    expect(await readFile(out, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['labels.jsonl']);
    const allowed = await exportToFile(env, options({ format: 'jsonl', split, allowEmptySplits: true }), out);
    expect(allowed.counts.per_split).toEqual({ train: 8, dev: 0, test: 0 });
  });

  it('removes its temp file when cancelled while still planning a split (before anything is written)', async () => {
    const root = await fixtureWorkspace(30);
    const dir = await tempDir('cancel-plan');
    const out = join(dir, 'labels.jsonl');
    await writeFile(out, 'previous export');
    const { env } = await exportEnv(root);
    const controller = new AbortController();
    const phases = new Set<string>();
    const onProgress = (p: ExportProgress) => (phases.add(p.phase), p.articlesDone === 5 && controller.abort());
    const run = exportToFile({ ...env, signal: controller.signal, progressEveryMs: 0, onProgress }, options({ format: 'jsonl', split: { ratios: [8, 1, 1], seed: 1 } }), out);
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect([...phases]).toEqual(['planning']);
    expect(await readFile(out, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['labels.jsonl']);
  });

  it('keeps no article it read in memory afterwards, but leaves the app’s own cache alone', async () => {
    const root = await fixtureWorkspace(5);
    const { env } = await exportEnv(root);
    const open = env.workspace.ids.find((id) => env.workspace.pathOf(id) === 'fa/water 😀.txt')!;
    await env.workspace.entry(open); // the article the editor has open
    await exportToFile(env, options(), join(await tempDir('m'), 'x.json'));
    const kept = [];
    for (const id of env.workspace.ids) if (await env.workspace.cached(id)) kept.push(env.workspace.pathOf(id));
    expect(kept).toEqual(['fa/water 😀.txt']);
  });

  it('reports progress per article up to the total, starting at 0 of the total before the first article', async () => {
    const root = await fixtureWorkspace(4);
    const { env } = await exportEnv(root);
    const seen: ExportProgress[] = [];
    await exportToFile({ ...env, progressEveryMs: 0, onProgress: (p) => seen.push(p) }, options(), join(await tempDir('p'), 'x.json'));
    expect(seen.at(-1)).toEqual({ phase: 'writing', articlesDone: 7, articlesTotal: 7, records: 12 });
    expect(seen[0]).toEqual({ phase: 'writing', articlesDone: 0, articlesTotal: 7, records: 0 });
    expect(seen.map((p) => p.articlesDone).slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
