/**
 * An import is trusted only as far as its source (issue 22 item 4, issue 15 item 5): records for
 * the gold layer need the importer's word (`asGold`), every time must be a real instant not far
 * in the future, and "newer wins" compares instants, not text.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoWorkspace } from '../../../../src-main/node/import/run-import';
import { IMPORT_LIMIT } from '../../../../src-main/node/storage';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { fixtureWorkspace, FA, paragraphsOf, writeLayer } from '../export/fixture';
import { tempDir } from '../temp';

const HOUR = 3_600_000;
const para = paragraphsOf(FA)[1]!;
const ARTICLE = 'fa/water 😀.txt';

function record(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { article: ARTICLE, paragraph: para.index, paragraph_id: para.id, text: para.text, annotator: 'mina', status: 'in_progress', labels: ['ad'], updated_at: '2026-11-25T08:00:00Z', ...over };
}

async function jsonl(records: Record<string, unknown>[]): Promise<string> {
  const file = join(await tempDir('trust'), 'labels.jsonl');
  await writeFile(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return file;
}

async function importInto(root: string, file: string, options: { annotator?: string; asGold?: boolean } = {}) {
  const workspace = await Workspace.open(root);
  return importIntoWorkspace({ workspace, schema: await WorkspaceSchemaStore.open(root), ...(options.asGold ? { asGold: true } : {}) }, file, { annotator: options.annotator });
}

const layerPath = (root: string, annotator: string) => join(root, '.pilcrow', 'annotations', annotator, 'fa', 'water 😀.txt.json');
const decisionIn = async (root: string, annotator: string) => JSON.parse(await readFile(layerPath(root, annotator), 'utf8')).paragraphs[para.id];

describe('gold is imported only when the importer says it is gold', () => {
  it('refuses records for the gold layer without asGold, naming the line, and writes nothing', async () => {
    const root = await fixtureWorkspace();
    const goldBefore = await readFile(layerPath(root, 'gold'), 'utf8');
    const file = await jsonl([record(), record({ annotator: 'gold', labels: ['ad'], updated_at: '2026-11-30T08:00:00Z' })]);
    await expect(importInto(root, file)).rejects.toThrow(`${file}, line 2: nothing was imported: a record is for the gold layer (the reviewers' adjudicated answers, which decide resolution and scoring); if it holds adjudicated answers you trust, import it again with --as-gold`);
    await expect(importInto(root, await jsonl([record()]), { annotator: 'gold' })).rejects.toThrow('line 1: nothing was imported: a record is for the gold layer');
    expect(await readFile(layerPath(root, 'gold'), 'utf8')).toBe(goldBefore);
    expect(await readdir(join(root, '.pilcrow', 'annotations'))).not.toContain('mina');
  });

  it('imports them with asGold, newer by instant than the reviewer’s answer', async () => {
    const root = await fixtureWorkspace();
    const file = await jsonl([record({ annotator: 'gold', labels: ['ad'], updated_at: '2026-11-30T08:00:00Z' })]);
    const result = await importInto(root, file, { asGold: true });
    expect(result.layers).toMatchObject([{ annotator: 'gold', matched: 1, keptNewer: 0 }]);
    expect(await decisionIn(root, 'gold')).toMatchObject({ labels: ['ad'], updated_at: '2026-11-30T08:00:00Z' });
  });
});

describe('times in an import are real instants, not far in the future', () => {
  const refused: [string, unknown, RegExp][] = [
    ['a word', 'yesterday', /line 2 \(read as plain JSON records\): updated_at: must be a date and time with its offset, such as 2026-11-27T10:02:11Z or 2026-11-27T13:32:11\+03:30 \(got "yesterday"\); nothing was imported/],
    ['a date without a time', '2026-11-25', /line 2 \(read as plain JSON records\): updated_at: must be a date and time with its offset/],
    ['a time without an offset', '2026-11-25T08:00:00', /line 2 \(read as plain JSON records\): updated_at: must be a date and time with its offset/],
    ['a day that does not exist', '2026-02-30T08:00:00Z', /line 2 \(read as plain JSON records\): updated_at: must be a date and time with its offset/],
    ['a forged far future', '9999-12-31T23:59:59Z', /line 2 \(read as plain JSON records\): updated_at: is in the future \(9999-12-31T23:59:59Z; this computer's clock says .*, and up to 24 hours ahead are allowed/],
    ['25 hours ahead', new Date(Date.now() + 25 * HOUR).toISOString(), /line 2 \(read as plain JSON records\): updated_at: is in the future/],
    ['no time on a decision', null, /line 2 \(read as plain JSON records\): updated_at: is missing; a decision, note or flag needs the time it was made/],
  ];
  for (const [what, time, message] of refused) {
    it(`refuses ${what} with the record's line, writing nothing`, async () => {
      const root = await fixtureWorkspace();
      const file = await jsonl([record(), record({ updated_at: time })]);
      await expect(importInto(root, file)).rejects.toThrow(message);
      expect(await readdir(join(root, '.pilcrow', 'annotations'))).not.toContain('mina');
    });
  }

  it('refuses a forged done_at the same way', async () => {
    const root = await fixtureWorkspace();
    await expect(importInto(root, await jsonl([record({ status: 'done', done_at: '9999-01-01T00:00:00Z' })]))).rejects.toThrow(/line 1 \(read as plain JSON records\): done_at: is in the future/);
  });

  it('accepts another machine’s clock up to 24 hours ahead, and any offset', async () => {
    const root = await fixtureWorkspace();
    const ahead = new Date(Date.now() + 23 * HOUR).toISOString();
    const second = paragraphsOf(FA)[2]!;
    const file = await jsonl([record({ updated_at: ahead }), record({ paragraph: second.index, paragraph_id: second.id, text: second.text, updated_at: '2026-11-25T11:30:00+03:30' })]);
    const result = await importInto(root, file);
    expect(result.layers).toMatchObject([{ annotator: 'mina', matched: 2 }]);
  });

  it('skips an untouched paragraph’s record (no labels, note or time) instead of storing it as 1970', async () => {
    const root = await fixtureWorkspace();
    const second = paragraphsOf(FA)[2]!;
    const file = await jsonl([record(), record({ paragraph: second.index, paragraph_id: second.id, text: second.text, labels: null, updated_at: null })]);
    await importInto(root, file);
    const layer = JSON.parse(await readFile(layerPath(root, 'mina'), 'utf8'));
    expect(Object.keys(layer.paragraphs)).toEqual([para.id]);
    expect(JSON.stringify(layer)).not.toContain('1970');
  });
});

describe('newer wins by instant, not by text', () => {
  it('keeps the workspace’s 08:00Z decision over an imported 10:00+03:30 one, which is 06:30Z', async () => {
    const root = await fixtureWorkspace();
    await writeLayer(root, { article: ARTICLE, annotator: 'mina', updated_at: '2026-11-25T08:00:00Z', paragraphs: { [para.id]: { index: para.index, labels: ['quote'], updated_at: '2026-11-25T08:00:00Z' } } });
    const result = await importInto(root, await jsonl([record({ labels: ['ad'], updated_at: '2026-11-25T10:00:00+03:30' })]));
    expect(result.layers[0]).toMatchObject({ keptNewer: 1 });
    expect(await decisionIn(root, 'mina')).toMatchObject({ labels: ['quote'] });
  });

  it('replaces the workspace’s 10:00+03:30 decision with an imported 08:00Z one, which is later', async () => {
    const root = await fixtureWorkspace();
    await writeLayer(root, { article: ARTICLE, annotator: 'mina', updated_at: '2026-11-25T10:00:00+03:30', paragraphs: { [para.id]: { index: para.index, labels: ['quote'], updated_at: '2026-11-25T10:00:00+03:30' } } });
    const result = await importInto(root, await jsonl([record({ labels: ['ad'], updated_at: '2026-11-25T08:00:00Z' })]));
    expect(result.layers[0]).toMatchObject({ keptNewer: 0 });
    expect(await decisionIn(root, 'mina')).toMatchObject({ labels: ['ad'], updated_at: '2026-11-25T08:00:00Z' });
  });

  it('lets a real import replace a decision whose stored time is not an instant', async () => {
    const root = await fixtureWorkspace();
    await writeLayer(root, { article: ARTICLE, annotator: 'mina', updated_at: 'yesterday', paragraphs: { [para.id]: { index: para.index, labels: ['quote'], updated_at: 'yesterday' } } });
    await importInto(root, await jsonl([record({ labels: ['ad'] })]));
    expect(await decisionIn(root, 'mina')).toMatchObject({ labels: ['ad'] });
  });
});

describe('an import file is read only within the import limit, and only if it is a regular file', () => {
  it.each(['labels.jsonl', 'labels.json', 'labels.csv'])('refuses a %s larger than the limit before reading it, and writes nothing', async (name) => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('too-large'), name);
    // Sparse: the size is over the limit without 256 MB written to disk.
    await writeFile(file, '');
    await truncate(file, IMPORT_LIMIT.maxBytes + 1);
    await expect(importInto(root, file, { annotator: 'mina' })).rejects.toThrow(`${file}: cannot read it (it is 256.0 MB, more than Pilcrow reads for an export to import (256.0 MB); ${IMPORT_LIMIT.advice})`);
    expect(await readdir(join(root, '.pilcrow', 'annotations'))).not.toContain('mina');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of waiting on it', async () => {
    const root = await fixtureWorkspace();
    const fifo = join(await tempDir('fifo'), 'labels.jsonl');
    execFileSync('mkfifo', [fifo]);
    await expect(importInto(root, fifo, { annotator: 'mina' })).rejects.toThrow(/labels\.jsonl: cannot read it \(it is a named pipe/);
  });
});
