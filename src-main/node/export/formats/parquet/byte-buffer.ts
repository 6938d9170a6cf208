/**
 * A byte buffer written from the front and reused: `reset()` empties it without freeing, so a
 * Parquet export allocates its buffers once, to the size of its largest row group, instead of a
 * fresh one per page (hyparquet-writer's start at 1 KB and double, garbage that only a collection
 * returns: the RSS growth docs/performance.md reports). It is hyparquet-writer's ByteWriter, so
 * that library's page-header, level and footer encoders write into it.
 */
import { ByteWriter } from 'hyparquet-writer';

export class ByteBuffer extends ByteWriter {
  /** The same memory as `buffer`, for Buffer's UTF-8 writer and copies. */
  bytes: Buffer;

  constructor(size: number) {
    super(size);
    this.bytes = Buffer.from(this.buffer);
  }

  override ensure(size: number): void {
    if (this.index + size <= this.buffer.byteLength) return;
    const grown = new ArrayBuffer(Math.max(this.buffer.byteLength * 2, this.index + size));
    new Uint8Array(grown).set(new Uint8Array(this.buffer, 0, this.index));
    this.buffer = grown;
    this.view = new DataView(grown);
    this.bytes = Buffer.from(grown);
  }

  /** Empties the buffer, keeping its memory. `offset` counts on only where a caller wants file offsets. */
  reset(): void {
    this.index = 0;
    this.offset = 0;
  }

  /** What has been written since the last reset: a view, valid until the next write. */
  written(): Uint8Array {
    return new Uint8Array(this.buffer, 0, this.index);
  }

  /** A Parquet PLAIN byte array: 4-byte little-endian length, then the UTF-8. Returns the bytes written. */
  appendLengthPrefixedUtf8(text: string): number {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a lone surrogate becomes U+FFFD).
    this.ensure(4 + text.length * 3);
    const at = this.index;
    const length = this.bytes.write(text, at + 4, 'utf8');
    this.view.setUint32(at, length, true);
    this.index += 4 + length;
    this.offset += 4 + length;
    return 4 + length;
  }

  /** A copy of `bytes` (ByteWriter's would make a view of its buffer per call). */
  override appendBytes(bytes: Uint8Array): void {
    this.ensure(bytes.byteLength);
    this.bytes.set(bytes, this.index);
    this.index += bytes.byteLength;
    this.offset += bytes.byteLength;
  }
}
