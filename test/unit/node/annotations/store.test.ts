import { mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore, LayerReader } from '../../../../src-main/node/annotations/store';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import type { RecoveryReport } from '../../../../src-main/node/storage';
import { tempDir } from '../temp';

describe('annotation store', () => {
  it('saves one file per article and annotator under .pilcrow/annotations and reads it back', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    await store.setLabels('fa/news one.txt', { id: 'pabcdefghijk', index: 3 }, ['quote', 'claim']);
    const file = join(root, '.pilcrow', 'annotations', 'sara', 'fa', 'news one.txt.json');
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk).toMatchObject({ version: 1, article: 'fa/news one.txt', annotator: 'sara', paragraphs: { pabcdefghijk: { index: 3, labels: ['quote', 'claim'] } } });
    const reopened = await new AnnotationStore(root, 'sara').load('fa/news one.txt');
    expect(reopened.paragraphs.pabcdefghijk?.labels).toEqual(['quote', 'claim']);
  });

  it('keeps a paragraph whose last label is removed as "reviewed — none" (labels [])', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    await store.setLabels('a.txt', { id: 'pabcdefghijk', index: 0 }, ['ad']);
    const after = await store.setLabels('a.txt', { id: 'pabcdefghijk', index: 0 }, []);
    expect(after.paragraphs.pabcdefghijk).toMatchObject({ index: 0, labels: [] });
  });

  it('keeps the newest labels when many changes are saved at once', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, 'sara');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.setLabels('a.txt', { id: `p${String(i).padStart(11, '0')}`, index: i }, ['claim'])));
    const onDisk = JSON.parse(await readFile(annotationFilePath(root, 'sara', 'a.txt'), 'utf8'));
    expect(Object.keys(onDisk.paragraphs)).toHaveLength(20);
  });

  it('never writes another annotator’s layer and lists every annotator with a folder', async () => {
    const root = await tempDir();
    await new AnnotationStore(root, 'omid').setLabels('a.txt', { id: 'pabcdefghijk', index: 0 }, ['ad']);
    await new AnnotationStore(root, 'سارا').setLabels('a.txt', { id: 'pabcdefghijk', index: 0 }, ['quote']);
    const reader = new LayerReader(root);
    expect(await reader.annotators()).toEqual(['omid', 'سارا']);
    expect((await reader.readLayer('omid', 'a.txt'))?.paragraphs.pabcdefghijk?.labels).toEqual(['ad']);
    expect(await reader.readLayer('nobody', 'a.txt')).toBeNull();
  });

  it('quarantines a corrupt layer file with its bytes intact and tells the caller', async () => {
    const root = await tempDir();
    const file = annotationFilePath(root, 'sara', 'a.txt');
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{"version": 1, "paragraphs": ');
    const reports: RecoveryReport[] = [];
    const data = await new AnnotationStore(root, 'sara', (r) => reports.push(r)).load('a.txt');
    expect(data.paragraphs).toEqual({});
    expect(reports).toHaveLength(1);
    expect(reports[0]?.problem).toMatch(/JSON/i);
    const quarantined = await readdir(join(root, '.pilcrow', 'quarantine'));
    expect(await readFile(join(root, '.pilcrow', 'quarantine', quarantined[0]!), 'utf8')).toBe('{"version": 1, "paragraphs": ');
  });

  it('refuses annotator names and article paths that would escape the annotations folder', () => {
    expect(() => annotationFilePath('/ws', '../evil', 'a.txt')).toThrow(/annotator/);
    expect(() => annotationFilePath('/ws', 'sara', '../../a.txt')).toThrow(/article path/);
  });
});
