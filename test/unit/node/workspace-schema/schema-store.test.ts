import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFilePath, WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { labelsFolderPath, modeFilePath } from '../../../../src-main/node/workspace-schema/schema-folder';
import { readGuidelines } from '../../../../src-main/node/workspace-schema/guidelines';
import { labelUsage } from '../../../../src-main/node/workspace-schema/label-usage';
import { AnnotationStore } from '../../../../src-main/node/annotations/store';
import { renameMap } from '../../../../src-main/core/label-schema';
import type { RecoveryReport } from '../../../../src-main/node/storage';
import { tempDir } from '../temp';

describe('workspace label schema', () => {
  it('quarantines a schema that repeats a label or gives one key to two labels, saying which', async () => {
    const label = (name: string, key: string) => ({ name, key, color: '#336699', description: '' });
    for (const [labels, problem] of [
      [[label('quote', 'Digit1'), label('ad', 'Digit1')], 'wrong schema (labels: the Digit1 key is given to both "quote" and "ad")'],
      [[label('quote', 'Digit1'), label('quote', 'Digit2')], 'wrong schema (labels: "quote" is listed twice)'],
      [[label('quote', ''), label('ad', '')], null],
    ] as const) {
      const root = await tempDir();
      await mkdir(join(root, '.pilcrow'), { recursive: true });
      await writeFile(schemaFilePath(root), JSON.stringify({ version: 1, mode: 'multi', labels }));
      const reports: RecoveryReport[] = [];
      const store = await WorkspaceSchemaStore.open(root, (r) => reports.push(r));
      if (problem === null) expect(store.schema.labels.map((l) => l.name)).toEqual(['quote', 'ad']); // labels without keys are fine
      else expect(reports.map((r) => r.problem)).toEqual([problem]);
    }
  });

  it('uses the defaults without writing anything until someone edits', async () => {
    const root = await tempDir();
    const store = await WorkspaceSchemaStore.open(root);
    expect(store.schema.labels.map((l) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'ad']);
    expect(await readdir(root)).toEqual([]);
    await store.edit({ op: 'mode', mode: 'single' });
    expect(JSON.parse(await readFile(modeFilePath(root), 'utf8'))).toEqual({ version: 1, mode: 'single' });
    expect(await readdir(labelsFolderPath(root))).toEqual(['ad.json', 'boilerplate.json', 'claim.json', 'quote.json']);
  });

  it('re-reads the file before an edit, so a teammate’s change synced in meanwhile is kept', async () => {
    const root = await tempDir();
    const mine = await WorkspaceSchemaStore.open(root);
    const theirs = await WorkspaceSchemaStore.open(root);
    await theirs.edit({ op: 'add', label: { name: 'opinion', color: '#0e7490', key: 'KeyO', description: '' } });
    await mine.edit({ op: 'update', name: 'quote', color: '#000000' });
    const onDisk = (await WorkspaceSchemaStore.open(root)).schema;
    expect(onDisk.labels.map((l) => l.name)).toContain('opinion');
    expect(onDisk.labels[0]?.color).toBe('#000000');
  });

  it('quarantines a damaged schema file and falls back to the defaults', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.pilcrow'), { recursive: true });
    await writeFile(schemaFilePath(root), '{"version": 1, "mode": "multi", "labels": [');
    const reports: RecoveryReport[] = [];
    const store = await WorkspaceSchemaStore.open(root, (r) => reports.push(r));
    expect(store.schema.labels).toHaveLength(4);
    expect(reports).toHaveLength(1);
    expect(await readdir(join(root, '.pilcrow', 'quarantine'))).toHaveLength(1);
  });

  it('migrates a rename in this annotator’s files (all at once, or as each file opens) and never in a teammate’s', async () => {
    const root = await tempDir();
    const schema = await WorkspaceSchemaStore.open(root);
    const renames = () => renameMap(schema.schema);
    const sara = new AnnotationStore(root, 'sara', undefined, renames);
    await sara.setLabels('fa/a.txt', { id: 'p00000000001', index: 1 }, ['ad', 'quote']);
    await sara.setLabels('b.txt', { id: 'p00000000002', index: 2 }, ['ad']);
    await new AnnotationStore(root, 'omid').setLabels('fa/a.txt', { id: 'p00000000001', index: 1 }, ['ad']);
    await schema.edit({ op: 'rename', from: 'ad', to: 'advert' });
    expect(await sara.migrateAll()).toEqual({ files: 2, paragraphs: 2 });
    const saraFile = JSON.parse(await readFile(join(root, '.pilcrow/annotations/sara/fa/a.txt.json'), 'utf8'));
    expect(saraFile.paragraphs.p00000000001.labels).toEqual(['advert', 'quote']);
    const omidFile = join(root, '.pilcrow/annotations/omid/fa/a.txt.json');
    expect(JSON.parse(await readFile(omidFile, 'utf8')).paragraphs.p00000000001.labels).toEqual(['ad']);
    // Every reader applies the rename to omid's unmigrated file: its "ad" counts as "advert".
    expect(await labelUsage(root, 'ad')).toEqual({ paragraphs: 0, articles: 0, annotators: [] });
    expect(await labelUsage(root, 'advert')).toEqual({ paragraphs: 3, articles: 3, annotators: ['omid', 'sara'] });
    // As the files hold it: omid's file still says "ad" (the app tells the renaming editor so).
    expect(await labelUsage(root, 'ad', undefined, { asWritten: true })).toEqual({ paragraphs: 1, articles: 1, annotators: ['omid'] });
    // Omid's own app, opening the same workspace, migrates omid's file when it loads it.
    const omid = new AnnotationStore(root, 'omid', undefined, renames);
    expect((await omid.load('fa/a.txt')).paragraphs.p00000000001?.labels).toEqual(['advert']);
    expect(JSON.parse(await readFile(omidFile, 'utf8')).paragraphs.p00000000001.labels).toEqual(['advert']);
  });

  it('reads guidelines.md as text, says when it is missing, and refuses a symlink out of the workspace', async () => {
    const root = await tempDir();
    expect(await readGuidelines(root)).toEqual({ missing: true });
    await writeFile(join(root, 'guidelines.md'), '# Guide\n<script>x</script>');
    expect(await readGuidelines(root)).toEqual({ text: '# Guide\n<script>x</script>' });
    await writeFile(join(root, 'guidelines.md'), Buffer.from([0x23, 0xff, 0xfe]));
    expect(await readGuidelines(root)).toEqual({ error: expect.stringContaining('not valid UTF-8') });
  });
});
