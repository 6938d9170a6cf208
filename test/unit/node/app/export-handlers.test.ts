import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable, type Dialogs } from '../../../../src-main/node/app/handlers';
import { Session } from '../../../../src-main/node/app/session';
import type { ExportProgress } from '../../../../src-main/shared/contract/export';
import { SAMPLE_WORKSPACE, tempDir } from '../temp';
import { fixtureWorkspace } from '../export/fixture';

async function app(workspace: string, dialogs: Partial<Dialogs>) {
  const session = await Session.create({ userDataDir: await tempDir('ud'), sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: workspace });
  await session.setAnnotator('sara');
  const events: ExportProgress[] = [];
  const table = createHandlerTable(session, { pickFolder: async () => null, pickSaveFile: async () => null, ...dialogs }, 'test', (event, payload) => {
    if (event === 'export.progress') events.push(payload as ExportProgress);
  });
  await dispatch(table, 'app.init', {});
  return { events, call: (channel: string, request: unknown = {}) => dispatch(table, channel, request) };
}

describe('export and import channels', () => {
  it('runs the dialog’s choices, pushes progress events and names the format in the save dialog', async () => {
    const root = await fixtureWorkspace();
    const out = join(await tempDir('h'), 'labels.csv');
    const suggested: string[] = [];
    const { call, events } = await app(root, { pickSaveFile: async (name) => (suggested.push(name), out) });
    const envelope = await call('export.run', { format: 'csv', layers: ['omid'], labels: ['claim'] });
    expect(envelope).toMatchObject({ ok: true, result: { file: out, format: 'csv', records: 3, articles: 2 } });
    expect(suggested[0]).toMatch(/-labels\.csv$/);
    expect(events.at(-1)).toMatchObject({ phase: 'writing', articlesDone: 3, articlesTotal: 3, records: 3 });
    expect((await readFile(out, 'utf8')).split('\r\n')[0]).toContain('label:claim,other_labels');
  });

  it('lists the layers for the dialog and explains a bad choice', async () => {
    const { call } = await app(await fixtureWorkspace(), { pickSaveFile: async () => '/nonexistent/x.json' });
    expect(await call('export.layers')).toEqual({ ok: true, result: [{ name: 'gold', articles: 1 }, { name: 'omid', articles: 2 }, { name: 'sara', articles: 1 }] });
    expect(await call('export.run', { labels: ['nope'] })).toMatchObject({ ok: false, error: { code: 'bad-export-choice', message: 'Cannot export: unknown label "nope"; the labels are quote, claim, boilerplate, ad.' } });
    expect(await call('export.run', { format: 'xml' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses to import into this app’s own layer before writing anything', async () => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('h'), 'sara.jsonl');
    const { call } = await app(root, { pickOpenFile: async () => file });
    const before = await readFile(join(root, '.pilcrow', 'annotations', 'sara', 'fa', 'water 😀.txt.json'), 'utf8');
    const { call: exporter } = await app(root, { pickSaveFile: async () => file });
    await exporter('export.run', { format: 'jsonl', layers: ['sara'] });
    const refused = await call('import.run', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'import-own-layer' } });
    expect(await readFile(join(root, '.pilcrow', 'annotations', 'sara', 'fa', 'water 😀.txt.json'), 'utf8')).toBe(before);
    const imported = await call('import.run', { annotator: 'sara-laptop' });
    expect(imported).toMatchObject({ ok: true, result: { format: 'pilcrow', layers: [{ annotator: 'sara-laptop', matched: 4, unmatched: 0 }] } });
    expect((await stat(join(root, '.pilcrow', 'annotations', 'sara-laptop', 'fa', 'water 😀.txt.json'))).isFile()).toBe(true);
    await writeFile(file, 'not json\n');
    expect(await call('import.run', { annotator: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-import-file', message: `${file}, line 1: is not valid JSON; fix or remove that line, or export the file again` } });
  });

  it('imports gold answers only once the reviewer confirms them, and refuses them before writing otherwise', async () => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('h'), 'gold.jsonl');
    const { call: exporter } = await app(root, { pickSaveFile: async () => file });
    await exporter('export.run', { format: 'jsonl', layers: ['gold'] });
    const copy = await fixtureWorkspace();
    const goldFile = join(copy, '.pilcrow', 'annotations', 'gold', 'fa', 'water 😀.txt.json');
    const before = await readFile(goldFile, 'utf8');
    const { call } = await app(copy, { pickOpenFile: async () => file });
    const refused = await call('import.run', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'gold-needs-confirmation', message: expect.stringContaining('tick “These are adjudicated answers (gold)” and import it again') } });
    expect(await readFile(goldFile, 'utf8')).toBe(before);
    expect(await call('import.run', { asGold: true })).toMatchObject({ ok: true, result: { layers: [{ annotator: 'gold', matched: 1 }] } });
  });

  it('refuses a save-dialog target inside .pilcrow/ or over an article, writing nothing', async () => {
    const root = await fixtureWorkspace();
    const schema = join(root, '.pilcrow', 'annotations', 'sara', 'fa', 'water 😀.txt.json');
    const before = await readFile(schema);
    const { call } = await app(root, { pickSaveFile: async () => schema });
    const refused = await call('export.run', { format: 'json' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-export-target', message: expect.stringMatching(/^Cannot write the export to .*: it is inside the workspace's \.pilcrow folder/) } });
    expect(await readFile(schema)).toEqual(before);
  });
});
