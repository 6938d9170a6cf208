/**
 * Import takes what people have (issue 16 item 1): plain records a script wrote, Pilcrow's own
 * CSV, a pandas round trip of Pilcrow's JSONL, and the exports of Label Studio, doccano and
 * Prodigy (test/fixtures/import/README.md says how each fixture follows its tool's documented
 * format). Each fixture imports into its own workspace with nothing unmatched.
 */
import { execFileSync } from 'node:child_process';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphIdFor } from '../../../../src-main/core/paragraphs';
import { exportToFile } from '../../../../src-main/node/export/write-export';
import { importIntoWorkspace, type ImportOptions } from '../../../../src-main/node/import/run-import';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { exportOptionsSchema, type ExportOptions } from '../../../../src-main/shared/contract/export';
import { englishText, type MainMessage } from '../../../../src-main/shared/messages';
import { ImportFileError } from '../../../../src-main/node/import/read-export-file';
import { isolatedName } from '../../../../src-main/shared/visible-name';
import { persianText } from '../../../../src-renderer/i18n/main-messages-fa';
import { exportEnv, fixtureWorkspace, paragraphsOf, T1, writeLayer } from '../export/fixture';
import { tempDir } from '../temp';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/import');

async function fixtureCopy(): Promise<string> {
  const root = join(await tempDir('imp-fmt'), 'ws');
  await cp(join(FIXTURES, 'workspace'), root, { recursive: true });
  return root;
}

async function importInto(root: string, file: string, options: ImportOptions = {}) {
  const workspace = await Workspace.open(root);
  return importIntoWorkspace({ workspace, schema: await WorkspaceSchemaStore.open(root), asGold: true }, file, options);
}

/** article → paragraph text → labels, of one layer. */
async function decisions(root: string, annotator: string): Promise<Record<string, Record<string, string[]>>> {
  const workspace = await Workspace.open(root);
  const out: Record<string, Record<string, string[]>> = {};
  for (const id of workspace.ids) {
    const entry = await workspace.entry(id);
    if (!entry.ok) continue;
    const file = join(root, '.pilcrow', 'annotations', annotator, `${entry.path}.json`);
    const layer = await readFile(file, 'utf8').then((t) => JSON.parse(t) as { paragraphs: Record<string, { labels: string[] }> }, () => null);
    if (!layer) continue;
    out[entry.path] = Object.fromEntries(entry.article.paragraphs.flatMap((p) => (layer.paragraphs[p.id] ? [[p.text, layer.paragraphs[p.id]!.labels]] : [])));
  }
  return out;
}

const FA = ['خبر فوری از تهران', 'وزیر نیرو گفت: «آب تهران تا تابستان کافی است.»', 'کارشناسان می‌گویند این ادعا درست نیست.', 'برای خرید بلیت ارزان کلیک کنید', 'انتهای پیام'];
const EN = ['Harbour wind', 'Gusts reached 90 km/h on Tuesday.', '"The ferries will run," the port said.', 'Subscribe to our newsletter'];
const labelled = (texts: string[], labels: string[][]) => Object.fromEntries(texts.map((t, i) => [t, labels[i]!]).filter(([, l]) => l !== undefined));

