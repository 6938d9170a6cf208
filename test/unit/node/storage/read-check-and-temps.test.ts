import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkBytes, cleanStaleTemps, DurableJsonFile, type RecoveryReport } from '../../../../src-main/node/storage';
import { checkAndParse, firstInvalidUtf8 } from '../../../../src-main/node/storage/read-check';
import { ModelFs, sameBytes } from './fixtures/model-fs';

const b = (s: string) => new TextEncoder().encode(s);

describe('checkBytes', () => {
  it('accepts valid JSON with Persian text, ZWNJ and emoji', () => {
    expect(checkBytes(b('{"t":"می\u200cخواهم 👍"}'))).toEqual({ ok: true, value: { t: 'می\u200cخواهم 👍' } });
  });
  it('does not mistake marker-like text inside JSON strings for conflict markers', () => {
    expect(checkBytes(b(JSON.stringify({ t: '\n<<<<<<< HEAD\n' }, null, 2))).ok).toBe(true);
  });
  it('finds the first invalid UTF-8 byte: stray continuation, overlong, surrogate, truncated sequence', () => {
    expect(firstInvalidUtf8(b('ok'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
  });
  it('names each schema problem by field and reason, not as a JSON dump of the validator\'s issues', () => {
    const schema = z.object({ mode: z.enum(['multi', 'single']), thresholds: z.record(z.string(), z.number().max(1)) });
    expect(checkAndParse(b('{"mode":"several","thresholds":{"quote":1.5}}'), (v) => schema.parse(v))).toEqual({
      ok: false,
      problem: 'wrong schema (mode: Invalid option: expected one of "multi"|"single"; thresholds.quote: Too big: expected number to be <=1)',
    });
  });

  it('rejects whitespace-only files and conflict separators', () => {
    expect(checkBytes(b(' \n\t'))).toEqual({ ok: false, problem: 'empty file (only whitespace)' });
    expect(checkBytes(b('{\n=======\n}'))).toMatchObject({ ok: false, problem: /conflict markers \(line 2\)/ });
  });
});

describe('cleanStaleTemps', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pilcrow-temps-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes only our temp files of dead writers, recursively, without following symlinks', async () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    const dead = child.pid!;
    await new Promise((r) => child.once('exit', r));
    await mkdir(join(dir, 'a1'));
    const outside = await mkdtemp(join(tmpdir(), 'pilcrow-outside-'));
    const outsideTemp = join(outside, `.z.json.${dead}-0123456789ab.pilcrow-tmp`);
    const ours = [
      join(dir, `.x.json.${dead}-0123456789ab.pilcrow-tmp`),
      join(dir, 'a1', `.alice.json.bak.${dead}-abcdefabcdef.pilcrow-tmp`),
    ];
    const live = join(dir, `.y.json.${process.pid}-0123456789ab.pilcrow-tmp`); // a writer still at work
    const notOurs = [
      join(dir, '.x.json.tmp'), // lowdb's own temp name
      join(dir, 'notes.pilcrow-tmp'),
      join(dir, `.x.json.${dead}-XYZ.pilcrow-tmp`),
      join(dir, 'a1', 'alice.json'),
    ];
    for (const f of [...ours, live, ...notOurs, outsideTemp]) await writeFile(f, 'x');
    await symlink(outside, join(dir, 'a1', 'link'));
    try {
      expect((await cleanStaleTemps(dir)).sort()).toEqual(ours.sort());
      expect((await readdir(dir)).sort()).toEqual(
        ['.x.json.tmp', 'notes.pilcrow-tmp', `.x.json.${dead}-XYZ.pilcrow-tmp`, `.y.json.${process.pid}-0123456789ab.pilcrow-tmp`, 'a1'].sort(),
      );
      expect((await readdir(join(dir, 'a1'))).sort()).toEqual(['alice.json', 'link']);
      expect(await readdir(outside)).toEqual([`.z.json.${dead}-0123456789ab.pilcrow-tmp`]); // link not followed
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
    // a live pid's temp is removed once it is clearly abandoned (pid reuse after a crash)
    const old = new Date(Date.now() - 3_600_000);
    await utimes(live, old, old);
    expect(await cleanStaleTemps(dir)).toEqual([live]);
  });

  it('a missing folder is an error (not silently "nothing to clean")', async () => {
    await expect(cleanStaleTemps(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('quarantine across devices', () => {
  it('EXDEV on the move: copies byte for byte, then removes the original', async () => {
    const fs = new ModelFs(['/ws/a', '/mnt/q']);
    const bad = new Uint8Array([0, 0, 0, 0]);
    fs.seed('/ws/a/f.json', bad);
    fs.inject = (op, path) => (op === 'rename' && path.startsWith('/ws/a/f.json ->') ? 'EXDEV' : undefined);
    const reports: RecoveryReport[] = [];
    const a = new DurableJsonFile(`/ws/a/f.json`, {
      root: '/',
      parse: (v) => z.object({ n: z.number() }).parse(v),
      quarantineDir: '/mnt/q',
      fs,
      onRecover: (r) => reports.push(r),
    });
    expect(await a.read()).toBeNull();
    expect(reports).toEqual([{ file: '/ws/a/f.json', problem: expect.stringMatching(/NUL/), quarantinedTo: expect.stringMatching(/^\/mnt\/q\//), restoredFrom: 'none' }]);
    expect(sameBytes(fs.peek(reports[0]!.quarantinedTo!), bad)).toBe(true);
    expect(fs.list('/ws/a')).toEqual([]);
    expect(fs.list('/mnt/q')).toHaveLength(1);
  });
});
