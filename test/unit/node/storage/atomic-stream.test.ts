import { describe, expect, it } from 'vitest';
import { AtomicStream, DurableWriteError } from '../../../../src-main/node/storage';
import { ModelFs, sameBytes } from './fixtures/model-fs';

const DIR = '/out';
const FILE = `${DIR}/labels.jsonl`;
const OLD = new TextEncoder().encode('old export\n');
const chunk = (i: number) => new TextEncoder().encode(`${JSON.stringify({ i, text: 'خبر 😀'.repeat(200) })}\n`);

function setup() {
  const fs = new ModelFs([DIR]);
  fs.seed(FILE, OLD);
  return fs;
}

describe('AtomicStream (streamed exports)', () => {
  it('shows nothing at the target until commit, then the whole output at once, with no temp left', async () => {
    const fs = setup();
    const stream = await AtomicStream.open(fs, FILE);
    for (let i = 0; i < 500; i++) await stream.write(chunk(i));
    expect(sameBytes(fs.peek(FILE), OLD)).toBe(true);
    await stream.commit();
    const text = new TextDecoder().decode(fs.peek(FILE));
    expect(text.split('\n').filter(Boolean)).toHaveLength(500);
    expect(fs.list(DIR)).toEqual(['labels.jsonl']);
  });

  it('writes text and bytes, small and larger than its buffer, in order and byte for byte', async () => {
    const fs = setup();
    const stream = await AtomicStream.open(fs, FILE);
    const parts: Uint8Array[] = [];
    const enc = new TextEncoder();
    for (let i = 0; i < 300; i++) {
      // Persian, emoji (surrogate pairs) and ZWNJ, in pieces from a few bytes to over 256 KB
      const text = `${i}: ${'سلام‌دنیا 😀 '.repeat(i % 7 === 0 ? 12_000 : (i % 13) + 1)}
`;
      parts.push(enc.encode(text));
      if (i % 2) await stream.writeText(text);
      else await stream.write(enc.encode(text));
    }
    await stream.commit();
    const expected = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((at, p) => (expected.set(p, at), at + p.byteLength), 0);
    expect(sameBytes(fs.peek(FILE), expected)).toBe(true);
    expect(stream.bytesWritten).toBe(expected.byteLength);
  });

  it('leaves the old file and no temp file when aborted (cancel) or when a write fails', async () => {
    const fs = setup();
    const cancelled = await AtomicStream.open(fs, FILE);
    for (let i = 0; i < 200; i++) await cancelled.write(chunk(i));
    await cancelled.abort();
    expect(sameBytes(fs.peek(FILE), OLD)).toBe(true);
    expect(fs.list(DIR)).toEqual(['labels.jsonl']);

    fs.inject = (op) => (op === 'write' ? 'ENOSPC' : undefined);
    const full = await AtomicStream.open(fs, FILE);
    let error: unknown = null;
    try {
      for (let i = 0; i < 500; i++) await full.write(chunk(i));
      await full.commit();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DurableWriteError);
    expect((error as Error).message).toContain(FILE);
    expect(sameBytes(fs.peek(FILE), OLD)).toBe(true);
    expect(fs.list(DIR)).toEqual(['labels.jsonl']);
  });

  it('fails the commit without touching the target when fsync fails', async () => {
    const fs = setup();
    fs.inject = (op) => (op === 'sync' ? 'EIO' : undefined);
    const stream = await AtomicStream.open(fs, FILE);
    await stream.write(chunk(1));
    await expect(stream.commit()).rejects.toThrow(/fsync of the temp file/);
    expect(sameBytes(fs.peek(FILE), OLD)).toBe(true);
    expect(fs.list(DIR)).toEqual(['labels.jsonl']);
  });
});
