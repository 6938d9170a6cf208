/**
 * Issue 22's targets, in a real child process running the app's session and handler table:
 * - a workspace holding every hostile file of the issue (a 9 MB-class .docx of 195 MB of XML, a
 *   JSON Lines file of 1,000,000 articles, a 13.5 MB teammate layer, a 13 MB predictions file,
 *   a schema that is a link to /dev/zero, a named pipe for settings and for an article) opens,
 *   counts its list, suggests and exports with a peak RSS under 1 GB, and names what it skipped;
 * - a process killed while reading a Word file (as the out-of-memory killer would) leaves the
 *   workspace to open in safe mode next time, naming that file and skipping it.
 * The child is plain node on a bundle of the test's child script (no TS loader, like the kill loop).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../../../src-main/shared/views';
import { CountsCollector } from '../../../support/list-counts';
import { writeLayer } from '../../../support/layers';
import { docx, wordReport } from '../formats/zip-writer';
import { tempDir } from '../temp';
import { openHandlerApp } from './handler-app';
import { english } from '../../../support/english';

const here = fileURLToPath(new URL('.', import.meta.url));
let bundle: string;

beforeAll(async () => {
  bundle = join(await tempDir('child'), 'open-workspace.mjs');
  // One file: the readers of pages and documents, loaded on first use, are inlined.
  await build({ input: join(here, 'fixtures', 'open-workspace-child.ts'), platform: 'node', output: { file: bundle, format: 'esm', codeSplitting: false }, write: true, logLevel: 'silent' });
}, 120_000);

interface ChildReport {
  maxRssMB: number;
  safeMode: string | null;
  errors: Record<string, string>;
  notices: string[];
}

/** Runs the child on `ws`; resolves with its report, or with how it ended when `kill` is given and fires. */
function runChild(ws: string, base: string, kill?: () => Promise<boolean>): Promise<{ report: ChildReport | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ws, join(base, 'user'), join(base, 'locks'), join(base, 'export.jsonl')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (_code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      resolve({ report: last.startsWith('{') ? (JSON.parse(last) as ChildReport) : null, signal, stderr });
    });
    if (kill) {
      const poll = async (): Promise<void> => {
        if (child.exitCode !== null) return;
        if (await kill()) child.kill('SIGKILL');
        else setTimeout(() => void poll(), 20);
      };
      void poll();
    }
  });
}

async function put(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

describe('a hostile workspace, opened by the app in a child process', () => {
  it('opens, counts, suggests and exports under 1 GB of RSS, naming every file it skipped', async () => {
    const base = await tempDir('hostile');
    const ws = join(base, 'ws');
    await put(join(ws, 'fa', 'news.txt'), 'The minister said on Monday that talks would resume.\n\nOfficials declined to comment.\n');
    await writeLayer(ws, 'sara', 'fa/news.txt', [['quote'], null]);
    // 195 MB of Word XML (a 1 MB slice of a report, repeated): within the old zip-bomb limits.
    const slice = wordReport(140);
    await put(join(ws, 'fa', 'report.docx'), docx(slice.repeat(Math.floor((195 * 1048576) / Buffer.byteLength(slice)))));
    await put(join(ws, 'feed.jsonl'), Array.from({ length: 1_000_000 }, (_, i) => `{"text":"news ${i % 1000}"}`).join('\n'));
    const orphans = Array.from({ length: 130_000 }, (_, i) => ({ paragraph_id: `p${i}`, entry: { index: 0, labels: ['quote'], updated_at: '' }, orphaned_at: '', reason: '' }));
    await put(join(ws, '.pilcrow/annotations/omid/fa/news.txt.json'), JSON.stringify({ version: 1, article: 'fa/news.txt', annotator: 'omid', updated_at: '2025-01-01T00:00:00.000Z', status: 'done', paragraphs: {}, orphans }));
    await put(join(ws, '.pilcrow/predictions/model.jsonl'), Array.from({ length: 150_000 }, (_, i) => JSON.stringify({ article: `fa/gone-${i}.txt`, paragraph: 0, labels: ['quote'], score: 0.9 })).join('\n'));
    await symlink('/dev/zero', join(ws, '.pilcrow', 'schema.json'));
    execFileSync('mkfifo', [join(ws, '.pilcrow', 'suggest.json')]);
    execFileSync('mkfifo', [join(ws, 'fa', 'pipe.txt')]);

    const { report, stderr } = await runChild(ws, base);
    expect(report, stderr).not.toBeNull();
    expect(report!.maxRssMB).toBeLessThan(1024);
    expect(report!.errors['fa/report.docx']).toMatch(/^fa\/report\.docx: This \.docx holds 19\d\.\d MB of XML once unpacked; Pilcrow reads Word documents with up to 10\.0 MB of XML/);
    expect(report!.errors['feed.jsonl']).toMatch(/^feed\.jsonl holds 1,000,000 lines; Pilcrow opens JSON Lines files of up to 50,000 articles/);
    expect(report!.errors['fa/pipe.txt']).toMatch(/named pipe/);
    expect(report!.notices.join('\n')).toMatch(/\.pilcrow\/schema\.json: it is a symbolic link \(to \/dev\/zero\)/);
    expect(report!.notices.join('\n')).toMatch(/\.pilcrow\/suggest\.json: it is a named pipe/);
    console.log(`hostile workspace: peak RSS ${report!.maxRssMB} MB`);
  }, 300_000);

  it('a process killed while reading a Word file leaves the workspace to open in safe mode, naming and skipping that file', async () => {
    const base = await tempDir('killed');
    const ws = join(base, 'ws');
    await put(join(ws, 'fa', 'book.docx'), docx(wordReport(1000))); // within the budgets; seconds to read
    await put(join(ws, 'fa', 'news.txt'), 'A short item.\n');
    const state = join(base, 'user', 'reading', `${createHash('sha256').update(await realpath(ws)).digest('hex').slice(0, 32)}.json`);
    const readingBook = async () => (await readFile(state, 'utf8').catch(() => '')).includes('"path":"fa/book.docx"');

    const killed = await runChild(ws, base, readingBook);
    expect(killed.signal).toBe('SIGKILL');

    const counts = new CountsCollector();
    const app = await openHandlerApp({ workspace: ws, userData: join(base, 'user'), annotator: 'sara', locksDir: join(base, 'locks'), emit: counts.emit });
    try {
      const init = await app.call<AppState>('app.init');
      expect(english(init.workspace?.safeMode)).toMatch(/^Safe mode: Pilcrow stopped while reading fa\/book\.docx last time/);
      const list = await counts.complete(init.workspace!);
      expect(english(list.articles.find((a) => a.path === 'fa/book.docx')?.error)).toMatch(/^fa\/book\.docx was skipped: Pilcrow stopped while reading it last time/);
      expect(list.articles.find((a) => a.path === 'fa/news.txt')?.error).toBeUndefined();
    } finally {
      app.session.close();
    }
  }, 300_000);
});
