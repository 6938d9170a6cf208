/**
 * Datasets for training pipelines (issue 16 item 2): Parquet, one file or one per split; a
 * Hugging Face-style folder with a dataset card; labels.json beside JSONL, CSV and Parquet
 * written to a folder. The Parquet files are read back by DuckDB, another implementation than
 * the writer (ours, node/export/formats/parquet/), and must hold exactly the JSONL records,
 * Persian text byte-exact.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/pilcrow';
import { exportToFile, exportToFolder } from '../../../../src-main/node/export/write-export';
import { parquetWriter } from '../../../../src-main/node/export/formats/parquet';
import { fileSink } from '../../../../src-main/node/export/sink';
import type { ExportManifest } from '../../../../src-main/node/export/types';
import type { ExportRecord } from '../../../../src-main/core/export-records';
import { exportOptionsSchema, type ExportOptions } from '../../../../src-main/shared/contract/export';
import { exportEnv, FA, fixtureWorkspace, paragraphsOf, T1, writeLayer } from './fixture';
import { tempDir } from '../temp';

/** The rows a DuckDB query returns, as JSON values. */
async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

const rowsOf = (glob: string) => query(`select * from read_parquet('${glob.replace(/'/g, "''")}') order by article, paragraph, annotator`);
const rowGroupsOf = async (file: string) => Number((await query(`select count(distinct row_group_id) as n from parquet_metadata('${file}')`))[0]!.n);

/** A JSONL record as a Parquet row: every column present, null where the record has no field. */
const COLUMNS = ['article', 'paragraph', 'paragraph_id', 'text', 'start', 'end', 'annotator', 'status', 'labels', 'updated_at', 'source_sha256', 'encoding', 'done_at', 'via', 'suggested_by', 'note', 'flagged', 'recheck', 'reviewer', 'took', 'split', 'resolved_from', 'agreeing'];
const asRow = (r: Record<string, unknown>) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] === undefined ? null : c === 'suggested_by' ? JSON.stringify(r[c]) : r[c]]));
const sorted = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => String(a.article).localeCompare(String(b.article)) || Number(a.paragraph) - Number(b.paragraph) || String(a.annotator).localeCompare(String(b.annotator)));

