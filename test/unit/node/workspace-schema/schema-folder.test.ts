import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRenames, schemaFilePath, WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { labelFilePath, labelsFolderPath } from '../../../../src-main/node/workspace-schema/schema-folder';
import { labelIdOf } from '../../../../src-main/shared/labels';
import type { RecoveryReport } from '../../../../src-main/node/storage';
import { tempDir } from '../temp';

const fact = { name: 'fact', color: '#117733', key: 'Digit5', description: '' };
const opinion = { name: 'opinion', color: '#aa4499', key: 'Digit6', description: '' };

async function legacyWorkspace(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, '.pilcrow'), { recursive: true });
  const labels = [
    { name: 'quote', color: '#2f6fde', key: 'Digit1', description: '' },
    { name: 'advert', color: '#a21caf', key: 'Digit4', description: '' },
  ];
  await writeFile(schemaFilePath(root), JSON.stringify({ version: 1, mode: 'single', labels, retired: [], renames: [{ from: 'ad', to: 'advert', at: '2026-11-27T10:00:00.000Z' }] }));
  return root;
}

describe('the label schema as one file per label', () => {
  it('reads a schema.json workspace as before (each id is its name), and its first edit writes the folder and removes schema.json', async () => {
    const root = await legacyWorkspace();
    const store = await WorkspaceSchemaStore.open(root);
    expect(store.schema.labels.map((l) => [l.name, labelIdOf(l)])).toEqual([['quote', 'quote'], ['advert', 'advert']]);
    expect(await readdir(join(root, '.pilcrow'))).toEqual(['schema.json']); // opening wrote nothing
    await store.edit({ op: 'add', label: fact });
    expect((await readdir(join(root, '.pilcrow'))).sort()).toEqual(['.gitignore', 'schema']);
    expect((await readdir(labelsFolderPath(root))).sort()).toEqual(['advert.json', 'fact.json', 'quote.json']);
    const advert = JSON.parse(await readFile(labelFilePath(root, 'advert'), 'utf8'));
    expect(advert).toMatchObject({ id: 'advert', name: 'advert', renamed_from: [{ name: 'ad' }] });
    const reread = await WorkspaceSchemaStore.open(root);
    expect(reread.schema.mode).toBe('single');
    expect(reread.schema.labels.map((l) => l.name)).toEqual(['quote', 'advert', 'fact']);
    expect(await readRenames(root)).toEqual(new Map([['ad', 'advert']]));
  });

  it('keeps both labels two editors added on two machines, in a stable order, each in its own file', async () => {
    const base = await tempDir();
    await (await WorkspaceSchemaStore.open(base)).edit({ op: 'mode', mode: 'multi' });
    const [sara, omid] = [await tempDir(), await tempDir()];
    for (const copy of [sara, omid]) {
      await mkdir(labelsFolderPath(copy), { recursive: true });
      for (const name of await readdir(labelsFolderPath(base))) await writeFile(join(labelsFolderPath(copy), name), await readFile(join(labelsFolderPath(base), name)));
    }
    await (await WorkspaceSchemaStore.open(sara)).edit({ op: 'add', label: fact });
    await (await WorkspaceSchemaStore.open(omid)).edit({ op: 'add', label: opinion });
    // What a merge of the two folders holds: every file of both (none was changed by both).
    const sharedNames = (await readdir(labelsFolderPath(base))).sort();
    for (const name of sharedNames) expect(await readFile(join(labelsFolderPath(sara), name), 'utf8')).toBe(await readFile(join(labelsFolderPath(omid), name), 'utf8'));
    await writeFile(labelFilePath(sara, 'opinion'), await readFile(labelFilePath(omid, 'opinion')));
    const merged = await WorkspaceSchemaStore.open(sara);
    expect(merged.schema.labels.map((l) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'ad', 'fact', 'opinion']);
  });

  it('leaves a label file with conflict markers byte for byte, names it, reads the rest and refuses an edit until it is fixed', async () => {
    const root = await tempDir();
    await (await WorkspaceSchemaStore.open(root)).edit({ op: 'add', label: fact });
    const conflicted = '{\n<<<<<<< HEAD\n  "color": "#111111",\n=======\n  "color": "#222222",\n>>>>>>> theirs\n}\n';
    await writeFile(labelFilePath(root, 'fact'), conflicted);
    const reports: RecoveryReport[] = [];
    const store = await WorkspaceSchemaStore.open(root, (r) => reports.push(r));
    expect(store.schema.labels.map((l) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'ad']);
    expect(reports).toEqual([expect.objectContaining({ file: labelFilePath(root, 'fact'), midMerge: true, quarantinedTo: null })]);
    await expect(store.edit({ op: 'add', label: opinion })).rejects.toThrow(/cannot be changed while .*fact\.json cannot be read/);
    expect(await readFile(labelFilePath(root, 'fact'), 'utf8')).toBe(conflicted);
    expect((await readdir(labelsFolderPath(root))).sort()).toEqual(['ad.json', 'boilerplate.json', 'claim.json', 'fact.json', 'quote.json']);
  });

  it('refuses an edit while schema.json is mid-merge, so the folder never replaces labels it could not read', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.pilcrow'), { recursive: true });
    const conflicted = '{\n<<<<<<< HEAD\n"a": 1\n=======\n"a": 2\n>>>>>>> x\n}\n';
    await writeFile(schemaFilePath(root), conflicted);
    const store = await WorkspaceSchemaStore.open(root);
    await expect(store.edit({ op: 'add', label: fact })).rejects.toThrow(/cannot be changed while .*schema\.json cannot be read/);
    expect(await readdir(join(root, '.pilcrow'))).toEqual(['schema.json']);
    expect(await readFile(schemaFilePath(root), 'utf8')).toBe(conflicted);
  });

  it('of two labels given one key by two editors, the first keeps it; a sync tool’s copy and an oversized file are not read as labels', async () => {
    const root = await tempDir();
    const store = await WorkspaceSchemaStore.open(root);
    await store.edit({ op: 'add', label: fact });
    const clash = JSON.parse(await readFile(labelFilePath(root, 'fact'), 'utf8'));
    await writeFile(labelFilePath(root, 'zeal'), JSON.stringify({ ...clash, id: 'zeal', name: 'zeal' }));
    await writeFile(join(labelsFolderPath(root), 'fact (Sara’s conflicted copy 2026-12-05).json'), JSON.stringify({ ...clash, name: 'copy' }));
    await writeFile(labelFilePath(root, 'huge'), `{"x": "${'a'.repeat(70_000)}"}`);
    const reports: RecoveryReport[] = [];
    const reread = await WorkspaceSchemaStore.open(root, (r) => reports.push(r));
    expect(reread.schema.labels.map((l) => [l.name, l.key])).toEqual([['quote', 'Digit1'], ['claim', 'Digit2'], ['boilerplate', 'Digit3'], ['ad', 'Digit4'], ['fact', 'Digit5'], ['zeal', '']]);
    expect(reports.map((r) => r.file)).toEqual([labelFilePath(root, 'huge')]);
    expect(reports[0]?.problem).toMatch(/more than Pilcrow reads/);
  });

  it('names a labels folder that is a link, reads no label through it, and refuses edits, leaving the link', async () => {
    const root = await tempDir();
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, 'fact.json'), JSON.stringify({ version: 1, id: 'fact', name: 'fact', order: 0, color: '#117733', key: '', description: '' }));
    await mkdir(join(root, '.pilcrow', 'schema'), { recursive: true });
    await symlink(elsewhere, labelsFolderPath(root));
    const reports: RecoveryReport[] = [];
    const store = await WorkspaceSchemaStore.open(root, (r) => reports.push(r));
    expect(store.schema.labels.map((l) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'ad']);
    expect(reports.map((r) => r.file)).toEqual([labelsFolderPath(root)]);
    await expect(store.edit({ op: 'add', label: opinion })).rejects.toThrow(/cannot be changed while/);
    expect((await lstat(labelsFolderPath(root))).isSymbolicLink()).toBe(true);
    expect(await readdir(elsewhere)).toEqual(['fact.json']);
  });

  it('keeps a label named like a Windows device in a file Windows can hold, and reads it back by its id', async () => {
    const root = await tempDir();
    await (await WorkspaceSchemaStore.open(root)).edit({ op: 'add', label: { name: 'con', color: '#123456', key: '', description: '' } });
    expect(await readdir(labelsFolderPath(root))).toContain('_con.json');
    expect((await WorkspaceSchemaStore.open(root)).schema.labels.map((l) => l.name)).toContain('con');
  });
});
