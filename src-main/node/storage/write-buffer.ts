/**
 * A fixed buffer that gathers output (text encoded as UTF-8 straight into it, and bytes) into
 * write calls of about its size, for output too big to hold in memory (exports). The buffer is
 * reused and text is encoded into it piece by piece, so writing hundreds of MB allocates no more
 * than its 256 KB, however long one string handed to it is: a whole encoded copy of a
 * multi-megabyte string is garbage that lands straight in the old generation and shows in RSS.
 */
const encoder = new TextEncoder();

export class WriteBuffer {
  private readonly buffer: Uint8Array;
  private filled = 0;

  /** `out` must be done with its bytes when its promise settles: the buffer is then refilled. */
  constructor(
    private readonly out: (bytes: Uint8Array) => Promise<void>,
    size = 256 * 1024,
  ) {
    this.buffer = new Uint8Array(size);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.filled + bytes.byteLength > this.buffer.byteLength) await this.flush();
    if (bytes.byteLength >= this.buffer.byteLength) return this.out(bytes);
    this.buffer.set(bytes, this.filled);
    this.filled += bytes.byteLength;
  }

  async writeText(text: string): Promise<void> {
    let rest = text;
    for (;;) {
      // encodeInto stops before a character that does not fit (never inside one) and says how far it got.
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.filled));
      this.filled += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.filled === 0) return;
    const n = this.filled;
    this.filled = 0;
    await this.out(this.buffer.subarray(0, n));
  }

  /** Forgets what is buffered (the output is being dropped). */
  clear(): void {
    this.filled = 0;
  }
}
