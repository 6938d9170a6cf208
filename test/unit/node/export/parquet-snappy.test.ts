/**
 * The Parquet writer's Snappy compressor (node/export/formats/parquet/snappy.ts) writes into a
 * reused buffer; hyparquet's decompressor, another implementation, must get every input back,
 * whatever its length or how much of it repeats, and the buffer's earlier bytes must stay.
 */
import { snappyUncompress } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { ByteBuffer } from '../../../../src-main/node/export/formats/parquet/byte-buffer';
import { snappyCompress } from '../../../../src-main/node/export/formats/parquet/snappy';

function roundTrip(input: Uint8Array, out = new ByteBuffer(16)): Uint8Array {
  out.reset();
  out.appendUint8(0xaa);
  const length = snappyCompress(input, out);
  expect(out.index).toBe(1 + length);
  expect(out.bytes[0]).toBe(0xaa);
  const back = new Uint8Array(input.length);
  snappyUncompress(out.bytes.subarray(1, 1 + length), back);
  return back;
}

/** A deterministic mix of bytes: Persian text, repeats far apart and near, and noise. */
function sample(length: number, seed: number): Uint8Array {
  const text = Buffer.from('«آب تهران» تا تابستان کافی است.\u200cها ۱۲۳ ', 'utf8');
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x % 7 === 0 ? x >>> 24 : text[i % text.length]!;
  }
  return out;
}

describe('Snappy for Parquet pages', () => {
  it('gets back every short input, empty included (below the 15-byte margin the format keeps literal)', () => {
    for (let length = 0; length <= 40; length++) expect(roundTrip(sample(length, length))).toEqual(sample(length, length));
  });

  it('gets back long inputs: repeats more than 64 KB apart, a run of one byte, random bytes', () => {
    const out = new ByteBuffer(16);
    const far = new Uint8Array(300_000);
    far.set(sample(100_000, 1), 0);
    far.set(sample(100_000, 1), 200_000);
    const inputs = [far, new Uint8Array(200_000).fill(0x41), sample(1_500_000, 9), Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24)];
    for (const input of inputs) expect(roundTrip(input, out)).toEqual(input);
  });

  it('compresses repeated text', () => {
    const input = Buffer.from('خبر '.repeat(10_000), 'utf8');
    const out = new ByteBuffer(16);
    expect(snappyCompress(input, out)).toBeLessThan(input.length / 10);
  });
});
