import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOptionsSchema, type ExportOptions } from '../../../../src-main/shared/contract/export';
import { exportToFile } from '../../../../src-main/node/export/write-export';
import { importIntoWorkspace } from '../../../../src-main/node/import/run-import';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { paragraphIdFor } from '../../../../src-main/core/paragraphs';
import { tempDir } from '../temp';
import { exportEnv, FA, fixtureWorkspace, T1 } from '../export/fixture';

async function exportOf(root: string, o: Partial<ExportOptions> = {}): Promise<string> {
  const out = join(await tempDir('rt'), `labels.${o.format ?? 'json'}`);
  const { env } = await exportEnv(root);
  const schema = await WorkspaceSchemaStore.open(root);
  await exportToFile({ ...env, labels: schema.schema.labels }, exportOptionsSchema.parse({ reproducible: true, ...o }), out);
  return out;
}

/** The same articles, without any labels: a teammate's machine. */
async function freshCopy(root: string): Promise<string> {
  const copy = join(await tempDir('copy'), 'ws');
  await cp(root, copy, { recursive: true });
  await rm(join(copy, '.pilcrow'), { recursive: true, force: true });
  return copy;
}

/** The fixture's exports hold the gold layer, which the person importing vouches for here. */
async function importInto(root: string, file: string, annotator?: string) {
  const workspace = await Workspace.open(root);
  return importIntoWorkspace({ workspace, schema: await WorkspaceSchemaStore.open(root), asGold: true }, file, { annotator });
}

/** Everything an export says about decisions; `via` aside, which an import adds when absent. */
const decisions = (doc: { records: Record<string, unknown>[] }) => doc.records.map(({ via, ...r }) => ({ ...r, via: via === 'import' ? undefined : via }));

async function labelFiles(root: string): Promise<Record<string, string>> {
  const base = join(root, '.pilcrow', 'annotations');
  const files = (await readdir(base, { recursive: true, withFileTypes: true })).filter((d) => d.isFile() && d.name.endsWith('.json'));
  return Object.fromEntries(await Promise.all(files.map(async (d) => [join(d.parentPath, d.name).slice(base.length), await readFile(join(d.parentPath, d.name), 'utf8')])));
}

describe('round trip: export, then import on a teammate’s machine', () => {
  for (const format of ['json', 'jsonl'] as const) {
    it(`brings back every layer from ${format} with labels, notes, flags, status, times and gold provenance`, async () => {
      const root = await fixtureWorkspace();
      const original = JSON.parse(await readFile(await exportOf(root), 'utf8'));
      const copy = await freshCopy(root);
      const result = await importInto(copy, await exportOf(root, { format }));
      expect(result.unmatched).toEqual([]);
      expect(result.layers.map((l) => [l.annotator, l.matched, l.unmatched])).toEqual([['gold', 1, 0], ['omid', 3, 0], ['sara', 4, 0]]);
      const again = JSON.parse(await readFile(await exportOf(copy), 'utf8'));
      expect(decisions(again)).toEqual(decisions(original));
      // Status and done time per layer and article come back; a layer file's own updated_at becomes its newest decision's.
      const states = (doc: { articles: { layers: Record<string, { status: string; done_at?: string }> }[] }) =>
        doc.articles.map((a) => Object.entries(a.layers).map(([name, l]) => [name, l.status, l.done_at ?? null]));
      expect(states(again)).toEqual(states(original));
    });
  }

  it('brings the exporter’s label definitions (colour, key, description) into a workspace that lacks them', async () => {
    const root = await fixtureWorkspace();
    const schema = await WorkspaceSchemaStore.open(root);
    await schema.edit({ op: 'add', label: { name: 'rumour', color: '#118844', key: 'KeyR', description: 'Unsourced claim' } });
    const fa = JSON.parse(await readFile(join(root, '.pilcrow', 'annotations', 'omid', 'fa', 'water 😀.txt.json'), 'utf8'));
    fa.paragraphs[Object.keys(fa.paragraphs)[0]!].labels = ['rumour'];
    await writeFile(join(root, '.pilcrow', 'annotations', 'omid', 'fa', 'water 😀.txt.json'), JSON.stringify(fa));
    const copy = await freshCopy(root);
    const result = await importInto(copy, await exportOf(root));
    expect(result).toMatchObject({ unknownLabels: ['rumour'], labelsAdded: ['rumour'] });
    expect((await WorkspaceSchemaStore.open(copy)).schema.labels.at(-1)).toEqual({ id: 'rumour', name: 'rumour', color: '#118844', key: 'KeyR', description: 'Unsourced claim' });
  });

  it('changes no file when the same export is imported again', async () => {
    const root = await fixtureWorkspace();
    const file = await exportOf(root, { format: 'jsonl' });
    const copy = await freshCopy(root);
    await importInto(copy, file);
    const first = await labelFiles(copy);
    const second = await importInto(copy, file);
    expect(second.layers.map((l) => l.filesWritten)).toEqual([0, 0, 0]);
    expect(await labelFiles(copy)).toEqual(first);
  });

  it('keeps a decision that is newer in the workspace than in the file', async () => {
    const root = await fixtureWorkspace();
    const file = await exportOf(root, { format: 'jsonl', layers: ['omid'] });
    const path = join(root, '.pilcrow', 'annotations', 'omid', 'en', 'harbour.md.json');
    const layer = JSON.parse(await readFile(path, 'utf8'));
    const id = Object.keys(layer.paragraphs)[0]!;
    layer.paragraphs[id] = { index: 1, labels: ['ad'], updated_at: '2027-01-01T00:00:00.000Z' };
    await writeFile(path, JSON.stringify(layer));
    const result = await importInto(root, file);
    expect(result.layers[0]).toMatchObject({ annotator: 'omid', keptNewer: 1 });
    expect(JSON.parse(await readFile(path, 'utf8')).paragraphs[id].labels).toEqual(['ad']);
  });
});

