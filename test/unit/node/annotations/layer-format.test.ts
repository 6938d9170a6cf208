import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LayerSerialiser } from '../../../../src-main/node/annotations/layer-format';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { annotationFileSchema, type AnnotationFile } from '../../../../src-main/node/annotations/schema';
import { AnnotationStore } from '../../../../src-main/node/annotations/store';
import { tempDir } from '../temp';

const decoder = new TextDecoder();

function layer(): AnnotationFile {
  return {
    version: 1,
    article: 'fa/news-1.txt',
    annotator: 'sara',
    updated_at: '2026-11-27T10:02:11.514Z',
    status: 'in_progress',
    paragraphs: {
      p0qni9cksk3d: { index: 4, labels: ['quote', 'claim'], updated_at: '2026-11-27T10:02:11.514Z', anchor: { exact: 'سلام\u200cدنیا «نقل»', prefix: '', suffix: '\n' } },
      p1vgbgrp1d7e: { index: 5, labels: [], updated_at: '2026-11-27T10:02:12.000Z', note: 'line one\nline two', flagged: true },
    },
    orphans: [{ paragraph_id: 'p21rsju5duef', entry: { index: 9, labels: ['ad'], updated_at: '2026-11-27T09:00:00.000Z' }, orphaned_at: '2026-11-27T10:00:00.000Z', reason: 'its text is gone from the file' }],
  };
}

describe('annotation file layout', () => {
  it('reads back as exactly the data saved, with one line per decision and per orphan', () => {
    const data = layer();
    const text = decoder.decode(new LayerSerialiser().serialise(data));
    expect(annotationFileSchema.parse(JSON.parse(text))).toEqual(data);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('    "p0qni9cksk3d": {'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('    "p1vgbgrp1d7e": {'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('    {"paragraph_id":"p21rsju5duef"'))).toHaveLength(1);
  });

  it('writes an article with no decisions and no orphans as valid JSON', () => {
    const data = { ...layer(), paragraphs: {}, orphans: [] };
    expect(JSON.parse(decoder.decode(new LayerSerialiser().serialise(data)))).toEqual(data);
  });

  it('refuses a new decision that would not read back, naming its paragraph', () => {
    const data = layer();
    const serialiser = new LayerSerialiser();
    serialiser.serialise(data);
    data.paragraphs.p2c7u36586c4 = { index: -1, labels: ['quote'], updated_at: 'now' };
    expect(() => serialiser.serialise(data)).toThrow(/paragraph p2c7u36586c4/);
  });

  it('checks a decision changed in place, and keeps refusing it until it is fixed', () => {
    const data = layer();
    const serialiser = new LayerSerialiser();
    serialiser.serialise(data);
    data.paragraphs.p1vgbgrp1d7e!.note = 'x'.repeat(10_001);
    expect(() => serialiser.serialise(data)).toThrow(/paragraph p1vgbgrp1d7e/);
    expect(() => serialiser.serialise(data)).toThrow(/paragraph p1vgbgrp1d7e/);
    data.paragraphs.p1vgbgrp1d7e!.note = 'short';
    expect(JSON.parse(decoder.decode(serialiser.serialise(data))).paragraphs.p1vgbgrp1d7e.note).toBe('short');
  });

  it('refuses bad file fields and bad orphans', () => {
    expect(() => new LayerSerialiser().serialise({ ...layer(), status: 'finished' as 'done' })).toThrow();
    const data = layer();
    data.orphans[0]!.entry.labels = [''];
    expect(() => new LayerSerialiser().serialise(data)).toThrow(/orphaned decision p21rsju5duef/);
  });

  it('a file pretty-printed by earlier versions loads, and the next save rewrites it in this layout', async () => {
    const root = await tempDir();
    const file = annotationFilePath(root, 'sara', 'fa/news-1.txt');
    await mkdir(dirname(file), { recursive: true });
    const old = layer();
    await writeFile(file, JSON.stringify(old, null, 2));
    const store = new AnnotationStore(root, 'sara');
    expect(await store.load('fa/news-1.txt')).toEqual(old);
    const after = await store.setLabels('fa/news-1.txt', { id: 'p0qni9cksk3d', index: 4 }, ['quote']);
    const text = await readFile(file, 'utf8');
    expect(annotationFileSchema.parse(JSON.parse(text))).toEqual(after);
    expect(text.split('\n').filter((l) => l.startsWith('    "p0qni9cksk3d": {"index":4,"labels":["quote"]'))).toHaveLength(1);
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual(old);
  });
});

describe('anchors saved with decisions', () => {
  const anchorOf = (reading: string) => (id: string) => ({ exact: `${reading}:${id}`, prefix: '', suffix: '' });

  it('a save anchors the decisions it touches; a new reading of the article re-anchors every decision', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    let lookup = anchorOf('first');
    store.anchorsFor = async () => lookup;
    await store.setLabels('a.txt', { id: 'paaaaaaaaaaa', index: 0 }, ['quote']);
    const second = await store.setLabels('a.txt', { id: 'pbbbbbbbbbbb', index: 1 }, ['claim']);
    expect(second.paragraphs.paaaaaaaaaaa?.anchor?.exact).toBe('first:paaaaaaaaaaa');
    expect(second.paragraphs.pbbbbbbbbbbb?.anchor?.exact).toBe('first:pbbbbbbbbbbb');
    lookup = anchorOf('second');
    const third = await store.setLabels('a.txt', { id: 'pbbbbbbbbbbb', index: 1 }, ['ad']);
    expect(third.paragraphs.paaaaaaaaaaa?.anchor?.exact).toBe('second:paaaaaaaaaaa');
    const onDisk = JSON.parse(await readFile(annotationFilePath(root, 'sara', 'a.txt'), 'utf8'));
    expect(onDisk.paragraphs.paaaaaaaaaaa.anchor.exact).toBe('second:paaaaaaaaaaa');
    expect(onDisk.paragraphs.pbbbbbbbbbbb.anchor.exact).toBe('second:pbbbbbbbbbbb');
  });
});