async function jsonlRecords(root: string, o: Partial<ExportOptions> = {}): Promise<Record<string, unknown>[]> {
  const { env } = await exportEnv(root);
  const out = join(await tempDir('ds'), 'labels.jsonl');
  await exportToFile(env, exportOptionsSchema.parse({ ...o, format: 'jsonl' }), out);
  return (await readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('Parquet', () => {
  it('holds exactly the JSONL records, read back by DuckDB, Persian text byte-exact', async () => {
    const root = await fixtureWorkspace();
    const { env } = await exportEnv(root);
    const file = join(await tempDir('ds'), 'labels.parquet');
    const outcome = await exportToFile(env, exportOptionsSchema.parse({ format: 'parquet' }), file);
    const rows = await rowsOf(file);
    const records = await jsonlRecords(root);
    expect(rows).toHaveLength(outcome.counts.records);
    expect(rows).toEqual(sorted(records.map(asRow)));
    const persian = rows.find((r) => String(r.text).startsWith('وزیر'))!;
    expect(Buffer.from(String(persian.text), 'utf8')).toEqual(Buffer.from('وزیر گفت: «آب تهران تا تابستان کافی است.»', 'utf8'));
    // null = not decided, [] = reviewed with no label: Parquet keeps them apart.
    expect(rows.filter((r) => Array.isArray(r.labels) && (r.labels as unknown[]).length === 0).length).toBeGreaterThan(0);
  });

  it('writes one file per split into a folder, with labels.json beside them', async () => {
    const root = await fixtureWorkspace(6);
    const { env } = await exportEnv(root);
    const dir = join(await tempDir('ds'), 'out');
    const options = exportOptionsSchema.parse({ format: 'parquet', split: { ratios: [60, 20, 20], seed: 4 } });
    await exportToFolder(env, options, dir, 'pilcrow export …');
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['dev.parquet', 'labels.json', 'test.parquet', 'train.parquet']);
    const records = await jsonlRecords(root, { split: { ratios: [60, 20, 20], seed: 4 } });
    for (const split of ['train', 'dev', 'test']) {
      expect(await rowsOf(join(dir, `${split}.parquet`))).toEqual(sorted(records.filter((r) => r.split === split).map(asRow)));
    }
  });
});

describe('a Hugging Face dataset folder', () => {
  async function hfExport(root: string, o: Partial<ExportOptions> = {}, dir?: string) {
    const { env } = await exportEnv(root);
    const out = dir ?? join(await tempDir('ds'), 'dataset');
    const options = exportOptionsSchema.parse({ format: 'hf', ...o });
    const outcome = await exportToFolder(env, options, out, `pilcrow export ${root} --format hf --out ${out}`);
    return { out, outcome, card: await readFile(join(out, 'README.md'), 'utf8') };
  }

  it('has one Parquet file per split with the split’s records, and a card whose front matter matches them', async () => {
    const root = await fixtureWorkspace(6);
    await writeFile(join(root, 'guidelines.md'), '# Guidelines\n\n## Quote\n\nWords someone said, in «» or after گفت.\n\n## Ad\n\nAnything sold.\n');
    const { out, card } = await hfExport(root, { split: { ratios: [60, 20, 20], seed: 4 } });
    expect((await readdir(join(out, 'data'))).sort()).toEqual(['dev-00000-of-00001.parquet', 'test-00000-of-00001.parquet', 'train-00000-of-00001.parquet']);
    const records = await jsonlRecords(root, { split: { ratios: [60, 20, 20], seed: 4 } });
    for (const split of ['train', 'dev', 'test']) {
      const rows = await rowsOf(join(out, 'data', `${split}-00000-of-00001.parquet`));
      expect(rows).toEqual(sorted(records.filter((r) => r.split === split).map(asRow)));
      expect(card).toContain(`  - name: ${split}\n    num_bytes: `);
      expect(card).toMatch(new RegExp(`  - name: ${split}\\n    num_bytes: \\d+\\n    num_examples: ${rows.length}\\n`));
      expect(card).toContain(`  - split: ${split}\n    path: data/${split}-00000-of-00001.parquet`);
    }
    const front = card.slice(4, card.indexOf('\n---\n'));
    expect(front).toContain("  - name: labels\n    sequence:\n      class_label:\n        names:\n          '0': \"quote\"\n          '1': \"claim\"\n          '2': \"boilerplate\"\n          '3': \"ad\"\n");
    expect(card).toContain('| 0 | quote | Reported or direct speech attributed to someone — Words someone said, in «» or after گفت. |');
    expect(card).toContain('| 3 | ad | Sponsor names, promotions, links to buy — Anything sold. |');
    expect(card).toMatch(/Between omid, sara, over \d+ paragraphs decided by two or more: percent agreement \d\.\d{3}/);
    expect(card).toContain('| fa/water 😀.txt |');
    expect(card).toMatch(/`[0-9a-f]{64}`/);
    expect(card).toContain(`--format hf --out ${out}`);
    expect(JSON.parse(await readFile(join(out, 'labels.json'), 'utf8')).label_schema.map((l: { name: string }) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'ad']);
  });

  it('says how answers were resolved, with ties and undecided paragraphs apart', async () => {
    const root = await fixtureWorkspace();
    // lena says ad where sara says boilerplate: a tie, beside paragraphs only one annotator decided.
    const last = paragraphsOf(FA)[3]!;
    await writeLayer(root, { article: 'fa/water 😀.txt', annotator: 'lena', paragraphs: { [last.id]: { index: 3, labels: ['ad'], updated_at: T1 } } });
    const { card, outcome } = await hfExport(root, { resolve: ['gold', 'majority'] });
    expect(outcome.counts).toMatchObject({ ties: 1, undecided: 4, unresolved: 5 });
    expect(card).toContain('Steps, in order (the first that decides gives the answer; `resolved_from` says which): `gold`');
    expect(card).toContain('5 paragraphs were left unresolved (in the data only with `--include-untouched`, as `labels: null`): 1 ties (annotators disagreed with no majority) and 4 undecided');
  });

  it('refuses a folder holding other files, and replaces an earlier export, dropping a split it no longer has', async () => {
    const root = await fixtureWorkspace(6);
    const busy = join(await tempDir('ds'), 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'notes.txt'), 'mine');
    await expect(hfExport(root, {}, busy)).rejects.toThrow(`${busy} holds other files (notes.txt); a dataset folder is written into an empty folder or over an earlier Pilcrow hf export`);
    const { out } = await hfExport(root, { split: { ratios: [60, 20, 20], seed: 4 } });
    await hfExport(root, {}, out);
    expect(await readdir(join(out, 'data'))).toEqual(['train-00000-of-00001.parquet']);
  });
});

