/**
 * "Your file is yours" (issue 22 item 3): this annotator's label file changed on disk while the
 * app holds it (a git pull, a sync from their other machine) is merged by the next save or read,
 * never overwritten: decisions on disk the app has not seen are kept, and where both sides
 * changed a paragraph the later instant wins.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { AnnotationStore, type MergedFromDisk } from '../../../../src-main/node/annotations/store';
import { GoldStore } from '../../../../src-main/node/review/gold-store';
import { tempDir } from '../temp';

const ARTICLE = 'fa/news.txt';
const P = (n: number) => ({ id: `p${String(n).padStart(11, '0')}`, index: n });
const HOUR = 3_600_000;

async function session(annotator = 'sara') {
  const root = await tempDir('mine');
  const merged: MergedFromDisk[] = [];
  const store = new AnnotationStore(root, annotator);
  store.onMerged = (r) => merged.push(r);
  return { root, store, merged, file: annotationFilePath(root, annotator, ARTICLE) };
}

type Layer = { paragraphs: Record<string, { index: number; labels: string[]; updated_at: string; via?: string }>; status?: string; done_at?: string };
const onDisk = async (file: string): Promise<Layer> => JSON.parse(await readFile(file, 'utf8'));

/** Another machine's save, behind the session's back: the file as it is, changed by `edit`. */
async function changeBehindItsBack(file: string, edit: (layer: Layer) => void): Promise<void> {
  const layer = await onDisk(file);
  edit(layer);
  await writeFile(file, JSON.stringify(layer));
}

const labelsOf = (layer: Layer) => Object.fromEntries(Object.entries(layer.paragraphs).map(([id, e]) => [id, e.labels]));

