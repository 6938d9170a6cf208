import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DurableJsonFile, DurableWriteError } from '../../../../src-main/node/storage';
import { ModelFs, sameBytes, type Injector } from './fixtures/model-fs';

const Layer = z.object({ v: z.number(), labels: z.array(z.string()) });
type Layer = z.infer<typeof Layer>;
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 2));

const DIR = '/ws/articles';
const FILE = `${DIR}/a1__alice.json`;
const OLD: Layer = { v: 1, labels: ['claim'] };
const NEW: Layer = { v: 2, labels: ['claim', 'quote'] };
const isMainTemp = (path: string) => /\/\.a1__alice\.json\.\d+-[0-9a-f]{12}\.pilcrow-tmp$/.test(path);

function setup(inject: Injector) {
  const fs = new ModelFs([DIR]);
  fs.seed(FILE, enc(OLD));
  fs.inject = inject;
  const adapter = new DurableJsonFile<Layer>(FILE, { root: '/ws', parse: (v) => Layer.parse(v), quarantineDir: '/ws/q', fs });
  return { fs, adapter };
}

/** The failed save left OLD byte for byte, no temp file, and the next save works. */
async function expectCleanFailureThenSuccess(fs: ModelFs, adapter: DurableJsonFile<Layer>, message: RegExp) {
  const err = await adapter.write(NEW).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DurableWriteError);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message).toContain(FILE);
  expect(sameBytes(fs.peek(FILE), enc(OLD))).toBe(true);
  expect(fs.list(DIR).filter((n) => n.endsWith('.pilcrow-tmp'))).toEqual([]);
  fs.inject = undefined;
  await adapter.write(NEW);
  expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
  expect(fs.list(DIR)).toEqual(['a1__alice.json', 'a1__alice.json.bak']);
}

describe('error injection', () => {
  it('EIO on fsync of the temp file: rejects, old file intact, no temp left, fsync never retried on that descriptor, next write succeeds', async () => {
    const { fs, adapter } = setup((op, path) => (op === 'sync' && isMainTemp(path) ? 'EIO' : undefined));
    // ModelFs throws if sync() is called again on a handle whose sync failed.
    await expectCleanFailureThenSuccess(fs, adapter, /fsync of the temp file failed: input\/output error \(EIO\)/);
  });

  it('EIO on fsync of the folder: rejects (not acknowledged), next write starts over and succeeds', async () => {
    const { fs, adapter } = setup((op) => (op === 'syncDir' ? 'EIO' : undefined));
    await expect(adapter.write(NEW)).rejects.toThrow(/fsync of the folder failed: .*EIO/);
    expect(fs.list(DIR).filter((n) => n.endsWith('.pilcrow-tmp'))).toEqual([]);
    fs.inject = undefined;
    await adapter.write(NEW);
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
  });

  it('EPERM on rename 5 times, then success: the write retries with backoff and resolves', async () => {
    const { fs, adapter } = setup((op, _p, n) => (op === 'rename' && n <= 5 ? 'EPERM' : undefined));
    await adapter.write(NEW);
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
    expect(fs.log.filter((l) => l.startsWith('rename')).length).toBe(5 + 2); // 5 failures + .bak + file
    expect(fs.list(DIR)).toEqual(['a1__alice.json', 'a1__alice.json.bak']);
  });

  it('EPERM on every rename: gives up with a clear message, old file intact, no temp left', async () => {
    const { fs, adapter } = setup((op) => (op === 'rename' ? 'EPERM' : undefined));
    await expectCleanFailureThenSuccess(fs, adapter, /renaming the temp file .* failed: operation not permitted \(EPERM\)/);
  });

  it('ENOSPC in the middle of writing the temp file: "disk full", old file intact, partial temp removed', async () => {
    const { fs, adapter } = setup((op, path) => (op === 'write' && isMainTemp(path) ? 'ENOSPC' : undefined));
    await expectCleanFailureThenSuccess(fs, adapter, /writing the temp file failed: disk full \(ENOSPC\)/);
  });

  it('ENOSPC while keeping the .bak copy: the save fails visibly and nothing changes', async () => {
    const { fs, adapter } = setup((op, path) => (op === 'write' && path.includes('.bak.') ? 'ENOSPC' : undefined));
    await expectCleanFailureThenSuccess(fs, adapter, /keeping the backup copy .*disk full \(ENOSPC\)/);
  });

  for (const code of ['EROFS', 'EACCES'] as const) {
    it(`read-only folder simulated with ${code} on create: rejects clearly, old file intact, later write succeeds`, async () => {
      const { fs, adapter } = setup((op) => (op === 'createExclusive' ? code : undefined));
      await expectCleanFailureThenSuccess(fs, adapter, new RegExp(`creating a temp file\\)? failed: .*\\(${code}\\)`));
    });
  }

  it('Windows: rename over a busy file (EBUSY) is retried; folder fsync is skipped', async () => {
    const { fs, adapter } = setup((op, _p, n) => (op === 'rename' && n <= 2 ? 'EBUSY' : undefined));
    fs.platform = 'win32';
    await adapter.write(NEW);
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
    expect(fs.log.some((l) => l.startsWith('syncDir'))).toBe(false);
  });
});

describe('read-only folder on the real file system', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) {
      await chmod(dir, 0o755).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot || process.platform === 'win32')(
    'chmod 0555 folder (skipped as root, which ignores modes; the EACCES/EROFS injections above cover it): rejects, file intact, later write succeeds',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'pilcrow-ro-'));
      const file = join(dir, 'a.json');
      const a = new DurableJsonFile<Layer>(file, { root: dir, parse: (v) => Layer.parse(v), quarantineDir: join(dir, 'q') });
      await writeFile(file, JSON.stringify(OLD));
      const before = await readFile(file);
      await chmod(dir, 0o555);
      await expect(a.write(NEW)).rejects.toThrow(/a\.json: .* failed: permission denied \(EACCES\)/);
      expect(await readFile(file)).toEqual(before);
      expect((await readdir(dir)).filter((n) => n.endsWith('.pilcrow-tmp'))).toEqual([]);
      await chmod(dir, 0o755);
      await a.write(NEW);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(NEW);
    },
  );
});
