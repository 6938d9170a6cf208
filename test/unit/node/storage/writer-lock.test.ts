import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWriterLock, writerLockPath, type WriterLock } from '../../../../src-main/node/storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that is surely dead: a child we started and whose exit we awaited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

function isLock(r: Awaited<ReturnType<typeof acquireWriterLock>>): r is WriterLock {
  return 'release' in r;
}

describe('writer lock', () => {
  it('second acquire sees heldBy {pid, host, since}; after release it can be taken again', async () => {
    const first = await acquireWriterLock(dir, 'alice');
    expect(isLock(first)).toBe(true);
    const second = await acquireWriterLock(dir, 'alice');
    expect(second).toEqual({ heldBy: { pid: process.pid, host: hostname(), since: expect.any(String) } });
    expect(Number.isNaN(Date.parse((second as { heldBy: { since: string } }).heldBy.since))).toBe(false);
    // another annotator's layer is independent
    const bob = await acquireWriterLock(dir, 'bob');
    expect(isLock(bob)).toBe(true);
    if (isLock(first)) await first.release();
    const third = await acquireWriterLock(dir, 'alice');
    expect(isLock(third)).toBe(true);
    if (isLock(third)) await third.release();
    if (isLock(bob)) await bob.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a lock held by a live process elsewhere on this machine is respected', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writeFile(
        writerLockPath(dir, 'alice'),
        JSON.stringify({ pid: child.pid, host: hostname(), since: new Date().toISOString(), owner: 'alice', token: 't' }),
      );
      expect(await acquireWriterLock(dir, 'alice')).toMatchObject({ heldBy: { pid: child.pid } });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a stale lock (its pid is dead on this host) is taken over, and only once under a race', async () => {
    const pid = await deadPid();
    await writeFile(
      writerLockPath(dir, 'alice'),
      JSON.stringify({ pid, host: hostname(), since: new Date().toISOString(), owner: 'alice', token: 'old' }),
    );
    const results = await Promise.all(Array.from({ length: 6 }, () => acquireWriterLock(dir, 'alice')));
    const won = results.filter(isLock);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !isLock(x))) expect(r).toMatchObject({ heldBy: { pid: process.pid } });
    const content = JSON.parse(await readFile(writerLockPath(dir, 'alice'), 'utf8')) as { pid: number };
    expect(content.pid).toBe(process.pid);
    await won[0]!.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a lock from another host is never taken over', async () => {
    const pid = await deadPid();
    await writeFile(
      writerLockPath(dir, 'alice'),
      JSON.stringify({ pid, host: 'some-other-machine', since: new Date().toISOString() }),
    );
    expect(await acquireWriterLock(dir, 'alice')).toEqual({
      heldBy: { pid, host: 'some-other-machine', since: expect.any(String) },
    });
  });

  it('a lock taken before this machine booted is stale even if its pid number is alive again', async () => {
    await writeFile(
      writerLockPath(dir, 'alice'),
      JSON.stringify({ pid: 1, host: hostname(), since: '2001-01-01T00:00:00.000Z' }),
    );
    const r = await acquireWriterLock(dir, 'alice');
    expect(isLock(r)).toBe(true);
    if (isLock(r)) await r.release();
  });

  it('an unreadable lock file is respected while fresh and taken over once old', async () => {
    const path = writerLockPath(dir, 'alice');
    await writeFile(path, '');
    expect(await acquireWriterLock(dir, 'alice')).toMatchObject({ heldBy: { pid: 0 } });
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    const r = await acquireWriterLock(dir, 'alice');
    expect(isLock(r)).toBe(true);
  });

  it('release() does not remove a lock that someone else took over meanwhile', async () => {
    const r = await acquireWriterLock(dir, 'alice');
    if (!isLock(r)) throw new Error('expected the lock');
    await writeFile(r.path, JSON.stringify({ pid: 42, host: 'h', since: 's', token: 'other' }));
    await r.release();
    expect(JSON.parse(await readFile(r.path, 'utf8'))).toMatchObject({ token: 'other' });
  });

  it('releaseSync() removes our own lock at once, and leaves a lock taken over meanwhile', async () => {
    const r = await acquireWriterLock(dir, 'alice');
    if (!isLock(r)) throw new Error('expected the lock');
    r.releaseSync();
    expect(await readdir(dir)).toEqual([]);
    const again = await acquireWriterLock(dir, 'alice');
    if (!isLock(again)) throw new Error('expected the lock');
    await writeFile(again.path, JSON.stringify({ pid: 42, host: 'h', since: 's', token: 'other' }));
    again.releaseSync();
    expect(JSON.parse(await readFile(again.path, 'utf8'))).toMatchObject({ token: 'other' });
  });

  it('owner names that are not file-name safe are hashed into the lock name', () => {
    expect(writerLockPath('/w', 'alice')).toBe(join('/w', '.pilcrow-writer.alice.lock'));
    expect(writerLockPath('/w', '../x')).toMatch(/\.pilcrow-writer\.[0-9a-f]{16}\.lock$/);
  });
});
