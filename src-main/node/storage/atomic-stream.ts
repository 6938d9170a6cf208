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

export class AtomicStream {
  private chunks: Uint8Array[] = [];
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
    if (this.finished) throw new Error(`${this.target}: write after the output was finished`);
    this.chunks.push(bytes);
    this.buffered += bytes.byteLength;
    if (this.buffered >= BUFFER_BYTES) await this.flush();
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
    this.chunks = [];
    await this.closeHandle().catch(() => undefined);
    await removeQuietly(this.fs, this.temp);
  }

  private async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const joined = new Uint8Array(this.buffered);
    let at = 0;
    for (const c of this.chunks) {
      joined.set(c, at);
      at += c.byteLength;
    }
    this.chunks = [];
    this.buffered = 0;
    await this.step('writing the temp file', () => this.handle!.write(joined));
    this.bytesWritten += joined.byteLength;
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
