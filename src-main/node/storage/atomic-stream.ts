/**
 * The durable write protocol for output too big to hold in memory (exports): chunks go to a
 * unique temp file beside the target as they are produced; `commit()` fsyncs it, renames it over
 * the target and fsyncs the folder, so the target is always the old file or the complete new
 * one. `abort()` (cancel, error) removes the temp file and leaves the target untouched.
 */
import { commitTemp, syncDirOf } from './atomic-write';
import { removeQuietly, type DurableFileHandle, type DurableFs } from './durable-fs';
import { DurableWriteError } from './errors';
import { tempPathFor } from './temp-names';

/** Chunks are gathered to about this size before a write call. */
const BUFFER_BYTES = 256 * 1024;
const encoder = new TextEncoder();

export class AtomicStream {
  /** One buffer, reused for every write call: an export of hundreds of MB allocates no more. */
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private buffered = 0;
  private finished = false;
  bytesWritten = 0;

  private constructor(
    private readonly fs: DurableFs,
    readonly target: string,
    readonly temp: string,
    private handle: DurableFileHandle | undefined,
  ) {}

  static async open(fs: DurableFs, target: string): Promise<AtomicStream> {
    const temp = tempPathFor(target);
    try {
      return new AtomicStream(fs, target, temp, await fs.createExclusive(temp));
    } catch (e) {
      throw new DurableWriteError(target, 'creating a temp file', e);
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.checkOpen();
    if (this.buffered + bytes.byteLength > BUFFER_BYTES) await this.flush();
    if (bytes.byteLength >= BUFFER_BYTES) return this.writeOut(bytes);
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.byteLength;
  }

  /** Writes `text` as UTF-8, encoded straight into the buffer when it fits. */
  async writeText(text: string): Promise<void> {
    this.checkOpen();
    const most = text.length * 3; // UTF-8 bytes per UTF-16 unit, at worst
    if (most >= BUFFER_BYTES) return this.write(encoder.encode(text));
    if (this.buffered + most > BUFFER_BYTES) await this.flush();
    this.buffered += encoder.encodeInto(text, this.buffer.subarray(this.buffered)).written;
  }

  private checkOpen(): void {
    if (this.finished) throw new Error(`${this.target}: write after the output was finished`);
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.step('fsync of the temp file', () => this.handle!.sync());
    await this.closeHandle();
    this.finished = true;
    await commitTemp(this.fs, this.temp, this.target);
    await syncDirOf(this.fs, this.target);
  }

  /** Drops everything written so far; the target keeps its previous content. */
  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.buffered = 0;
    await this.closeHandle().catch(() => undefined);
    await removeQuietly(this.fs, this.temp);
  }

  private async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const n = this.buffered;
    this.buffered = 0;
    // The write completes before the buffer is filled again: callers await every write.
    await this.writeOut(this.buffer.subarray(0, n));
  }

  private async writeOut(bytes: Uint8Array): Promise<void> {
    await this.step('writing the temp file', () => this.handle!.write(bytes));
    this.bytesWritten += bytes.byteLength;
  }

  private async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    if (h) await h.close();
  }

  /** Runs one file operation; on failure removes the temp file and names the target and step. */
  private async step(name: string, op: () => Promise<void>): Promise<void> {
    try {
      await op();
    } catch (e) {
      await this.abort();
      throw new DurableWriteError(this.target, name, e);
    }
  }
}
