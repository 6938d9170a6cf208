/**
 * An export killed with kill -9 leaves two full-size hidden temp files beside its target
 * (issue 22 item 7: 136 MB after 6 kills). They are removed at the next export into that folder
 * and at the app's next start; nothing that is not our temp of a dead process is touched.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/pilcrow';
import { Session } from '../../../../src-main/node/app/session';
import { ExportJournal } from '../../../../src-main/node/export/killed-export-temps';
import { SAMPLE_WORKSPACE, tempDir } from '../temp';
import { fixtureWorkspace } from './fixture';

const TEMP = /\.pilcrow-tmp$/;
const DEAD_PID = 2_147_483_646; // above every pid_max: no such process

/** Runs the hanging export child until it hangs mid-export, then SIGKILLs it. */
function exportAndKill(workspace: string, out: string, hangAt: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'export-then-hang.ts'), workspace, out, hangAt], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('hanging')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the export child ended without being killed: ${stderr}`))));
  });
}

describe('temp files of a killed export', () => {
  it('are left by kill -9 mid-export, and removed by the next export into that folder; the old target and other files stay', async () => {
    const root = await fixtureWorkspace(4);
    const folder = await tempDir('killed');
    const out = join(folder, 'labels.json');
    await writeFile(out, 'the previous export\n');
    const neighbours = { '.labels.json.swp': 'an editor’s swap file', [`.notes.txt.${process.pid}-0123456789ab.pilcrow-tmp`]: 'a live process’s temp', 'report.pilcrow-tmp': 'not our shape' };
    for (const [name, text] of Object.entries(neighbours)) await writeFile(join(folder, name), text);

    const ours = async () => (await readdir(folder)).filter((f) => TEMP.test(f) && !(f in neighbours));
    await exportAndKill(root, out, 'more-2.txt');
    const first = await ours();
    expect(first).toHaveLength(2); // the output's temp and the spooled records
    // Killed again: that export removed the first one's temps before leaving its own two.
    await exportAndKill(root, out, 'more-2.txt');
    const second = await ours();
    expect(second).toHaveLength(2);
    expect(second.filter((f) => first.includes(f))).toEqual([]);
    expect(await readFile(out, 'utf8')).toBe('the previous export\n');

    const result = await runCli(['export', root, '--out', out], { out: () => {}, err: () => {} });
    expect(result).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['labels.json', ...Object.keys(neighbours)].sort());
    expect(JSON.parse(await readFile(out, 'utf8')).records.length).toBeGreaterThan(0);
  });

  it('are removed at the app’s next start when the app died during the export', async () => {
    const userData = await tempDir('ud');
    const folder = await tempDir('killed-app');
    await mkdir(folder, { recursive: true });
    const temps = [`.labels.json.${DEAD_PID}-0123456789ab.pilcrow-tmp`, `.labels.json.part.${DEAD_PID}-ba9876543210.pilcrow-tmp`];
    for (const name of [...temps, 'labels.json', `.other.${process.pid}-0123456789ab.pilcrow-tmp`]) await writeFile(join(folder, name), 'x');
    // What the export handler noted before the app was killed.
    await writeFile(join(userData, 'exports-running.json'), JSON.stringify({ running: [{ folder, pid: DEAD_PID }] }));

    const session = await Session.create({ userDataDir: userData, sampleWorkspaceDir: SAMPLE_WORKSPACE });
    expect((await session.startupCleaning).sort()).toEqual(temps.map((t) => join(folder, t)).sort());
    expect((await readdir(folder)).sort()).toEqual([`.other.${process.pid}-0123456789ab.pilcrow-tmp`, 'labels.json'].sort());
    expect(JSON.parse(await readFile(join(userData, 'exports-running.json'), 'utf8'))).toEqual({ running: [] });
    session.close();
  });

  it('are noted while an export runs and forgotten when it ends', async () => {
    const journal = ExportJournal.in(await tempDir('ud'));
    const done = await journal.begin('/somewhere');
    expect(JSON.parse(await readFile(journal.file, 'utf8'))).toEqual({ running: [{ folder: '/somewhere', pid: process.pid }] });
    expect(await journal.cleanUp()).toEqual([]); // this process is alive: its export is not touched
    await done();
    expect(JSON.parse(await readFile(journal.file, 'utf8'))).toEqual({ running: [] });
  });
});