describe('a label file changed on disk while the app holds it', () => {
  it('is merged by the next save: the decisions on both sides survive, and the .bak holds what was on disk', async () => {
    const { store, file, merged } = await session();
    await store.setLabels(ARTICLE, P(1), ['quote']);
    await changeBehindItsBack(file, (l) => void (l.paragraphs[P(2).id] = { index: 2, labels: ['claim'], updated_at: new Date().toISOString() }));
    const pulled = await readFile(file, 'utf8');
    await store.setLabels(ARTICLE, P(3), ['ad']);
    expect(labelsOf(await onDisk(file))).toEqual({ [P(1).id]: ['quote'], [P(2).id]: ['claim'], [P(3).id]: ['ad'] });
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(pulled);
    expect(merged).toEqual([{ article: ARTICLE, annotator: 'sara', decisions: 1 }]);
    // The old failure: a second save dropped them for good, .bak included.
    await store.setLabels(ARTICLE, P(4), ['quote']);
    expect(labelsOf(await onDisk(file))).toMatchObject({ [P(2).id]: ['claim'] });
    expect(labelsOf(await onDisk(`${file}.bak`))).toMatchObject({ [P(2).id]: ['claim'] });
    expect(merged).toHaveLength(1);
  });

  it('is merged when the article is loaded again, before anything is saved, and says how many decisions came in', async () => {
    const { store, file, merged } = await session();
    await store.setLabels(ARTICLE, P(1), ['quote']);
    await changeBehindItsBack(file, (l) => {
      l.paragraphs[P(1).id]!.labels = ['claim'];
      l.paragraphs[P(1).id]!.updated_at = new Date().toISOString();
      l.paragraphs[P(5).id] = { index: 5, labels: [], updated_at: new Date().toISOString() };
    });
    const layer = await store.load(ARTICLE);
    expect(layer.paragraphs[P(1).id]?.labels).toEqual(['claim']);
    expect(layer.paragraphs[P(5).id]?.labels).toEqual([]);
    expect(merged).toEqual([{ article: ARTICLE, annotator: 'sara', decisions: 2 }]);
    await store.load(ARTICLE);
    expect(merged).toHaveLength(1); // seen now: not merged again
  });

  it('takes a paragraph the other machine cleared (undo) when this app did not change it', async () => {
    const { store, file } = await session();
    await store.setLabels(ARTICLE, P(1), ['quote']);
    await store.setLabels(ARTICLE, P(2), ['claim']);
    await changeBehindItsBack(file, (l) => void delete l.paragraphs[P(1).id]);
    await store.setLabels(ARTICLE, P(3), ['ad']);
    expect(labelsOf(await onDisk(file))).toEqual({ [P(2).id]: ['claim'], [P(3).id]: ['ad'] });
  });

  it('keeps the later decision by instant where both sides changed one paragraph, whatever the offset', async () => {
    const { store, file } = await session();
    await store.setLabels(ARTICLE, P(1), ['quote']);
    await store.setLabels(ARTICLE, P(2), ['quote']);
    // Disk: ¶1 changed an hour from now by a clock ahead (wins over this save); ¶2 changed an hour ago, written with +03:30.
    const ahead = new Date(Date.now() + HOUR).toISOString();
    const earlier = new Date(Date.now() - HOUR + 3.5 * HOUR).toISOString().replace('Z', '+03:30');
    await changeBehindItsBack(file, (l) => {
      l.paragraphs[P(1).id] = { index: 1, labels: ['claim'], updated_at: ahead };
      l.paragraphs[P(2).id] = { index: 2, labels: ['claim'], updated_at: earlier };
    });
    await store.change(ARTICLE, (data, now) => {
      data.paragraphs[P(1).id] = { index: 1, labels: ['ad'], updated_at: now };
      data.paragraphs[P(2).id] = { index: 2, labels: ['ad'], updated_at: now };
    });
    expect(labelsOf(await onDisk(file))).toEqual({ [P(1).id]: ['claim'], [P(2).id]: ['ad'] });
  });

  it('lets a real decision from disk beat the "none" that marking done filled in here', async () => {
    const { store, file } = await session();
    await store.setLabels(ARTICLE, P(1), ['quote']);
    await changeBehindItsBack(file, (l) => void (l.paragraphs[P(2).id] = { index: 2, labels: ['claim'], updated_at: new Date(Date.now() - HOUR).toISOString() }));
    await store.change(ARTICLE, (data, now) => {
      data.paragraphs[P(2).id] = { index: 2, labels: [], updated_at: now, via: 'done' };
      data.status = 'done';
      data.done_at = now;
    });
    const layer = await onDisk(file);
    expect(layer.paragraphs[P(2).id]).toMatchObject({ labels: ['claim'] });
    expect(layer.status).toBe('done');
  });

  it('merges a file that appeared on disk after the app found none', async () => {
    const { root, store, file } = await session();
    expect((await store.load(ARTICLE)).paragraphs).toEqual({});
    const other = new AnnotationStore(root, 'sara');
    await other.setLabels(ARTICLE, P(7), ['claim']); // the sync brings the other machine's first save
    await store.setLabels(ARTICLE, P(1), ['quote']);
    expect(labelsOf(await onDisk(file))).toEqual({ [P(1).id]: ['quote'], [P(7).id]: ['claim'] });
  });

  it('merges the gold layer the same way: another reviewer’s pulled adjudication is kept', async () => {
    const root = await tempDir('gold');
    const gold = new GoldStore(root, 'mina');
    const merged: MergedFromDisk[] = [];
    gold.onMerged = (r) => merged.push(r);
    await gold.set(ARTICLE, [{ paragraph: P(1), labels: ['quote'], took: 'new' }]);
    const file = annotationFilePath(root, 'gold', ARTICLE);
    await changeBehindItsBack(file, (l) => void (l.paragraphs[P(2).id] = { index: 2, labels: ['claim'], updated_at: new Date().toISOString() }));
    await gold.set(ARTICLE, [{ paragraph: P(3), labels: ['ad'], took: 'new' }]);
    expect(labelsOf(await onDisk(file))).toEqual({ [P(1).id]: ['quote'], [P(2).id]: ['claim'], [P(3).id]: ['ad'] });
    expect(merged).toEqual([{ article: ARTICLE, annotator: 'gold', decisions: 1 }]);
  });
});
