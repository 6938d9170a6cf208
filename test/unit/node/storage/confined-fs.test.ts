/**
 * The one file-access module for workspace and user-data files (storage/confined-fs.ts): no link
 * is followed below the root (as the last component or as any folder on the way), special files
 * are refused before a byte is read (a named pipe must not hang the read), every read has a size
 * limit, and writes never land outside the root.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  confinedDurableFs,
  listConfined,
  makeFolders,
  readConfined,
  RefusedFileError,
  walkConfined,
  writeAtomic,
  type ReadLimit,
} from '../../../../src-main/node/storage';
import { tempDir } from '../temp';

const LIMIT: ReadLimit = { maxBytes: 1024, what: 'test files', advice: 'make it smaller' };
const SECRET = 'ssh-rsa SECRET-KEY-MATERIAL';

let base: string;
let ws: string;
let outside: string;

beforeEach(async () => {
  base = await tempDir('confined');
  ws = join(base, 'ws');
  outside = join(base, 'outside');
  await mkdir(join(ws, '.pilcrow', 'annotations'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'id_rsa'), SECRET);
});

async function refusal(promise: Promise<unknown>): Promise<RefusedFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefusedFileError);
  return error as RefusedFileError;
}

describe('reading', () => {
  it('reads a regular file inside the root', async () => {
    await writeFile(join(ws, '.pilcrow', 'schema.json'), '{"ok":1}');
    expect((await readConfined(ws, join(ws, '.pilcrow', 'schema.json'), LIMIT)).toString()).toBe('{"ok":1}');
  });

  it('refuses a file that is a link out of the root, naming it and its target', async () => {
    const file = join(ws, '.pilcrow', 'schema.json');
    await symlink(join(outside, 'id_rsa'), file);
    const e = await refusal(readConfined(ws, file, LIMIT));
    expect(e.kind).toBe('link');
    expect(e.message).toContain(file);
    expect(e.problem).toMatch(/^it is a symbolic link \(to .*id_rsa\); Pilcrow never follows links inside a workspace/);
    expect(e.message).not.toContain(SECRET);
  });

  it('refuses a link even when it points inside the root', async () => {
    await writeFile(join(ws, 'real.json'), '{}');
    await symlink(join(ws, 'real.json'), join(ws, '.pilcrow', 'schema.json'));
    expect((await refusal(readConfined(ws, join(ws, '.pilcrow', 'schema.json'), LIMIT))).kind).toBe('link');
  });

  it('refuses a file reached through a linked folder (O_NOFOLLOW alone would not), naming the folder', async () => {
    await mkdir(join(outside, 'sara'));
    await writeFile(join(outside, 'sara', 'a.txt.json'), SECRET);
    await symlink(join(outside, 'sara'), join(ws, '.pilcrow', 'annotations', 'sara'), 'dir');
    const e = await refusal(readConfined(ws, join(ws, '.pilcrow', 'annotations', 'sara', 'a.txt.json'), LIMIT));
    expect(e.problem).toMatch(/^its folder \.pilcrow\/annotations\/sara is a symbolic link \(to .*outside\/sara\)/);
  });

  it('refuses a file under a linked .pilcrow folder', async () => {
    const other = join(base, 'ws2');
    await mkdir(other);
    await mkdir(join(outside, 'dotpilcrow'));
    await writeFile(join(outside, 'dotpilcrow', 'schema.json'), SECRET);
    await symlink(join(outside, 'dotpilcrow'), join(other, '.pilcrow'), 'dir');
    const e = await refusal(readConfined(other, join(other, '.pilcrow', 'schema.json'), LIMIT));
    expect(e.problem).toMatch(/its folder \.pilcrow is a symbolic link/);
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(ws, '.pilcrow', 'suggest.json');
    execFileSync('mkfifo', [fifo]);
    const e = await refusal(readConfined(ws, fifo, LIMIT));
    expect(e.kind).toBe('special');
    expect(e.problem).toMatch(/^it is a named pipe, not a regular file/);
  });

  it('refuses a link to /dev/zero without reading a byte', async () => {
    const file = join(ws, '.pilcrow', 'schema.json');
    await symlink('/dev/zero', file);
    expect((await refusal(readConfined(ws, file, LIMIT))).kind).toBe('link');
  });

  it('refuses a file over the limit, naming its size, the limit and what to do', async () => {
    const file = join(ws, 'big.json');
    await writeFile(file, Buffer.alloc(3 * 1048576, 0x20));
    const e = await refusal(readConfined(ws, file, { maxBytes: 1048576, what: 'test files', advice: 'make it smaller' }));
    expect(e.kind).toBe('too-large');
    expect(e.problem).toBe('it is 3.0 MB, more than Pilcrow reads for test files (1.0 MB); make it smaller');
  });

  it('passes ENOENT through for a missing file (also under a missing folder)', async () => {
    await expect(readConfined(ws, join(ws, 'nope.json'), LIMIT)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readConfined(ws, join(ws, 'no', 'such', 'x.json'), LIMIT)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a path outside the root', async () => {
    expect((await refusal(readConfined(ws, join(outside, 'id_rsa'), LIMIT))).kind).toBe('outside');
    expect((await refusal(readConfined(ws, join(ws, '..', 'outside', 'id_rsa'), LIMIT))).kind).toBe('outside');
  });
});

describe('writing', () => {
  it('makes folders one at a time and refuses a link where a folder should be', async () => {
    await symlink(outside, join(ws, '.pilcrow', 'quarantine'), 'dir');
    await makeFolders(ws, join(ws, '.pilcrow', 'articles', 'fa'));
    expect((await lstat(join(ws, '.pilcrow', 'articles', 'fa'))).isDirectory()).toBe(true);
    expect((await refusal(makeFolders(ws, join(ws, '.pilcrow', 'quarantine', 'x')))).problem).toMatch(/its folder \.pilcrow\/quarantine is a symbolic link/);
    expect(await readdir(outside)).toEqual(['id_rsa']);
  });

  it('never writes a file through a linked folder, and leaves the link as it was', async () => {
    const sara = join(ws, '.pilcrow', 'annotations', 'sara');
    await symlink(outside, sara, 'dir');
    const fs = confinedDurableFs(ws);
    await expect(writeAtomic(fs, join(sara, 'a.txt.json'), new TextEncoder().encode('{}'))).rejects.toThrow(/its folder \.pilcrow\/annotations\/sara is a symbolic link/);
    expect(await readdir(outside)).toEqual(['id_rsa']);
    expect(await readlink(sara)).toBe(outside);
  });

  it('never replaces or writes through a file that is a link (the durable read refuses first)', async () => {
    const file = join(ws, '.pilcrow', 'schema.json');
    await symlink(join(outside, 'id_rsa'), file);
    await expect(confinedDurableFs(ws).readFile(file)).rejects.toBeInstanceOf(RefusedFileError);
    expect(await readFile(join(outside, 'id_rsa'), 'utf8')).toBe(SECRET);
  });
});

describe('listing', () => {
  it('lists links as links and never walks into a linked folder', async () => {
    await mkdir(join(ws, '.pilcrow', 'annotations', 'ali', 'fa'), { recursive: true });
    await writeFile(join(ws, '.pilcrow', 'annotations', 'ali', 'fa', 'a.txt.json'), '{}');
    await symlink(outside, join(ws, '.pilcrow', 'annotations', 'sara'), 'dir');
    const walked = await walkConfined(ws, join(ws, '.pilcrow', 'annotations'));
    expect(walked.map((e) => `${e.path}:${e.kind}`)).toEqual(['ali:folder', 'ali/fa:folder', 'ali/fa/a.txt.json:file', 'sara:link']);
    expect((await refusal(listConfined(ws, join(ws, '.pilcrow', 'annotations', 'sara')))).kind).toBe('link');
  });
});
