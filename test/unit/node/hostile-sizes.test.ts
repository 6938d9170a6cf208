/**
 * Issue 22, item 6: a teammate's files of sizes nobody expects. A label file with 150,000
 * orphans (16 MB) made every export fail with "Maximum call stack size exceeded" and no file
 * named; a 13 MB predictions file whose lines match nothing stopped suggestions for the whole
 * workspace. Both now work; files over their size limit are refused by name, unread, and the
 * rest goes on.
 */
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPilcrow } from '../../support/run-cli';
import type { AnnotationFile } from '../../../src-main/node/annotations/schema';
import { LayerReader } from '../../../src-main/node/annotations/store';
import { buildExportDocument } from '../../support/export-document';
import { Workspace } from '../../../src-main/node/workspace/workspace';
import { DEFAULT_LABELS } from '../../../src-main/shared/labels';
import type { ArticleSuggestionsView } from '../../../src-main/shared/contract/suggest';
import type { AppState } from '../../../src-main/shared/views';
import { writeLayer } from '../../support/layers';
import { openHandlerApp } from './app/handler-app';
import { tempDir } from './temp';
import { english } from '../../support/english';

const ARTICLE = 'The minister said on Monday that talks would resume.\n\nOfficials declined to comment.\n';

async function workspace(): Promise<{ base: string; ws: string }> {
  const base = await tempDir('sizes');
  const ws = join(base, 'ws');
  await mkdir(join(ws, 'fa'), { recursive: true });
  await writeFile(join(ws, 'fa', 'a.txt'), ARTICLE);
  await writeLayer(ws, 'sara', 'fa/a.txt', [['quote'], null]);
  return { base, ws };
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

const cli = runPilcrow;

describe("a teammate's files of unexpected sizes", () => {
  it('a label file of 150,000 orphans (16 MB) exports: no stack overflow', async () => {
    const { ws } = await workspace();
    const orphans = Array.from({ length: 150_000 }, (_, i) => ({ paragraph_id: `p${i}`, entry: { index: 0, labels: ['quote'], updated_at: '' }, orphaned_at: '', reason: '' }));
    const layer: AnnotationFile = { version: 1, article: 'fa/a.txt', annotator: 'omid', updated_at: '2025-01-01T00:00:00.000Z', status: 'done', paragraphs: {}, orphans };
    // The layer as read (reading and checking 16 MB takes seconds; what overflowed was the export's handling of it).
    const reader = new (class extends LayerReader {
      override annotators = async () => ['omid'];
      override readLayer = async () => structuredClone(layer);
    })(ws);
    const doc = await buildExportDocument(await Workspace.open(ws), reader, { version: 'test', labels: DEFAULT_LABELS });
    expect(doc.orphaned_labels).toHaveLength(150_000);
  });

  it('a label file over 32 MB is refused by name, unread, and the export goes on without it', async () => {
    const { base, ws } = await workspace();
    const huge = join(ws, '.pilcrow/annotations/omid/fa/a.txt.json');
    await put(huge, '');
    await truncate(huge, 33 * 1048576); // sparse: its size is what is checked, before any read
    const out = join(base, 'out.jsonl');
    const result = await cli('export', ws, '--format', 'jsonl', '--out', out);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`not read ${huge}: it is 33.0 MB, more than Pilcrow reads for a label file (32.0 MB); no article gives a label file this large: ask whoever wrote it, or move it out of .pilcrow/annotations/`);
    expect((await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).annotator)).toEqual(['sara']);
  });

  it('a 13 MB predictions file whose 150,000 lines match nothing keeps suggestions working in the app and the CLI', async () => {
    const { base, ws } = await workspace();
    const line = (i: number) => JSON.stringify({ article: `fa/gone-${i}.txt`, paragraph: 0, labels: ['quote'], score: 0.9 });
    const lines = Array.from({ length: 150_000 }, (_, i) => line(i));
    lines.push(JSON.stringify({ article: 'fa/a.txt', paragraph: 1, labels: ['claim'], score: 0.95 }));
    await put(join(ws, '.pilcrow/predictions/model.jsonl'), `${lines.join('\n')}\n`);
    const app = await openHandlerApp({ workspace: ws, userData: join(base, 'user'), annotator: 'sara', locksDir: join(base, 'locks') });
    try {
      const init = await app.call<AppState>('app.init');
      const suggestions = await app.call<ArticleSuggestionsView>('suggest.article', { articleId: init.workspace!.articles[0]!.id });
      expect(Object.values(suggestions.paragraphs).flat().some((s) => s.suggester === 'model:model' && s.label === 'claim')).toBe(true);
      expect(suggestions.problems).toHaveLength(51);
      expect(suggestions.problems.at(-1)).toBe('… and 149950 more problems in the prediction files (pilcrow suggest lists them all)');
    } finally {
      app.session.close();
    }
    const result = await cli('suggest', ws);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/claim +0\.95 +model:model/);
  });

  it('a predictions file over 64 MB is refused by name, unread', async () => {
    const { ws } = await workspace();
    const huge = join(ws, '.pilcrow/predictions/model.jsonl');
    await put(huge, '');
    await truncate(huge, 65 * 1048576);
    const result = await cli('suggest', ws);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`predictions: ${huge} was not read: it is 65.0 MB, more than Pilcrow reads for a predictions file (64.0 MB); split it into several .jsonl files (by article) in .pilcrow/predictions/.`);
  });

  it('a JSON Lines file of 1,000,000 one-line articles (19 MB) is one row that says what to do: a small start-up reply, and pilcrow stats finishes', async () => {
    const { base, ws } = await workspace();
    await writeFile(join(ws, 'feed.jsonl'), Array.from({ length: 1_000_000 }, (_, i) => `{"text":"news ${i % 1000}"}`).join('\n'));
    const app = await openHandlerApp({ workspace: ws, userData: join(base, 'user'), annotator: 'sara', locksDir: join(base, 'locks') });
    try {
      const init = await app.call<AppState>('app.init');
      expect(JSON.stringify(init).length).toBeLessThan(20_000); // was 149 MB: every line a row
      expect(english(init.workspace!.articles.find((a) => a.path === 'feed.jsonl')?.error)).toMatch(/^feed\.jsonl holds 1,000,000 lines; Pilcrow opens JSON Lines files of up to 50,000 articles/);
    } finally {
      app.session.close();
    }
    const result = await cli('stats', ws);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^skipped feed\.jsonl holds 1,000,000 lines/);
  });
});
