import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable, type Dialogs } from '../../../../src-main/node/app/handlers';
import { Session } from '../../../../src-main/node/app/session';
import type { ExportProgress } from '../../../../src-main/shared/contract/export';
import type { MainMessage } from '../../../../src-main/shared/messages';
import { isolatedName } from '../../../../src-main/shared/visible-name';
import { persianText } from '../../../../src-renderer/i18n/main-messages-fa';
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

  it('asks for a folder for a Hugging Face dataset and for split Parquet, and writes the dataset there', async () => {
    const root = await fixtureWorkspace(6);
    const base = await tempDir('h');
    const purposes: (string | undefined)[] = [];
    const folders = [join(base, 'dataset'), join(base, 'splits')];
    const { call } = await app(root, { pickFolder: async (purpose) => (purposes.push(purpose), folders.shift() ?? null), pickSaveFile: async () => join(base, 'one.parquet') });
    expect(await call('export.run', { format: 'hf', split: { ratios: [60, 20, 20], seed: 4 } })).toMatchObject({ ok: true, result: { file: join(base, 'dataset'), format: 'hf' } });
    expect((await readdir(join(base, 'dataset'))).sort()).toEqual(['README.md', 'data', 'labels.json']);
    expect((await readdir(join(base, 'dataset', 'data'))).sort()).toEqual(['dev-00000-of-00001.parquet', 'test-00000-of-00001.parquet', 'train-00000-of-00001.parquet']);
    expect(await readFile(join(base, 'dataset', 'README.md'), 'utf8')).toContain(`pilcrow export ${root} --format hf`);
    expect(await call('export.run', { format: 'parquet', split: { ratios: [60, 20, 20], seed: 4 } })).toMatchObject({ ok: true, result: { file: join(base, 'splits') } });
    expect((await readdir(join(base, 'splits'))).sort()).toEqual(['dev.parquet', 'labels.json', 'test.parquet', 'train.parquet']);
    expect(await call('export.run', { format: 'parquet' })).toMatchObject({ ok: true, result: { file: join(base, 'one.parquet') } });
    expect(purposes).toEqual(['export', 'export']);
  });

  it('warns of an empty split before the save dialog, and writes it once the editor allows it', async () => {
    const root = await fixtureWorkspace();
    const out = join(await tempDir('h'), 'split.jsonl');
    let asked = 0;
    const { call, events } = await app(root, { pickSaveFile: async () => (asked++, out) });
    const split = { ratios: [80, 10, 10], seed: 1 };
    expect(await call('export.run', { format: 'jsonl', split })).toMatchObject({
      ok: false,
      error: { code: 'export-empty-split', detail: { code: 'export-empty-split', ratios: [80, 10, 10], articles: 2, counts: [2, 0, 0], empty: ['dev', 'test'], app: true } },
    });
    expect(asked).toBe(0);
    expect(events.every((e) => e.phase === 'planning')).toBe(true);
    expect(await call('export.run', { format: 'jsonl', split, allowEmptySplits: true })).toMatchObject({ ok: true, result: { file: out, perSplit: { train: 8, dev: 0, test: 0 } } });
    expect(asked).toBe(1);
  });

  it('counts the tied and undecided paragraphs a resolved export left out, and shows a finished export by its id', async () => {
    const root = await fixtureWorkspace();
    const dir = await tempDir('h');
    const saves = [join(dir, 'resolved.json'), join(dir, 'all.json')];
    const shown: { path: string; folder: boolean }[] = [];
    const { call } = await app(root, { pickSaveFile: async () => saves.shift() ?? null, showInFolder: async (target) => void shown.push(target) });
    const resolved = (await call('export.run', { resolve: ['majority'] })) as { ok: true; result: { id: string } };
    expect(resolved).toMatchObject({ ok: true, result: { file: join(dir, 'resolved.json'), unresolved: { ties: 1, undecided: 5, included: false }, perSplit: null } });
    const all = (await call('export.run', {})) as { ok: true; result: { id: string } };
    expect(all).toMatchObject({ ok: true, result: { unresolved: null } });
    expect(all.result.id).not.toBe(resolved.result.id);
    expect(await call('export.reveal', { id: resolved.result.id })).toEqual({ ok: true, result: { shown: true } });
    expect(shown).toEqual([{ path: join(dir, 'resolved.json'), folder: false }]);
    // Only ids main gave out, never a path; a file gone since is named.
    expect(await call('export.reveal', { id: 'e999' })).toMatchObject({ ok: false, error: { code: 'unknown-export' } });
    expect(await call('export.reveal', { id: join(dir, 'all.json') })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await rm(join(dir, 'all.json'));
    expect(await call('export.reveal', { id: all.result.id })).toMatchObject({ ok: false, error: { code: 'export-gone', detail: { file: join(dir, 'all.json') } } });
    expect(shown).toHaveLength(1);
  });

  it('lists the layers for the dialog and explains a bad choice', async () => {
    const { call } = await app(await fixtureWorkspace(), { pickSaveFile: async () => '/nonexistent/x.json' });
    expect(await call('export.layers')).toEqual({ ok: true, result: [{ name: 'gold', articles: 1 }, { name: 'omid', articles: 2 }, { name: 'sara', articles: 1 }] });
    expect(await call('export.run', { labels: ['nope'] })).toMatchObject({ ok: false, error: { code: 'bad-export-choice', message: 'Cannot export: unknown label "nope"; the labels are quote, claim, boilerplate, ad.' } });
    expect(await call('export.run', { format: 'xml' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('says why a file cannot be imported as a message code with the file, line, format and fix, which the Persian UI writes in Persian', async () => {
    const root = await fixtureWorkspace();
    const dir = await tempDir('h');
    const files = [join(dir, 'plain.jsonl'), join(dir, 'broken.csv'), join(dir, 'prodigy.jsonl')];
    await writeFile(files[0]!, '{"article":"fa/water 😀.txt","paragraph":1,"labels":["quote"],"annotator":"lena"}\n{"article":"fa/water 😀.txt","paragraph":2,"annotator":"lena"}\n');
    await writeFile(files[1]!, 'article,paragraph,text\nfa/a.txt,1,"never closed\n');
    await writeFile(files[2]!, '{"text":"وزیر گفت","label":"quote","answer":"accept","_input_hash":1}\n{"text":"انتهای پیام","label":"ad","answer":"reject","_input_hash":2}\n');
    const queue = [...files];
    const { call } = await app(root, { pickOpenFile: async () => queue.shift() ?? null });
    const plain = (await call('import.preview', {})) as { ok: false; error: { code: string; message: string; detail: MainMessage } };
    expect(plain.error).toMatchObject({
      code: 'bad-import-file',
      message: `${files[0]}, line 2 (read as plain JSON records): labels: is missing; add "labels" as a list of label names ([] when none applies), or 0/1 "label:NAME" columns in a CSV; nothing was imported`,
      detail: { code: 'import-record-refused', file: files[0], where: 'line 2', format: 'jsonl', problem: { code: 'import-no-labels' } },
    });
    const persian = persianText(plain.error.detail, isolatedName);
    expect(persian).toBe(`\u2068${files[0]}\u2069، سطر ۲ (خوانده‌شده به‌عنوان رکوردهای سادهٔ JSON): labels ندارد؛ «labels» را به شکل فهرستی از نام برچسب‌ها بیفزایید (اگر هیچ برچسبی نمی‌خورد: [])، یا در CSV ستون‌های ۰/۱ «label:NAME»؛ چیزی وارد نشد.`);
    const csv = (await call('import.preview', { again: false })) as { ok: false; error: { detail: MainMessage } };
    expect(csv.error.detail).toEqual({ code: 'import-csv-unclosed', file: files[1], line: 2 });
    expect(persianText(csv.error.detail, isolatedName)).toContain('سطر ۲: خانه‌ای که با گیومه باز شده هرگز بسته نمی‌شود');
    // Another tool's answers that are not imported: each with its reason as a code.
    const prodigy = (await call('import.preview', { annotator: 'lena' })) as { ok: true; result: { skipped: { where: string; reason: MainMessage }[] } };
    expect(prodigy.result.skipped).toEqual([{ where: 'line 2', reason: { code: 'skip-answer-label', answer: 'reject', label: 'ad' } }]);
    expect(persianText(prodigy.result.skipped[0]!.reason, isolatedName)).toBe('پاسخ «\u2068reject\u2069» به «\u2068ad\u2069»: فقط می‌گوید این برچسب نمی‌خورد');
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

  it('previews an import without writing, previews it again with other choices without asking, then imports that file', async () => {
    const root = await fixtureWorkspace();
    const file = join(await tempDir('h'), 'omid.jsonl');
    const asked: string[] = [];
    const { call } = await app(root, { pickSaveFile: async () => file, pickOpenFile: async (title) => (asked.push(title), file) });
    await call('export.run', { format: 'jsonl', layers: ['omid'] });
    const layers = join(root, '.pilcrow', 'annotations');
    expect(await call('import.run', { previewed: true, annotator: 'omid-laptop' })).toMatchObject({ ok: false, error: { code: 'no-import-preview' } });
    const preview = await call('import.preview', { annotator: 'omid-laptop' });
    expect(preview).toMatchObject({ ok: true, result: { file, dryRun: true, format: 'pilcrow', layers: [{ annotator: 'omid-laptop', matched: 3, unmatched: 0, filesWritten: 2 }] } });
    await expect(stat(join(layers, 'omid-laptop'))).rejects.toThrow();
    const again = await call('import.preview', { annotator: 'omid-desktop', again: true, map: [['claim', 'quote']] });
    expect(again).toMatchObject({ ok: true, result: { dryRun: true, layers: [{ annotator: 'omid-desktop', matched: 3 }], labelsMapped: [{ from: 'claim', to: 'quote' }] } });
    expect(asked).toHaveLength(1);
    const done = await call('import.run', { annotator: 'omid-desktop', previewed: true, map: [['claim', 'quote']] });
    expect(done).toMatchObject({ ok: true, result: { dryRun: false, layers: [{ annotator: 'omid-desktop', matched: 3, filesWritten: 2 }] } });
    expect(asked).toHaveLength(1);
    const written = JSON.parse(await readFile(join(layers, 'omid-desktop', 'fa', 'water 😀.txt.json'), 'utf8'));
    expect(JSON.stringify(written.paragraphs)).not.toContain('"claim"');
    await expect(stat(join(layers, 'omid-laptop'))).rejects.toThrow();
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
