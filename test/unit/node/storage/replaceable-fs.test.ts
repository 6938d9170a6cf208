/**
 * Files Pilcrow can make again (the learned model, its order) are replaced whole but not fsynced:
 * their fsyncs made the editor's own saves wait (docs/performance.md, "keys while training").
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeDurableFs, replaceableFs, writeAtomic } from '../../../../src-main/node/storage';
import { tempDir } from '../temp';

/** Counts fsyncs of files and folders through Node's FileHandle, which both kinds use. */
async function countSyncs(dir: string) {
  const probe = await open(join(dir, 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as { sync: () => Promise<void>; datasync: () => Promise<void> };
  await probe.close();
  return { sync: vi.spyOn(prototype, 'sync'), datasync: vi.spyOn(prototype, 'datasync') };
}

afterEach(() => vi.restoreAllMocks());

describe('replaceableFs', () => {
  it('replaces a file whole through a temp file, without an fsync', async () => {
    const dir = await tempDir('replaceable');
    const target = join(dir, 'model.bin');
    const syncs = await countSyncs(dir);
    await writeAtomic(replaceableFs, target, Buffer.from('first'));
    await writeAtomic(replaceableFs, target, Buffer.from('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect((await readdir(dir)).sort()).toEqual(['model.bin', 'probe']);
    expect(syncs.sync.mock.calls.length + syncs.datasync.mock.calls.length).toBe(0);
  });

  it('is the durable writer otherwise: that one still fsyncs', async () => {
    const dir = await tempDir('replaceable');
    const syncs = await countSyncs(dir);
    await writeAtomic(nodeDurableFs, join(dir, 'labels.json'), Buffer.from('{}'));
    expect(syncs.sync.mock.calls.length + syncs.datasync.mock.calls.length).toBeGreaterThan(0);
  });
});