describe('every fixture format imports into its own workspace with nothing unmatched', () => {
  const cases: { file: string; format: string; options?: ImportOptions; layer: string; expected: Record<string, Record<string, string[]>>; skipped?: number }[] = [
    {
      file: 'label-studio.json', format: 'label-studio', layer: 'sara', skipped: 1,
      expected: { 'en/harbour.txt': labelled(EN, [[], [], ['quote'], ['ad']]), 'fa/water.txt': labelled(FA, [[], ['quote', 'claim'], [], ['boilerplate'], ['boilerplate']]) },
    },
    { file: 'label-studio-min.json', format: 'label-studio', layer: 'sara', expected: { 'en/harbour.txt': labelled(EN, [[], [], ['quote'], []]), 'fa/water.txt': labelled(FA, [[], ['quote', 'claim'], [], ['boilerplate'], ['boilerplate']]) } },
    { file: 'label-studio-choices.json', format: 'label-studio', layer: 'omid', expected: { 'fa/water.txt': labelled(FA, [['boilerplate'], ['quote', 'claim'], ['claim']]) } },
    {
      file: 'doccano-textcat.jsonl', format: 'doccano', options: { annotator: 'lena' }, layer: 'lena', skipped: 1,
      // The second text was typed with Arabic yeh and kaf, as old keyboards do: found all the same.
      expected: { 'en/harbour.txt': { [EN[3]!]: ['ad'] }, 'fa/water.txt': { [FA[1]!]: ['quote', 'claim'], [FA[2]!]: ['claim'] } },
    },
    {
      file: 'doccano-spans.jsonl', format: 'doccano', options: { annotator: 'lena' }, layer: 'lena',
      expected: { 'en/harbour.txt': labelled(EN, [[], [], ['quote'], []]), 'fa/water.txt': labelled(FA, [[], ['quote'], ['claim'], [], ['boilerplate']]) },
    },
    { file: 'prodigy-textcat.jsonl', format: 'prodigy', layer: 'news_fa-mina', skipped: 2, expected: { 'fa/water.txt': { [FA[1]!]: ['quote', 'claim'], [FA[3]!]: ['ad'] } } },
    { file: 'prodigy-spans.jsonl', format: 'prodigy', layer: 'harbour-mina', expected: { 'en/harbour.txt': labelled(EN, [[], ['claim'], ['quote'], ['ad']]) } },
    { file: 'plain.jsonl', format: 'jsonl', options: { annotator: 'reza' }, layer: 'reza', expected: { 'en/harbour.txt': { [EN[0]!]: [] }, 'fa/water.txt': { [FA[1]!]: ['quote', 'claim'], [FA[3]!]: ['ad'] } } },
    { file: 'plain-array.json', format: 'jsonl', layer: 'reza', expected: { 'en/harbour.txt': { [EN[2]!]: ['quote'] }, 'fa/water.txt': { [FA[2]!]: ['claim'] } } },
    { file: 'plain.csv', format: 'csv', options: { annotator: 'reza' }, layer: 'reza', expected: { 'en/harbour.txt': { [EN[1]!]: ['claim'], [EN[2]!]: ['quote', 'claim'] }, 'fa/water.txt': { [FA[4]!]: ['boilerplate'] } } },
  ];
  for (const c of cases) {
    it(`${c.file}: read as ${c.format}, every record placed, labels as the tool had them`, async () => {
      const root = await fixtureCopy();
      const result = await importInto(root, join(FIXTURES, c.file), c.options);
      expect(result.format).toBe(c.format);
      expect(result.unmatched).toEqual([]);
      expect(result.skipped).toHaveLength(c.skipped ?? 0);
      expect(result.layers.map((l) => l.annotator)).toEqual([c.layer]);
      expect(await decisions(root, c.layer)).toEqual(c.expected);
    });
  }

  it('keeps each tool’s times and annotators, and fills in and reports what a file lacks', async () => {
    const root = await fixtureCopy();
    const ls = await importInto(root, join(FIXTURES, 'label-studio.json'));
    expect(ls.filled).toMatchObject({ annotator: 0, updatedAt: 0 });
    const layer = JSON.parse(await readFile(join(root, '.pilcrow', 'annotations', 'sara', 'fa', 'water.txt.json'), 'utf8'));
    expect(Object.values(layer.paragraphs).map((e) => (e as { updated_at: string }).updated_at)).toContain('2026-11-20T09:14:41.907123Z');
    const prodigy = await importInto(root, join(FIXTURES, 'prodigy-textcat.jsonl'));
    const mina = JSON.parse(await readFile(join(root, '.pilcrow', 'annotations', 'news_fa-mina', 'fa', 'water.txt.json'), 'utf8'));
    // Prodigy's _timestamp is in seconds; two answers on one paragraph keep the later.
    expect(mina.paragraphs[paragraphIdFor(FA[1]!, 1)].updated_at).toBe('2026-11-20T09:00:04.000Z');
    expect(prodigy.labelsMapped).toEqual([{ from: 'AD', to: 'ad' }, { from: 'CLAIM', to: 'claim' }, { from: 'QUOTE', to: 'quote' }]);
    const plain = await importInto(root, join(FIXTURES, 'plain.jsonl'), { annotator: 'reza' });
    const { mtime } = await import('node:fs/promises').then((fs) => fs.stat(join(FIXTURES, 'plain.jsonl')));
    expect(plain.filled).toEqual({ annotator: 3, updatedAt: 3, time: mtime.toISOString() });
  });

  it('renames labels with the map before matching them to the schema', async () => {
    const root = await fixtureCopy();
    const result = await importInto(root, join(FIXTURES, 'prodigy-spans.jsonl'), { map: [['AD', 'boilerplate']] });
    expect(result.labelsMapped).toContainEqual({ from: 'AD', to: 'boilerplate' });
    expect((await decisions(root, 'harbour-mina'))['en/harbour.txt']![EN[3]!]).toEqual(['boilerplate']);
  });
});

