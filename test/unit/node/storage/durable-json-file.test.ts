import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DurableJsonFile, cleanStaleTemps, type RecoveryReport } from '../../../../src-main/node/storage';

const Layer = z.object({ v: z.number(), labels: z.array(z.string()) });
type Layer = z.infer<typeof Layer>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-djf-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function adapter(file: string, reports: RecoveryReport[] = []) {
  return new DurableJsonFile<Layer>(file, {
    root: dir,
    parse: (v) => Layer.parse(v),
    quarantineDir: join(dir, 'quarantine'),
    onRecover: (r) => reports.push(r),
  });
}

describe('DurableJsonFile with lowdb', () => {
  it('works as a lowdb Adapter: missing file gives defaults, writes persist, .bak keeps the previous generation', async () => {
    const file = join(dir, 'a1__alice.json');
    const db = new Low(adapter(file), { v: 0, labels: [] as string[] });
    await db.read();
    expect(db.data).toEqual({ v: 0, labels: [] });
    await db.update((d) => {
      d.v = 1;
      d.labels.push('claim');
    });
    await db.update((d) => {
      d.v = 2;
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ v: 2, labels: ['claim'] });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ v: 1, labels: ['claim'] });
    const db2 = new Low(adapter(file), { v: 0, labels: [] as string[] });
    await db2.read();
    expect(db2.data).toEqual({ v: 2, labels: ['claim'] });
    expect(await cleanStaleTemps(dir)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['a1__alice.json', 'a1__alice.json.bak']);
  });

  it('refuses to write data that fails the schema and leaves the old file intact', async () => {
    const file = join(dir, 'x.json');
    const a = adapter(file);
    await a.write({ v: 1, labels: [] });
    const before = await readFile(file);
    await expect(a.write({ v: 'no' } as unknown as Layer)).rejects.toThrow(/x\.json.*checking the data/);
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual(['x.json']);
  });
});

describe('concurrency', () => {
  it('concurrent write() calls on ONE adapter never interleave, end with the newest data, and each resolves only once data at least as new is on disk', async () => {
    const file = join(dir, 'one.json');
    const a = adapter(file);
    const seenAtResolve: number[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      writes.push(
        a.write({ v: i, labels: ['x'.repeat(i * 50)] }).then(() => {
          seenAtResolve[i] = (JSON.parse(readFileSync(file, 'utf8')) as Layer).v;
        }),
      );
      // waves: some writes are queued while another is in flight, others join a pending batch
      if (i % 7 === 3) await Promise.race([writes[i - 2], new Promise((r) => setImmediate(r))]);
    }
    await Promise.all(writes);
    expect(seenAtResolve).toHaveLength(60);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ v: 59, labels: ['x'.repeat(59 * 50)] });
    seenAtResolve.forEach((v, i) => expect(v, `write ${i}`).toBeGreaterThanOrEqual(i));
    expect((await readdir(dir)).filter((n) => !/^one\.json(\.bak)?$/.test(n))).toEqual([]);
  });

  it('lowdb update() bursts on one adapter: the last state wins (writes are coalesced, never torn)', async () => {
    const file = join(dir, 'burst.json');
    const db = new Low(adapter(file), { v: 0, labels: [] as string[] });
    await db.read();
    await Promise.all(Array.from({ length: 40 }, (_, i) => db.update((d) => void d.labels.push(`l${i}`))));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Layer;
    expect(onDisk.labels).toHaveLength(40);
  });

  it('two adapters on two files in one folder writing concurrently never collide', async () => {
    const f1 = join(dir, 'a1__alice.json');
    const f2 = join(dir, 'a1__bob.json');
    const a1 = adapter(f1);
    const a2 = adapter(f2);
    const all: Promise<void>[] = [];
    for (let i = 0; i < 40; i++) {
      all.push(a1.write({ v: i, labels: ['alice'] }), a2.write({ v: 1000 + i, labels: ['bob'] }));
      if (i % 4 === 0) await Promise.resolve(all[all.length - 1]); // let some writes start mid-burst
    }
    await Promise.all(all);
    expect(JSON.parse(await readFile(f1, 'utf8'))).toEqual({ v: 39, labels: ['alice'] });
    expect(JSON.parse(await readFile(f2, 'utf8'))).toEqual({ v: 1039, labels: ['bob'] });
    expect((await readdir(dir)).filter((n) => !/^a1__(alice|bob)\.json(\.bak)?$/.test(n))).toEqual([]);
  });

  it('a failed write does not poison the queue: later writes still run', async () => {
    const file = join(dir, 'q.json');
    const a = adapter(file);
    const bad = a.write({ v: Number.NaN as unknown as number, labels: 'nope' } as unknown as Layer);
    await expect(bad).rejects.toThrow(/checking the data before saving/);
    await a.write({ v: 3, labels: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ v: 3, labels: [] });
  });

  it('writing the same data again keeps the older generation in .bak', async () => {
    const file = join(dir, 's.json');
    const a = adapter(file);
    await a.write({ v: 1, labels: [] });
    await a.write({ v: 2, labels: [] });
    await a.write({ v: 2, labels: [] });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ v: 1, labels: [] });
  });
});
