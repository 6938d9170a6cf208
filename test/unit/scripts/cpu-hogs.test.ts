/**
 * The CPU hogs of `npm run test:e2e:stress` (scripts/cpu-hogs.mjs) never outlive the stress run:
 * stopped by it, by their own deadline, or by noticing that the process that started them died.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { startHogs } from '../../../scripts/cpu-hogs.mjs';

const HOGS = pathToFileURL(join(import.meta.dirname, '../../../scripts/cpu-hogs.mjs')).href;

/** Running, and not a zombie (an exited child nobody has reaped yet is not running). */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The CPU time a process has used so far, in clock ticks (utime + stime). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

describe.skipIf(process.platform !== 'linux')('CPU hogs', () => {
  it('runs one busy process per hog, and stop() ends them all', async () => {
    const hogs = startHogs(2, 10 * 60_000);
    const pids = hogs.pids as number[];
    expect(pids).toHaveLength(2);
    expect(pids.every(isRunning)).toBe(true);
    // Busy, not sleeping: each has used CPU time of its own.
    await vi.waitFor(() => expect(pids.every((pid) => cpuTicks(pid) > 0)).toBe(true), { timeout: 20_000 });
    await hogs.stop();
    expect(pids.filter(isRunning)).toEqual([]);
    await hogs.stop(); // again: nothing left to stop, no error
  });

  it('a hog stops by itself at its deadline', async () => {
    const hogs = startHogs(1, 200);
    await hogs.done;
    expect(isRunning(hogs.pids[0]!)).toBe(false);
  });

  it('a hog stops when the process that started it is killed without any cleanup', async () => {
    const parent = spawn(process.execPath, ['--input-type=module', '-e', `const { startHogs } = await import(${JSON.stringify(HOGS)}); console.log(startHogs(1, 600000).pids[0]); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const hog = await new Promise<number>((resolve) => parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    expect(isRunning(hog)).toBe(true);
    parent.kill('SIGKILL');
    await new Promise((resolve) => parent.once('exit', resolve));
    await vi.waitFor(() => expect(isRunning(hog)).toBe(false), { timeout: 20_000, interval: 50 });
  });
});
