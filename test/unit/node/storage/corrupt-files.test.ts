import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CorruptFileError,
  DurableJsonFile,
  MidMergeError,
  type RecoveryReport,
} from '../../../../src-main/node/storage';

const Layer = z.object({ v: z.number(), labels: z.array(z.string()) });
type Layer = z.infer<typeof Layer>;
const GOOD: Layer = { v: 7, labels: ['claim', 'خبر\u200cها'] };

const fixtures: { name: string; bytes: Buffer; problem: RegExp }[] = [
  { name: 'empty (0 bytes)', bytes: Buffer.alloc(0), problem: /empty file \(0 bytes\)/ },
  { name: 'NUL-filled (power-loss garbage)', bytes: Buffer.alloc(512), problem: /NUL bytes/ },
  { name: 'truncated JSON', bytes: Buffer.from('{"v": 7, "labels": ["cla'), problem: /invalid or truncated JSON/ },
  {
    name: 'UTF-8 BOM prefix',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(GOOD))]),
    problem: /byte order mark/,
  },
  {
    name: 'invalid UTF-8',
    bytes: Buffer.concat([Buffer.from('{"v": 7, "labels": ["'), Buffer.from([0xff, 0xc3]), Buffer.from('"]}')]),
    problem: /invalid UTF-8 \(first bad byte at 21\)/,
  },
  { name: 'JSON null', bytes: Buffer.from('null'), problem: /JSON null/ },
  { name: 'wrong schema', bytes: Buffer.from('{"v": "seven", "labels": {}}'), problem: /wrong schema/ },
];

let dir: string;
let qdir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-corrupt-'));
  qdir = join(dir, '.pilcrow', 'quarantine');
  file = join(dir, 'a1__alice.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function adapter(reports: RecoveryReport[], quarantineDir = qdir, shared = true) {
  return new DurableJsonFile<Layer>(file, {
    root: dir,
    shared,
    parse: (v) => Layer.parse(v),
    quarantineDir,
    onRecover: (r) => reports.push(r),
  });
}