describe('a dry run', () => {
  it('places every record and reports it, and writes nothing', async () => {
    const root = await fixtureCopy();
    const result = await importInto(root, join(FIXTURES, 'plain.csv'), { annotator: 'reza', dryRun: true });
    expect(result).toMatchObject({ dryRun: true, format: 'csv', layers: [{ annotator: 'reza', matched: 3, byPosition: 3, unmatched: 0, filesWritten: 2 }] });
    expect(await readdir(root)).not.toContain('.pilcrow');
  });

  it('lists records it cannot place with their line and reason; the real import refuses those that name no article', async () => {
    const root = await fixtureCopy();
    const file = join(await tempDir('imp-fmt'), 'stray.jsonl');
    await writeFile(file, [
      JSON.stringify({ text: 'A paragraph no article has.', labels: ['claim'] }),
      JSON.stringify({ article: 'fa/water.txt', paragraph: 9, labels: ['ad'] }),
      JSON.stringify({ text: FA[1], labels: ['quote'] }),
    ].join('\n'));
    const dry = await importInto(root, file, { annotator: 'reza', dryRun: true });
    expect(dry.unmatched).toEqual([
      { where: 'line 1', article: null, paragraph: null, paragraph_id: null, reason: { code: 'match-in-no-article' } },
      { where: 'line 2', article: 'fa/water.txt', paragraph: 9, paragraph_id: null, reason: { code: 'match-no-position', article: 'fa/water.txt', count: 5, position: 9 } },
    ]);
    expect(dry.unmatched.map((u) => englishText(u.reason))).toEqual(['its text is in no article of this workspace', 'fa/water.txt has 5 paragraphs; there is no paragraph 9']);
    // The preview in a Persian UI says why in Persian, the article's name isolated.
    expect(dry.unmatched.map((u) => persianText(u.reason, isolatedName))).toEqual(['متنش در هیچ خبرِ این پوشهٔ کار نیست', '\u2068fa/water.txt\u2069 ۵ بند دارد؛ بند ۹ در آن نیست']);
    expect(dry.layers).toMatchObject([{ matched: 1, byText: 1, unmatched: 1 }]);
    await expect(importInto(root, file, { annotator: 'reza' })).rejects.toThrow(`${file}, line 1: nothing was imported: a record names no article and its text was not found in one (its text is in no article of this workspace); add "article"`);
    expect(await readdir(root)).not.toContain('.pilcrow');
  });
});

