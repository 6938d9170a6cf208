/**
 * Safe mode (issue 22): a file Pilcrow died reading (out of memory, killed) is skipped at the next
 * open, named in the list, the app's notice and the CLI, and read again once it changes; a Word
 * file over a reading budget is remembered and not measured again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/pilcrow';
import { articleIdFor } from '../../../../src-main/node/workspace/article-id';
import { defaultLocksDir } from '../../../../src-main/node/workspace/layer-lock';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import type { AppState } from '../../../../src-main/shared/views';
import { CountsCollector } from '../../../support/list-counts';
import { openHandlerApp } from '../app/handler-app';
import { docx, wordParagraph, wordReport } from '../formats/zip-writer';
import { tempDir } from '../temp';

/** The pid of a process that has exited: a marker it left is what a crash leaves. */
const deadPid = (): number => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());

const stateFile = (stateDir: string, root: string) => join(stateDir, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);

async function workspaceWithReport(): Promise<{ base: string; ws: string }> {
  const base = await tempDir('guard');
  const ws = join(base, 'ws');
  await mkdir(join(ws, 'fa'), { recursive: true });
  await writeFile(join(ws, 'fa', 'report.docx'), docx(wordParagraph('گزارش سالانه')));
  await writeFile(join(ws, 'fa', 'news.txt'), 'خبر کوتاه امروز.\n');
  return { base, ws };
}

/** What a process that died while reading `path` leaves in the guard's state. */
async function crashedReading(stateDir: string, ws: string, path: string): Promise<void> {
  await mkdir(stateDir, { recursive: true });
  await writeFile(stateFile(stateDir, ws), JSON.stringify({ reading: { [deadPid()]: { path, since: new Date().toISOString() } }, skipped: {} }));
}

describe('the read guard', () => {
  it('skips the file a process died reading, names it once, and reads it again once it changes', async () => {
    const { base, ws } = await workspaceWithReport();
    const stateDir = join(base, 'state');
    await crashedReading(stateDir, ws, 'fa/report.docx');

    const first = await Workspace.open(ws, undefined, { stateDir });
    expect(first.guard.takeCrashed()).toEqual(['fa/report.docx']);
    const skipped = await first.entry(articleIdFor('fa/report.docx'));
    expect(skipped).toMatchObject({ ok: false, error: expect.stringMatching(/^fa\/report\.docx was skipped: Pilcrow stopped while reading it last time .* until the file changes\. Split it or save it in another format/) });
    expect(await first.entry(articleIdFor('fa/news.txt'))).toMatchObject({ ok: true });

    const second = await Workspace.open(ws, undefined, { stateDir });
    expect(second.guard.takeCrashed()).toEqual([]); // said once
    expect(await second.entry(articleIdFor('fa/report.docx'))).toMatchObject({ ok: false, error: expect.stringContaining('was skipped') });

    await utimes(join(ws, 'fa', 'report.docx'), new Date(), new Date(Date.now() + 5000));
    const third = await Workspace.open(ws, undefined, { stateDir });
    expect(await third.entry(articleIdFor('fa/report.docx'))).toMatchObject({ ok: true, article: { title: 'گزارش سالانه' } });
    expect(JSON.parse(await readFile(stateFile(stateDir, ws), 'utf8'))).toEqual({ reading: {}, skipped: {} });
  });

  it('remembers a Word file over a budget, so it is not measured again until it changes', async () => {
    const { base, ws } = await workspaceWithReport();
    await writeFile(join(ws, 'fa', 'book.docx'), docx(wordReport(1500)));
    const stateDir = join(base, 'state');
    const first = await Workspace.open(ws, undefined, { stateDir });
    const refused = await first.entry(articleIdFor('fa/book.docx'));
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^fa\/book\.docx: This \.docx holds .* MB of XML once unpacked/) });
    const kept = JSON.parse(await readFile(stateFile(stateDir, ws), 'utf8'));
    expect(kept.skipped['fa/book.docx'].reason).toMatch(/of XML once unpacked; .* It is not read again until it changes\.$/);
    const again = await Workspace.open(ws, undefined, { stateDir });
    expect(again.guard.takeCrashed()).toEqual([]);
    expect(await again.entry(articleIdFor('fa/book.docx'))).toMatchObject({ ok: false, error: kept.skipped['fa/book.docx'].reason });
  });

  it('opens the app in safe mode: the list and a notice name the file; the CLI names it too', async () => {
    const { base, ws } = await workspaceWithReport();
    const userData = join(base, 'user');
    await crashedReading(join(userData, 'reading'), ws, 'fa/report.docx');
    const counts = new CountsCollector();
    const app = await openHandlerApp({ workspace: ws, userData, annotator: 'sara', locksDir: join(base, 'locks'), emit: counts.emit });
    try {
      const init = await app.call<AppState>('app.init');
      const list = await counts.complete(init.workspace!);
      expect(init.workspace?.safeMode).toBe('Safe mode: Pilcrow stopped while reading fa/report.docx last time (it may need more memory than this computer has), so it is skipped until changed. Split it or save as plain text to read it.');
      expect(list.articles.find((a) => a.path === 'fa/report.docx')?.error).toMatch(/^fa\/report\.docx was skipped/);
      const refreshed = await app.call<AppState['workspace']>('workspace.refresh');
      expect(refreshed?.safeMode).toBeUndefined();
    } finally {
      app.session.close();
    }
    // The CLI keeps its own state beside the writer locks (no user data).
    await crashedReading(join(defaultLocksDir(), 'reading'), ws, 'fa/report.docx');
    const err: string[] = [];
    expect(await runCli(['stats', ws], { out: () => {}, err: (s) => err.push(s) })).toBe(0);
    expect(err).toEqual(['skipped fa/report.docx: Pilcrow stopped while reading it last time; it is not read again until it changes', expect.stringMatching(/^skipped fa\/report\.docx was skipped: Pilcrow stopped/)]);
  });
});
