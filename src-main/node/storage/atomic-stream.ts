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
import { WriteBuffer } from './write-buffer';

export class AtomicStream {
  /** Gathers chunks into write calls of 256 KB, in one reused buffer. */
  private readonly buffer = new WriteBuffer((bytes) => this.writeOut(bytes));
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
    await this.buffer.write(bytes);
  }

  /** Writes `text` as UTF-8, encoded into the buffer piece by piece (never as one copy). */
  async writeText(text: string): Promise<void> {
    this.checkOpen();
    await this.buffer.writeText(text);
  }

  private checkOpen(): void {
    if (this.finished) throw new Error(`${this.target}: write after the output was finished`);
  }

  async commit(): Promise<void> {
    await this.buffer.flush();
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
    this.buffer.clear();
    await this.closeHandle().catch(() => undefined);
    await removeQuietly(this.fs, this.temp);
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
