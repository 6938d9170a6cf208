/**
 * The writer's fast path, on file systems with hard links and file identities: the generation it
 * wrote itself and nobody touched since becomes the .bak by a hard link, without being read
 * again. The same promises as crash-simulation.test.ts and error-injection.test.ts, on that path.
 */
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, cleanStaleTemps, type RecoveryReport } from '../../../../src-main/node/storage';
import { ModelFs, sameBytes } from './fixtures/model-fs';
import { adapterOn, BAK, DIR, enc, FILE, LOSSES, QDIR, type Layer } from './fixtures/layer-file';

const OLD: Layer = { v: 1, labels: ['claim'] };
const MID: Layer = { v: 2, labels: ['claim', 'quote'] };
const NEW: Layer = { v: 3, labels: ['claim', 'quote', 'x'.repeat(500)] };

/** A linking file system holding OLD, and an adapter that has just saved MID over it. */
async function afterOneSave(): Promise<{ fs: ModelFs; adapter: DurableJsonFile<Layer> }> {
  const fs = new ModelFs([DIR], { links: true });
  fs.seed(FILE, enc(OLD));
  const adapter = adapterOn(fs);
  await adapter.write(MID);
  return { fs, adapter };
}

describe('.bak by hard link: the generation this writer saved is kept without reading it again', () => {
  it('the second save links instead of reading and copying', async () => {
    const { fs, adapter } = await afterOneSave();
    const from = fs.log.length;
    await adapter.write(NEW);
    const ops = fs.log.slice(from).map((l) => l.split(' ')[0]);
    expect(ops).toContain('link');
    expect(ops).not.toContain('readFile');
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
    expect(sameBytes(fs.peek(BAK), enc(MID))).toBe(true);
    expect(fs.list(DIR)).toEqual(['a1__alice.json', 'a1__alice.json.bak']);
  });

  it('cut after every operation of that save and lose power: the file is exactly MID or NEW, NEW once acknowledged, .bak a valid generation', async () => {
    const dry = await afterOneSave();
    const start = dry.fs.log.length;
    await dry.adapter.write(NEW);
    const ops = dry.fs.log.slice(start);
    const total = ops.length;
    // Durable (and acknowledged) once the folder fsync is done; the look at the file's identity
    // after it only decides whether the next save may take the fast path.
    const durableAfter = ops.findIndex((l) => l.startsWith('syncDir')) + 1;
    expect(ops.slice(durableAfter).map((l) => l.split(' ')[0])).toEqual(['identity']);
    let states = 0;
    for (let cut = 0; cut <= total; cut++) {
      const { fs, adapter } = await afterOneSave();
      fs.opsBudget = cut;
      const acked = await adapter.write(NEW).then(
        () => true,
        () => false,
      );
      expect(acked).toBe(cut >= durableAfter);
      for (let keep = 0; keep <= fs.pendingCount; keep++) {
        for (const loss of LOSSES) {
          states++;
          const after = fs.powerLoss(keep, loss);
          const where = `cut=${cut}/${total} keep=${keep} loss=${loss}`;
          const raw = after.peek(FILE);
          expect([enc(MID), enc(NEW)].some((a) => sameBytes(a, raw)), where).toBe(true);
          if (acked) expect(sameBytes(raw, enc(NEW)), `acknowledged but lost: ${where}`).toBe(true);
          const bak = after.peek(BAK);
          if (bak !== undefined) expect([enc(OLD), enc(MID)].some((a) => sameBytes(a, bak)), `bak ${where}`).toBe(true);
          const reports: RecoveryReport[] = [];
          expect([MID, NEW]).toContainEqual(await adapterOn(after, reports).read());
          expect(reports, where).toEqual([]);
          await cleanStaleTemps('/ws', { fs: after, isAlive: () => false });
          expect(after.list(DIR).filter((n) => n !== 'a1__alice.json' && n !== 'a1__alice.json.bak'), where).toEqual([]);
        }
      }
    }
    expect(states).toBeGreaterThan(total * 2);
  });

  it('a file replaced behind the writer’s back is read and checked again: damaged bytes go to quarantine before the save replaces them', async () => {
    const { fs, adapter } = await afterOneSave();
    const damaged = new TextEncoder().encode('{"v": 2, "labels": ["cla');
    fs.seed(FILE, damaged); // a sync tool or an editor wrote a new file
    await adapter.write(NEW).catch(() => undefined);
    const reports: RecoveryReport[] = [];
    await adapterOn(fs, reports).read();
    const copies = fs.list(QDIR).map((n) => fs.peek(`${QDIR}/${n}`));
    expect(copies.some((c) => sameBytes(c, damaged))).toBe(true);
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
  });

  it('no hard links after all (EPERM, as on FAT): the save copies the .bak instead and succeeds', async () => {
    const { fs, adapter } = await afterOneSave();
    fs.inject = (op) => (op === 'link' ? 'EPERM' : undefined);
    await adapter.write(NEW);
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
    expect(sameBytes(fs.peek(BAK), enc(MID))).toBe(true);
    expect(fs.list(DIR)).toEqual(['a1__alice.json', 'a1__alice.json.bak']);
  });

  it('a failed save forgets what it knew: the next save reads and checks the file again', async () => {
    const { fs, adapter } = await afterOneSave();
    fs.inject = (op) => (op === 'syncDir' ? 'EIO' : undefined);
    await expect(adapter.write(NEW)).rejects.toThrow(/fsync of the folder failed/);
    fs.inject = undefined;
    const from = fs.log.length;
    await adapter.write(NEW);
    expect(fs.log.slice(from).some((l) => l.startsWith(`readFile ${FILE}`))).toBe(true);
    expect(sameBytes(fs.peek(FILE), enc(NEW))).toBe(true);
  });
});
