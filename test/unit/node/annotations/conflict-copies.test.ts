import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asConflictCopy, findConflictCopies } from '../../../../src-main/node/annotations/conflict-copies';
import { mergeConflictCopy } from '../../../../src-main/node/annotations/merge-conflict-copy';
import type { AnnotationFile } from '../../../../src-main/node/annotations/schema';
import { AnnotationStore } from '../../../../src-main/node/annotations/store';
import { tempDir } from '../temp';

const layer = (paragraphs: AnnotationFile['paragraphs'], updated_at: string, status: 'in_progress' | 'done' = 'in_progress'): AnnotationFile => ({
  version: 1,
  article: 'fa/a.txt',
  annotator: 'sara',
  updated_at,
  status,
  paragraphs,
  orphans: [],
});

async function put(root: string, rel: string, content: unknown) {
  const path = join(root, '.pilcrow', 'annotations', ...rel.split('/'));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
}

describe('sync-tool conflict copies', () => {
  it('recognises the names Dropbox, Nextcloud, Syncthing, Google Drive and OneDrive give conflict copies', () => {
    const names = [
      'sara/fa/a.txt (conflicted copy 2026-11-27).json',
      "sara/fa/a.txt (Omid's conflicted copy 2026-11-27).json",
      'sara/fa/a.txt (conflicted copy 2026-11-27 101010).json',
      'sara/fa/a.txt.sync-conflict-20261127-101010-ABCDEF7.json',
      'sara/fa/a.txt (1).json',
      'sara/fa/a.txt-DESKTOP-4F2K9Q1.json',
    ];
    for (const name of names) expect(asConflictCopy(name), name).toMatchObject({ annotator: 'sara', article: 'fa/a.txt' });
    expect(asConflictCopy('sara/fa/a.txt.json')).toBeNull();
    expect(asConflictCopy('sara/fa/report (1).txt.json')).toBeNull();
  });

  it('lists conflict copies but never the layer files themselves', async () => {
    const root = await tempDir();
    await put(root, 'sara/fa/a.txt.json', layer({}, '2026-01-01T00:00:00.000Z'));
    await put(root, 'sara/fa/a.txt (conflicted copy 2026-11-27).json', layer({}, '2026-01-01T00:00:00.000Z'));
    const copies = await findConflictCopies(root);
    expect(copies.map((c) => [c.file, c.tool])).toEqual([['sara/fa/a.txt (conflicted copy 2026-11-27).json', 'Dropbox / Nextcloud']]);
  });

  it('merges a copy: the newer decision per paragraph wins, and the copy is set aside byte for byte', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    await store.setLabels('fa/a.txt', { id: 'paaaaaaaaaaa', index: 0 }, ['quote']);
    await store.setLabels('fa/a.txt', { id: 'pbbbbbbbbbbb', index: 1 }, ['claim']);
    const copy = layer(
      {
        paaaaaaaaaaa: { index: 0, labels: ['ad'], updated_at: '2001-01-01T00:00:00.000Z' },
        pbbbbbbbbbbb: { index: 1, labels: ['boilerplate'], updated_at: '2999-01-01T00:00:00.000Z' },
        pccccccccccc: { index: 2, labels: [], updated_at: '2001-01-01T00:00:00.000Z' },
      },
      '2001-01-01T00:00:00.000Z',
    );
    const name = 'sara/fa/a.txt.sync-conflict-20261127-101010-ABCDEF7.json';
    await put(root, name, copy);
    const [found] = await findConflictCopies(root);
    const outcome = await mergeConflictCopy(store, found!);
    expect(outcome).toMatchObject({ taken: 2, kept: 1 });
    const merged = JSON.parse(await readFile(join(root, '.pilcrow/annotations/sara/fa/a.txt.json'), 'utf8'));
    expect(Object.fromEntries(Object.entries(merged.paragraphs).map(([id, e]) => [id, (e as { labels: string[] }).labels]))).toEqual({
      paaaaaaaaaaa: ['quote'],
      pbbbbbbbbbbb: ['boilerplate'],
      pccccccccccc: [],
    });
    expect(await findConflictCopies(root)).toEqual([]);
    expect(await readFile(outcome.setAsideTo, 'utf8')).toBe(JSON.stringify(copy));
  });

  it('keeps the suggestions either copy turned down, without making them decisions', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    await store.change('fa/a.txt', (data) => void (data.rejected_suggestions = { paaaaaaaaaaa: { claim: 'claim-cues' } }));
    const copy = { ...layer({}, '2001-01-01T00:00:00.000Z'), rejected_suggestions: { paaaaaaaaaaa: { claim: 'model:x', quote: 'quote-cues' }, pbbbbbbbbbbb: { ad: 'ad-cues' } } };
    await put(root, 'sara/fa/a.txt (1).json', copy);
    const [found] = await findConflictCopies(root);
    await mergeConflictCopy(store, found!);
    const merged = JSON.parse(await readFile(join(root, '.pilcrow/annotations/sara/fa/a.txt.json'), 'utf8'));
    expect(merged.rejected_suggestions).toEqual({ paaaaaaaaaaa: { claim: 'claim-cues', quote: 'quote-cues' }, pbbbbbbbbbbb: { ad: 'ad-cues' } });
    expect(merged.paragraphs).toEqual({});
  });

  it('refuses a copy that is not a layer file and leaves it in place', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    await put(root, 'sara/fa/a.txt (conflicted copy 2026-11-27).json', '{"hello": 1}');
    const [found] = await findConflictCopies(root);
    await expect(mergeConflictCopy(store, found!)).rejects.toThrow(/is not a Pilcrow layer file.*left where it is/);
    expect(await readdir(join(root, '.pilcrow/annotations/sara/fa'))).toEqual(['a.txt (conflicted copy 2026-11-27).json']);
  });
});