describe('corrupt files are quarantined byte for byte, never overwritten', () => {
  for (const fx of fixtures) {
    it(`${fx.name}: restored from a valid .bak, original bytes in quarantine, reported`, async () => {
      await writeFile(file, fx.bytes);
      await writeFile(`${file}.bak`, JSON.stringify(GOOD));
      const reports: RecoveryReport[] = [];
      expect(await adapter(reports).read()).toEqual(GOOD);
      expect(reports).toHaveLength(1);
      const r = reports[0]!;
      expect(r).toMatchObject({ file, restoredFrom: 'bak' });
      expect(r.problem).toMatch(fx.problem);
      expect(r.quarantinedTo!.startsWith(qdir)).toBe(true);
      expect(await readFile(r.quarantinedTo!)).toEqual(fx.bytes);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(GOOD); // restored on disk too
      expect(await readdir(qdir)).toHaveLength(1);
      expect((await readdir(dir)).filter((n) => n.endsWith('.pilcrow-tmp'))).toEqual([]);
    });

    it(`${fx.name}: without a .bak read() gives null, lowdb falls back to defaults, bytes stay safe in quarantine`, async () => {
      await writeFile(file, fx.bytes);
      const reports: RecoveryReport[] = [];
      const db = new Low(adapter(reports), { v: 0, labels: [] as string[] });
      await db.read();
      expect(db.data).toEqual({ v: 0, labels: [] });
      expect(reports).toEqual([{ file, problem: expect.stringMatching(fx.problem), quarantinedTo: expect.any(String), restoredFrom: 'none' }]);
      await db.write();
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ v: 0, labels: [] });
      expect(await readFile(reports[0]!.quarantinedTo!)).toEqual(fx.bytes);
    });
  }

  it('a damaged .bak is not used: null, and the .bak is left alone', async () => {
    await writeFile(file, '');
    await writeFile(`${file}.bak`, 'null');
    const reports: RecoveryReport[] = [];
    expect(await adapter(reports).read()).toBeNull();
    expect(reports[0]?.restoredFrom).toBe('none');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('null');
  });

  it('when quarantining fails, read() throws CorruptFileError and leaves the file byte for byte in place', async () => {
    const bytes = Buffer.from('{"v": 7,');
    await writeFile(file, bytes);
    const notADir = join(dir, 'blocked');
    await writeFile(notADir, 'a file where the quarantine folder should be');
    const reports: RecoveryReport[] = [];
    const err = await adapter(reports, join(notADir, 'q'))
      .read()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect(err).toMatchObject({ file, problem: expect.stringMatching(/truncated JSON/) });
    expect((err as Error).message).toMatch(/a1__alice\.json is damaged .*left untouched.*quarantine failed/);
    expect(await readFile(file)).toEqual(bytes);
    expect(reports).toEqual([]);
  });

  it('write() over a damaged file first copies it to quarantine (never overwrites unseen bytes)', async () => {
    const bytes = Buffer.from('{"v": 7, "lab');
    await writeFile(file, bytes);
    const reports: RecoveryReport[] = [];
    await adapter(reports).write(GOOD);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(GOOD);
    expect(reports).toHaveLength(1);
    expect(await readFile(reports[0]!.quarantinedTo!)).toEqual(bytes);
    expect(await readdir(dir)).not.toContain('a1__alice.json.bak'); // damaged bytes never become the .bak
  });

  it('quarantine names are timestamped and distinct for same-named files in different folders', async () => {
    const names = new Set<string>();
    for (const sub of ['a1', 'a2']) {
      const f = join(dir, sub, 'alice.json');
      await rm(join(dir, sub), { recursive: true, force: true });
      await mkdir(join(dir, sub));
      await writeFile(f, '');
      const reports: RecoveryReport[] = [];
      await new DurableJsonFile<Layer>(f, { root: dir, parse: (v) => Layer.parse(v), quarantineDir: qdir, onRecover: (r) => reports.push(r) }).read();
      const name = reports[0]!.quarantinedTo!.slice(qdir.length + 1);
      expect(name).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z_${sub}_alice\\.json\\.[0-9a-f]{6}\\.corrupt$`));
      names.add(name);
    }
    expect(names.size).toBe(2);
  });
});

const MID_MERGE = Buffer.from('{\n<<<<<<< HEAD\n  "v": 7,\n=======\n  "v": 8,\n>>>>>>> theirs\n  "labels": []\n}\n');

describe('a shared file in the middle of a git merge is never moved, restored over or written', () => {
  it('read() leaves it and its .bak byte for byte, returns null and says how to finish the merge', async () => {
    await writeFile(file, MID_MERGE);
    await writeFile(`${file}.bak`, JSON.stringify(GOOD));
    const reports: RecoveryReport[] = [];
    expect(await adapter(reports).read()).toBeNull();
    expect(reports).toEqual([{ file, problem: expect.stringMatching(/middle of a git merge \(conflict markers from line 2\).*git add -- .*a1__alice\.json and git commit$/), quarantinedTo: null, restoredFrom: 'none', midMerge: true }]);
    expect(await readFile(file)).toEqual(MID_MERGE);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(JSON.stringify(GOOD));
    expect(await readdir(dir)).toEqual(['a1__alice.json', 'a1__alice.json.bak']); // no quarantine folder, no temp
  });

  it('write() is refused with MidMergeError and the file keeps its bytes', async () => {
    await writeFile(file, MID_MERGE);
    const reports: RecoveryReport[] = [];
    const error = await adapter(reports).write(GOOD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidMergeError);
    expect((error as Error).message).toMatch(/Could not save .*a1__alice\.json: it is in the middle of a git merge/);
    expect(await readFile(file)).toEqual(MID_MERGE);
    expect(await readdir(dir)).toEqual(['a1__alice.json']);
  });

  it('a file of this machine only (shared: false) with markers is damaged: quarantined, its .bak restored', async () => {
    await writeFile(file, MID_MERGE);
    await writeFile(`${file}.bak`, JSON.stringify(GOOD));
    const reports: RecoveryReport[] = [];
    expect(await adapter(reports, qdir, false).read()).toEqual(GOOD);
    expect(reports[0]).toMatchObject({ problem: expect.stringMatching(/git conflict markers \(line 2\)/), restoredFrom: 'bak' });
    expect(await readFile(reports[0]!.quarantinedTo!)).toEqual(MID_MERGE);
  });
});
