import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { LayerReader } from '../../../../src-main/node/annotations/store';
import type { RecoveryReport } from '../../../../src-main/node/storage';
import { tempDir } from '../temp';

const layer = (article: string, annotator: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, article, annotator, updated_at: '2026-12-01T09:00:00Z', status: 'done', paragraphs: { p1: { index: 0, labels: ['quote', 'quote'], updated_at: '2026-12-01T09:00:00Z', suggested_by: { quote: 'quotes' } } }, ...extra });

/** One workspace holding one label file of each kind a reader meets; the same bytes each time. */
async function workspace(): Promise<{ root: string; articles: string[] }> {
  const root = await tempDir('read-layers');
  const outside = await tempDir('read-layers-outside');
  const files: Record<string, string | null> = {
    'plain.txt': layer('plain.txt', 'sara'),
    'unknown-key.txt': layer('unknown-key.txt', 'sara', { added_by_a_newer_app: true }),
    'mid-merge.txt': `<<<<<<< HEAD\n${layer('mid-merge.txt', 'sara')}\n=======\n{}\n>>>>>>> theirs\n`,
    'damaged.txt': '{"version": 1, "article": ',
    'wrong-shape.txt': layer('wrong-shape.txt', 'sara', { status: 'finished' }),
    'missing.txt': null,
  };
  for (const [article, text] of Object.entries(files)) {
    if (text === null) continue;
    const file = annotationFilePath(root, 'sara', article);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  // A label file that is a link to one outside, and one in a folder that is a link.
  await writeFile(join(outside, 'l.json'), layer('link.txt', 'sara'));
  await symlink(join(outside, 'l.json'), annotationFilePath(root, 'sara', 'link.txt'));
  await mkdir(join(outside, 'folder'));
  await writeFile(join(outside, 'folder', 'x.txt.json'), layer('linked/x.txt', 'sara'));
  await symlink(join(outside, 'folder'), join(dirname(annotationFilePath(root, 'sara', 'plain.txt')), 'linked'));
  return { root, articles: [...Object.keys(files), 'link.txt', 'linked/x.txt'] };
}

async function read(way: 'one by one' | 'all at once') {
  const { root, articles } = await workspace();
  const reports: RecoveryReport[] = [];
  const reader = new LayerReader(root, (r) => reports.push(r), () => new Map([['quote', 'citation']]));
  const layers = way === 'one by one' ? await Promise.all(articles.map((a) => reader.readLayer('sara', a))) : await reader.readLayers(articles.map((article) => ({ annotator: 'sara', article })));
  const relative = (path: string | null) => path && path.slice(root.length);
  // Quarantine names carry the time, and the outside folder is another temp folder each time.
  const said = (r: RecoveryReport) => r.problem.replaceAll(root, '').replace(/\/tmp\/pilcrow-read-layers-outside-\w+/g, 'OUTSIDE');
  const report = (r: RecoveryReport) => ({ file: relative(r.file), problem: said(r), quarantined: r.quarantinedTo !== null, restoredFrom: r.restoredFrom, midMerge: r.midMerge, code: r.said?.code });
  return { layers, reports: reports.map(report).sort((a, b) => a.file!.localeCompare(b.file!)) };
}

describe('reading many label files at once', () => {
  it('gives every layer and every report that reading them one by one gives', async () => {
    const oneByOne = await read('one by one');
    const atOnce = await read('all at once');
    expect(atOnce.layers).toStrictEqual(oneByOne.layers);
    expect(atOnce.reports).toEqual(oneByOne.reports);
    // Renames and repeated labels applied; the unknown key dropped as the schema drops it.
    expect(atOnce.layers[0]!.paragraphs.p1!.labels).toEqual(['citation']);
    expect(atOnce.layers[1]).not.toHaveProperty('added_by_a_newer_app');
    // Named: mid-merge, damaged, wrong shape, the link and the file in a linked folder.
    expect(atOnce.reports.map((r) => r.file!.split('/').pop()).sort()).toEqual(['damaged.txt.json', 'link.txt.json', 'mid-merge.txt.json', 'wrong-shape.txt.json', 'x.txt.json']);
    expect(atOnce.layers.map((l) => l === null)).toEqual([false, false, true, true, true, true, true, true]);
  });
});