describe('matching records to paragraphs', () => {
  it('follows an edited paragraph by its text, and keeps records it cannot place as orphans, listed', async () => {
    const root = await fixtureWorkspace();
    const file = await exportOf(root, { format: 'jsonl', layers: ['sara'] });
    const copy = await freshCopy(root);
    // The quote gained a word; the end marker is gone; another article is not in this workspace at all.
    await writeFile(join(copy, 'fa', 'water 😀.txt'), FA.replace('کافی است', 'کاملاً کافی است').replace('انتهای پیام\n', ''));
    const extra = `${(await readFile(file, 'utf8')).trimEnd()}\n${JSON.stringify({ article: 'gone.txt', paragraph: 0, paragraph_id: paragraphIdFor('x', 1), text: 'x', annotator: 'sara', status: 'in_progress', labels: ['ad'], updated_at: T1 })}\n`;
    await writeFile(file, extra);
    const result = await importInto(copy, file);
    expect(result.layers[0]).toMatchObject({ annotator: 'sara', matched: 3, byText: 1, unmatched: 2 });
    expect(result.unmatched.map((u) => [u.article, u.paragraph])).toEqual([['fa/water 😀.txt', 3], ['gone.txt', 0]]);
    expect(result.unmatched[1]!.reason).toEqual({ code: 'match-no-article', article: 'gone.txt' });
    const layer = JSON.parse(await readFile(join(copy, '.pilcrow', 'annotations', 'sara', 'fa', 'water 😀.txt.json'), 'utf8'));
    expect(layer.orphans.map((o: { entry: { labels: string[] } }) => o.entry.labels)).toEqual([['boilerplate']]);
    const moved = Object.values(layer.paragraphs).find((e) => (e as { recheck?: string }).recheck) as { labels: string[]; note: string };
    expect(moved).toMatchObject({ labels: ['quote', 'claim'], note: 'نام وزیر؟' });
  });
});

describe('bad import files', () => {
  it('refuses a file with a bad line, naming the line, and writes nothing', async () => {
    const root = await fixtureWorkspace();
    const copy = await freshCopy(root);
    const file = await exportOf(root, { format: 'jsonl' });
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"labels":', '"labelz":');
    await writeFile(file, lines.join('\n'));
    await expect(importInto(copy, file)).rejects.toThrow(`${file}, line 3 (read as a Pilcrow export): labels: is missing; add "labels" as a list of label names`);
    await expect(readdir(join(copy, '.pilcrow', 'annotations'))).rejects.toThrow();
  });

  it('asks which layer a resolved export goes to, and refuses to merge several layers into one', async () => {
    const root = await fixtureWorkspace();
    const copy = await freshCopy(root);
    await expect(importInto(copy, await exportOf(root, { resolve: ['gold', 'majority'] }))).rejects.toThrow('holds resolved answers (resolved_from)');
    await expect(importInto(copy, await exportOf(root), 'mina')).rejects.toThrow('holds the layers of');
    const ok = await importInto(copy, await exportOf(root, { resolve: ['gold', 'majority'] }), 'consensus');
    expect(ok.layers.map((l) => l.annotator)).toEqual(['consensus']);
  });

  it('explains an empty file and one that is not JSON', async () => {
    const dir = await tempDir('bad');
    await mkdir(dir, { recursive: true });
    const root = await fixtureWorkspace();
    await writeFile(join(dir, 'empty.jsonl'), '');
    await writeFile(join(dir, 'cut.json'), '{"schema_version": 2, "records": [');
    await expect(importInto(root, join(dir, 'empty.jsonl'))).rejects.toThrow('empty.jsonl: is empty; nothing to import');
    await expect(importInto(root, join(dir, 'cut.json'))).rejects.toThrow('cut.json: is not valid JSON; was it cut short? Export it again');
  });

  it('refuses, before writing anything, records that climb out with "..", repeat a label, or a file of 0 records', async () => {
    const root = await fixtureWorkspace();
    const copy = await freshCopy(root);
    const doc = JSON.parse(await readFile(await exportOf(root), 'utf8'));
    const dir = await tempDir('bad');
    const variant = async (name: string, change: (records: Record<string, unknown>[]) => unknown[]) => {
      await writeFile(join(dir, name), JSON.stringify({ ...doc, records: change(structuredClone(doc.records)) }));
      return join(dir, name);
    };
    const climbs = await variant('climbs.json', (r) => [...r, { ...r[0], article: '../../elsewhere.txt' }]);
    await expect(importInto(copy, climbs)).rejects.toThrow(`records[${doc.records.length}] (read as a Pilcrow export): article: must be a workspace-relative path`);
    const twice = await variant('twice.json', (r) => [{ ...r[0], labels: ['quote', 'quote'] }]);
    await expect(importInto(copy, twice)).rejects.toThrow('records[0] (read as a Pilcrow export): labels: "quote" is listed twice');
    await expect(importInto(copy, await variant('none.json', () => []))).rejects.toThrow('none.json: holds no records; nothing to import');
    await writeFile(join(dir, 'other.json'), JSON.stringify({ items: [] }));
    await expect(importInto(copy, join(dir, 'other.json'))).rejects.toThrow('other.json, the file (read as plain JSON records): has none of the fields of a record (article, paragraph_id, paragraph, text, labels); it has items.');
    await expect(readdir(join(copy, '.pilcrow', 'annotations'))).rejects.toThrow();
  });
});