describe('pilcrow export into a folder', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes labels.json beside JSONL and CSV given DIR/, and nothing beside a file', async () => {
    const root = await fixtureWorkspace();
    const base = await tempDir('ds');
    for (const format of ['jsonl', 'csv'] as const) {
      const result = await run('export', root, '--format', format, '--out', `${join(base, format)}/`);
      expect(result.code).toBe(0);
      expect((await readdir(join(base, format))).sort()).toEqual([`data.${format}`, 'labels.json']);
      const sidecar = JSON.parse(await readFile(join(base, format, 'labels.json'), 'utf8'));
      expect(sidecar).toMatchObject({ label_mode: 'multi', label_schema: [{ name: 'quote', color: '#2f6fde', description: 'Reported or direct speech attributed to someone' }, {}, {}, {}], other_labels: [] });
    }
    await run('export', root, '--format', 'jsonl', '--out', join(base, 'one.jsonl'));
    expect((await readdir(base)).sort()).toEqual(['csv', 'jsonl', 'one.jsonl']);
  });

  it('refuses a folder inside .pilcrow/, or one inside the workspace whose files would be read as articles, making nothing', async () => {
    const root = await fixtureWorkspace();
    const before = (await readdir(root, { recursive: true })).sort();
    const deep = join(root, '.pilcrow', 'exports', 'today') + '/';
    const inPilcrow = await run('export', root, '--format', 'csv', '--out', deep);
    expect(inPilcrow.code).toBe(1);
    expect(inPilcrow.err).toContain(`cannot write the export to ${join(root, '.pilcrow', 'exports', 'today')}: it is inside the workspace's .pilcrow folder`);
    const card = await run('export', root, '--format', 'hf', '--out', join(root, 'dataset'));
    expect(card.err).toContain(`cannot write the export to ${join(root, 'dataset', 'README.md')}: inside the workspace, that name is an article (dataset/README.md)`);
    const jsonl = await run('export', root, '--format', 'jsonl', '--out', `${join(root, 'out')}/`);
    expect(jsonl.err).toContain('that name is an article (out/data.jsonl)');
    expect((await readdir(root, { recursive: true })).sort()).toEqual(before);
    // CSV and its labels.json are no article names: written inside the workspace as before.
    expect((await run('export', root, '--format', 'csv', '--out', `${join(root, 'out')}/`)).code).toBe(0);
  });

  it('asks for a folder for --format hf', async () => {
    const root = await fixtureWorkspace();
    expect(await run('export', root, '--format', 'hf')).toMatchObject({ code: 1, err: 'pilcrow: --format hf writes a dataset folder: give it with --out DIR' });
  });
});