describe('a plain script’s records (the issue’s first try)', () => {
  const script = async () => {
    const file = join(await tempDir('imp-fmt'), 'script.jsonl');
    await writeFile(file, `${JSON.stringify({ article: 'fa/water.txt', paragraph: 1, text: FA[1], labels: ['quote'] })}\n`);
    return file;
  };

  it('asks for the annotator with the fix, then imports with --annotator and the file’s time', async () => {
    const root = await fixtureCopy();
    const file = await script();
    await expect(importInto(root, file)).rejects.toThrow(`${file}, line 1 (read as plain JSON records): annotator: is missing; import with --annotator NAME (in the app: type the layer name), or add "annotator" to each record; nothing was imported`);
    const result = await importInto(root, file, { annotator: 'reza' });
    expect(result).toMatchObject({ filled: { annotator: 1, updatedAt: 1 }, layers: [{ matched: 1, byText: 1 }], unmatched: [] });
  });

  it('says what is wrong with a field as a code, so a Persian UI says it in Persian: zod’s checks and ours', async () => {
    const root = await fixtureCopy();
    const file = join(await tempDir('imp-fmt'), 'fields.jsonl');
    const refusal = async (record: Record<string, unknown>) => {
      await writeFile(file, `${JSON.stringify({ article: 'fa/water.txt', text: FA[1], labels: ['quote'], annotator: 'reza', updated_at: T1, ...record })}\n`);
      const error = (await importInto(root, file).catch((e: unknown) => e)) as ImportFileError;
      expect(error).toBeInstanceOf(ImportFileError);
      return error.detail as unknown as { problem: { problem: MainMessage } };
    };
    const cases: [Record<string, unknown>, MainMessage, string][] = [
      [{ status: 'finished' }, { code: 'field-one-of', values: ['in_progress', 'done'] }, 'باید یکی از این‌ها باشد'],
      [{ paragraph: 'two' }, { code: 'field-type', expected: 'number' }, 'باید عدد باشد'],
      [{ labels: ['quote', 'quote'] }, { code: 'field-label-twice', label: 'quote' }, 'دو بار آمده است'],
      [{ updated_at: 'yesterday' }, { code: 'field-time-format', got: 'yesterday' }, 'باید تاریخ و ساعت'],
      [{ article: '../x.txt' }, { code: 'field-relative-path' }, 'باید مسیری درون پوشهٔ کار باشد'],
    ];
    for (const [record, problem, persian] of cases) {
      const detail = await refusal(record);
      expect(detail.problem.problem).toEqual(problem);
      const sentence = persianText(detail as unknown as MainMessage, isolatedName);
      expect(sentence).toContain(persian);
      // No English left in the Persian sentence but the field's name and the file's.
      expect(sentence.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/\b(must|is|listed|missing|Invalid)\b/);
    }
    expect(await readdir(root)).not.toContain('.pilcrow');
  });

  it('refuses a paragraph_id that is not an id, or not the id of the record’s text, pointing at pilcrow segment', async () => {
    const root = await fixtureCopy();
    const file = join(await tempDir('imp-fmt'), 'ids.jsonl');
    await writeFile(file, `${JSON.stringify({ article: 'fa/water.txt', paragraph_id: 'p1', text: FA[1], labels: ['quote'], annotator: 'reza' })}\n`);
    await expect(importInto(root, file)).rejects.toThrow(/line 1 \(read as plain JSON records\): paragraph_id: is not a Pilcrow paragraph id .*`pilcrow segment FILE --json` prints each paragraph's id; nothing was imported/);
    await writeFile(file, `${JSON.stringify({ article: 'fa/water.txt', paragraph_id: paragraphIdFor(FA[2]!, 1), text: FA[1], labels: ['quote'], annotator: 'reza' })}\n`);
    await expect(importInto(root, file)).rejects.toThrow(`paragraph_id: ${paragraphIdFor(FA[2]!, 1)} is not the id of this record's text (that text's id is ${paragraphIdFor(FA[1]!, 1)})`);
    await writeFile(file, `${JSON.stringify({ article: 'fa/water.txt', paragraph_id: 'p0000000000a', labels: ['quote'], annotator: 'reza' })}\n`);
    const result = await importInto(root, file, { dryRun: true });
    expect(result.unmatched.map((u) => englishText(u.reason))).toEqual(['no paragraph with id p0000000000a in fa/water.txt, and the record has no text to find it by']);
    expect(await readdir(root)).not.toContain('.pilcrow');
  });

  it('takes JSON Lines in a file named .json, and a JSON array of records', async () => {
    const root = await fixtureCopy();
    const dir = await tempDir('imp-fmt');
    const lines = [FA[1], FA[2]].map((text) => JSON.stringify({ article: 'fa/water.txt', text, labels: ['claim'], annotator: 'reza', updated_at: T1 }));
    await writeFile(join(dir, 'lines.json'), lines.join('\n'));
    await writeFile(join(dir, 'array.json'), `[${lines.join(',')}]`);
    expect((await importInto(root, join(dir, 'lines.json'), { dryRun: true })).layers).toMatchObject([{ matched: 2 }]);
    expect((await importInto(root, join(dir, 'array.json'), { dryRun: true })).layers).toMatchObject([{ matched: 2 }]);
  });

  it('names the format, the place and the field when another tool’s file is not what it seems', async () => {
    const root = await fixtureCopy();
    const file = join(await tempDir('imp-fmt'), 'ls.json');
    await writeFile(file, JSON.stringify([{ id: 1, data: { text: FA[0] }, annotations: [] }, { id: 2, something: true }]));
    await expect(importInto(root, file, { format: 'label-studio' })).rejects.toThrow(`${file}, [1] (read as a Label Studio export): is not a Label Studio task (no "data" with "annotations") nor a JSON-MIN row (no "annotation_id")`);
  });
});

/** What a CSV row can carry, compared between exports: labels, times, notes, flags, status. */
const csvFields = (doc: { records: Record<string, unknown>[] }) =>
  doc.records.map((r) => ({ article: r.article, paragraph_id: r.paragraph_id, annotator: r.annotator, status: r.status, labels: r.labels, updated_at: r.updated_at, note: r.note, flagged: r.flagged }));

async function exportTo(root: string, name: string, o: Partial<ExportOptions>): Promise<string> {
  const { env } = await exportEnv(root);
  const out = join(await tempDir('imp-fmt'), name);
  await exportToFile({ ...env, labels: (await WorkspaceSchemaStore.open(root)).schema.labels }, exportOptionsSchema.parse({ reproducible: true, ...o }), out);
  return out;
}

async function withoutLabels(root: string): Promise<string> {
  const copy = join(await tempDir('imp-fmt'), 'copy');
  await cp(root, copy, { recursive: true });
  await rm(join(copy, '.pilcrow'), { recursive: true, force: true });
  return copy;
}

describe('Pilcrow’s own CSV comes back as it went out', () => {
  const HOSTILE = ['=HYPERLINK("http://x.invalid","click")', "'Tis the season", "'=already quoted", '-2 degrees', 'یک خط عادی فارسی'];
  async function hostile(): Promise<string> {
    const root = join(await tempDir('imp-fmt'), 'ws');
    await cp(join(FIXTURES, 'workspace'), root, { recursive: true });
    const text = `${HOSTILE.join('\n')}\n`;
    await writeFile(join(root, 'cells.txt'), text);
    const paragraphs = paragraphsOf(text);
    await writeLayer(root, { article: 'cells.txt', annotator: 'sara', paragraphs: Object.fromEntries(paragraphs.map((p, i) => [p.id, { index: p.index, labels: i % 2 ? ['ad'] : [], updated_at: T1, note: i === 0 ? '=1+2' : "'quoted'", ...(i === 1 ? { flagged: true } : {}) }])) });
    return root;
  }

  for (const csvRaw of [false, true]) {
    it(`${csvRaw ? 'with --csv-raw' : 'formula cells guarded'}: text, notes, labels, flags and times are those of the JSON export`, async () => {
      const root = await hostile();
      const copy = await withoutLabels(root);
      const result = await importInto(copy, await exportTo(root, 'labels.csv', { format: 'csv', csvRaw }));
      expect(result).toMatchObject({ format: 'csv', unmatched: [], layers: [{ annotator: 'sara', matched: HOSTILE.length, byText: 0 }] });
      const before = JSON.parse(await readFile(await exportTo(root, 'a.json', {}), 'utf8'));
      const after = JSON.parse(await readFile(await exportTo(copy, 'b.json', {}), 'utf8'));
      expect(csvFields(after)).toEqual(csvFields(before));
    });
  }

  it('of the fixture workspace with every layer, done status and a Persian note: lossless for what CSV holds', async () => {
    const root = await fixtureWorkspace();
    const copy = await withoutLabels(root);
    const result = await importInto(copy, await exportTo(root, 'labels.csv', { format: 'csv' }));
    expect(result.unmatched).toEqual([]);
    const before = JSON.parse(await readFile(await exportTo(root, 'a.json', {}), 'utf8'));
    const after = JSON.parse(await readFile(await exportTo(copy, 'b.json', {}), 'utf8'));
    expect(csvFields(after)).toEqual(csvFields(before));
  });
});

describe('a pandas round trip of Pilcrow’s JSONL imports losslessly', () => {
  /** Everything a record says about a decision; `via` aside, which an import adds when absent. */
  const decided = (doc: { records: Record<string, unknown>[] }) => doc.records.map(({ via, ...r }) => ({ ...r, via: via === 'import' ? undefined : via }));

  it('from a file pandas wrote (epoch-millisecond dates, null for absent fields, \\u escapes)', async () => {
    const root = await fixtureWorkspace();
    const pandas = join(FIXTURES, 'pandas-roundtrip.jsonl');
    const text = await readFile(pandas, 'utf8');
    expect(text).toMatch(/"updated_at":1795165200000/);
    expect(text).toMatch(/"note":null/);
    const copy = await withoutLabels(root);
    const result = await importInto(copy, pandas);
    expect(result.unmatched).toEqual([]);
    const before = JSON.parse(await readFile(await exportTo(root, 'a.json', {}), 'utf8'));
    const after = JSON.parse(await readFile(await exportTo(copy, 'b.json', {}), 'utf8'));
    expect(decided(after)).toEqual(decided(before));
  });

  it('through pandas itself, when python3 has it', async (ctx) => {
    // The Python on PATH, or Debian's (python3-pandas installs there).
    const python = ['python3', '/usr/bin/python3'].find((p) => {
      try {
        execFileSync(p, ['-c', 'import pandas'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    if (!python) {
      console.log('skipped: no python3 with pandas here; the committed pandas-roundtrip.jsonl (written by pandas 1.5.3) stands in for it');
      return ctx.skip();
    }
    const root = await fixtureWorkspace();
    const jsonl = await exportTo(root, 'labels.jsonl', { format: 'jsonl' });
    const out = join(await tempDir('imp-fmt'), 'pandas.jsonl');
    execFileSync(python, ['-c', 'import pandas as pd, sys; pd.read_json(sys.argv[1], lines=True).to_json(sys.argv[2], orient="records", lines=True)', jsonl, out]);
    const copy = await withoutLabels(root);
    expect((await importInto(copy, out)).unmatched).toEqual([]);
    const before = JSON.parse(await readFile(await exportTo(root, 'a.json', {}), 'utf8'));
    const after = JSON.parse(await readFile(await exportTo(copy, 'b.json', {}), 'utf8'));
    expect(decided(after)).toEqual(decided(before));
  });
});
