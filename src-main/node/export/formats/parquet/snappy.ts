/**
 * Snappy compression into a reused buffer. hyparquet-writer's compressor (the same algorithm,
 * from snappyjs, MIT, © 2016 Zhipeng Jia) returns a fresh buffer per page grown by doubling from
 * 1 KB; this one writes into the caller's ByteBuffer, sized once for the worst case. The format
 * (https://github.com/google/snappy/blob/main/format_description.txt): the uncompressed length
 * as a varint, then literals and back-references of at most 64 KB offset.
 */
import type { ByteBuffer } from './byte-buffer';

const MAX_HASH_TABLE_BITS = 14;
const MAX_OFFSET = 0xffff;
const INPUT_MARGIN = 15;
const hashTable = new Uint32Array(1 << MAX_HASH_TABLE_BITS);

const hash = (key: number, shift: number) => Math.imul(key, 0x1e35a7bd) >>> shift;
const load32 = (a: Uint8Array, i: number) => a[i]! | (a[i + 1]! << 8) | (a[i + 2]! << 16) | (a[i + 3]! << 24);

/** Appends the Snappy encoding of `input` to `out`; returns its length in bytes. */
export function snappyCompress(input: Uint8Array, out: ByteBuffer): number {
  const n = input.length;
  // The format's bound on the output: 32 + n + n / 6.
  out.ensure(32 + n + Math.ceil(n / 6));
  const bytes = out.bytes;
  const start = out.index;
  let op = start;
  for (let v = n; ; v >>>= 7) {
    if (v < 0x80) {
      bytes[op++] = v;
      break;
    }
    bytes[op++] = (v & 0x7f) | 0x80;
  }

  const literal = (from: number, length: number) => {
    const value = length - 1;
    if (length <= 60) bytes[op++] = value << 2;
    else {
      const size = value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4;
      bytes[op++] = (59 + size) << 2;
      for (let i = 0; i < size; i++) bytes[op++] = (value >>> (i * 8)) & 0xff;
    }
    bytes.set(input.subarray(from, from + length), op);
    op += length;
  };
  const copyUpTo64 = (offset: number, length: number) => {
    if (length < 12 && offset < 2048) {
      bytes[op++] = 1 + ((length - 4) << 2) + ((offset >>> 8) << 5);
      bytes[op++] = offset & 0xff;
    } else {
      bytes[op++] = 2 + ((length - 1) << 2);
      bytes[op++] = offset & 0xff;
      bytes[op++] = offset >>> 8;
    }
  };
  const copy = (offset: number, length: number) => {
    while (length >= 68) {
      copyUpTo64(offset, 64);
      length -= 64;
    }
    if (length > 64) {
      copyUpTo64(offset, 60);
      length -= 60;
    }
    copyUpTo64(offset, length);
  };

  let nextEmit = 0;
  if (n >= INPUT_MARGIN) {
    let bits = 1;
    while (1 << bits <= n && bits <= MAX_HASH_TABLE_BITS) bits++;
    bits--;
    const shift = 32 - bits;
    hashTable.fill(0, 0, 1 << bits);
    const ipLimit = n - INPUT_MARGIN;
    let ip = 1;
    let nextHash = hash(load32(input, ip), shift);
    outer: for (;;) {
      let skip = 32;
      let nextIp = ip;
      let candidate: number;
      do {
        ip = nextIp;
        const h = nextHash;
        nextIp = ip + (skip++ >>> 5);
        if (ip > ipLimit) break outer;
        nextHash = hash(load32(input, nextIp), shift);
        candidate = hashTable[h]!;
        hashTable[h] = ip;
      } while (ip - candidate > MAX_OFFSET || load32(input, ip) !== load32(input, candidate));

      literal(nextEmit, ip - nextEmit);
      do {
        const base = ip;
        let matched = 4;
        while (ip + matched < n && input[ip + matched] === input[candidate + matched]) matched++;
        ip += matched;
        copy(base - candidate, matched);
        nextEmit = ip;
        if (ip >= ipLimit) break outer;
        hashTable[hash(load32(input, ip - 1), shift)] = ip - 1;
        const h = hash(load32(input, ip), shift);
        candidate = hashTable[h]!;
        hashTable[h] = ip;
      } while (ip - candidate <= MAX_OFFSET && load32(input, ip) === load32(input, candidate));
      ip++;
      nextHash = hash(load32(input, ip), shift);
    }
  }
  if (nextEmit < n) literal(nextEmit, n - nextEmit);

  const length = op - start;
  out.index += length;
  out.offset += length;
  return length;
}