describe('Parquet row groups', () => {
  it('ends a row group by its bytes: a long export is several row groups, every row in order, read back by DuckDB', async () => {
    const file = join(await tempDir('ds'), 'many.parquet');
    const writer = parquetWriter(() => fileSink(file), 'one', 64 * 1024);
    const record = (i: number) => ({ article: `fa/n-${i >> 6}.txt`, paragraph: i & 63, paragraph_id: `p${String(i).padStart(11, '0')}`, text: `بند ${i} 😀 ${'خبر '.repeat(i % 40)}`, start: 0, end: 1, annotator: 'sara', status: 'in_progress', labels: i % 3 ? ['quote'] : [], updated_at: T1, source_sha256: 'a'.repeat(64), encoding: 'utf-8' }) as ExportRecord;
    const manifest = { schema_version: 2, exported_at: T1, pilcrow_version: 'test', workspace: 'w', label_schema: [], label_mode: 'multi', filters: {} } as unknown as ExportManifest;
    await writer.begin(manifest);
    const records = Array.from({ length: 5000 }, (_, i) => record(i));
    for (let at = 0; at < records.length; at += 700) await writer.article({} as never, { records: records.slice(at, at + 700) } as never);
    await writer.end({} as never);
    expect(await rowGroupsOf(file)).toBeGreaterThan(1);
    const rows = await query(`select paragraph_id, text, labels from read_parquet('${file}')`);
    expect(rows).toEqual(records.map((r) => ({ paragraph_id: r.paragraph_id, text: r.text, labels: r.labels })));
  });

  it('reads back every column kind across row groups: nulls, booleans, empty and long lists, JSON, one or many distinct values', async () => {
    const file = join(await tempDir('ds'), 'kinds.parquet');
    const writer = parquetWriter(() => fileSink(file), 'one', 16 * 1024);
    const labelSets = [null, [], ['quote'], ['quote', 'claim', 'ad'], ['برچسب']];
    const record = (i: number) => {
      const r: Record<string, unknown> = { article: i < 600 ? 'fa/one.txt' : `fa/n-${i}.txt`, paragraph: i, paragraph_id: `p${i}`, text: i % 7 ? `بند ${i}\u200cها «نقل»` : '', start: i * 10, end: i * 10 + 9, annotator: 'sara', status: i % 2 ? 'done' : 'in_progress', labels: labelSets[i % 5], updated_at: i % 11 ? T1 : null, source_sha256: 'a'.repeat(64), encoding: 'utf-8' };
      if (i % 3 === 0) r.flagged = i % 6 === 0;
      if (i % 4 === 0) r.suggested_by = { quote: i % 8 ? 'rules' : 'learned' };
      if (i % 5 === 0) r.note = `یادداشت ${i} 😀`;
      if (i >= 900) r.agreeing = i % 2 ? [] : ['sara', 'reza'];
      return r as unknown as ExportRecord;
    };
    const records = Array.from({ length: 1200 }, (_, i) => record(i));
    await writer.begin({ schema_version: 2, exported_at: T1, pilcrow_version: 'test', workspace: 'w', label_schema: [], label_mode: 'multi', filters: {} } as unknown as ExportManifest);
    for (let at = 0; at < records.length; at += 100) await writer.article({} as never, { records: records.slice(at, at + 100) } as never);
    await writer.end({} as never);
    expect(await rowGroupsOf(file)).toBeGreaterThan(2);
    const rows = await query(`select * from read_parquet('${file}')`);
    expect(rows).toEqual(records.map((r) => asRow(r as unknown as Record<string, unknown>)));
  });

  it('keeps a paragraph longer than a whole row group byte-exact, and the rows before and after it', async () => {
    const file = join(await tempDir('ds'), 'long.parquet');
    const writer = parquetWriter(() => fileSink(file), 'one');
    // 1.5 MB of UTF-8 in one paragraph: the buffer is replaced in the middle of the row group.
    const texts = ['پیش از آن', `${'آب '.repeat(300_000)}😀`, 'پس از آن', 'note'];
    const records = texts.map((text, i) => ({ article: 'fa/long.txt', paragraph: i, paragraph_id: `p${i}`, text, start: 0, end: text.length, annotator: 'sara', status: 'done', labels: ['quote'], updated_at: T1, source_sha256: 'a'.repeat(64), encoding: 'utf-8', note: `یادداشت ${i}` }) as ExportRecord);
    await writer.begin({ schema_version: 2, exported_at: T1, pilcrow_version: 'test', workspace: 'w', label_schema: [], label_mode: 'multi', filters: {} } as unknown as ExportManifest);
    await writer.article({} as never, { records } as never);
    await writer.end({} as never);
    const rows = await query(`select paragraph_id, text, note from read_parquet('${file}')`);
    expect(rows.map((r) => Buffer.from(String(r.text), 'utf8'))).toEqual(texts.map((t) => Buffer.from(t, 'utf8')));
    expect(rows.map((r) => [r.paragraph_id, r.note])).toEqual(records.map((r) => [r.paragraph_id, r.note]));
  });
});
