/**
 * A scratch file for text that must come later in the output than it is produced (the JSON
 * document's `records` follow its `articles`): spooled to disk so memory stays flat, then read
 * back in chunks and removed. Named like our temp files, so a crash leaves nothing that the
 * stale-temp clean-up does not recognise.
 */
import { createReadStream } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tempPathFor } from '../../storage/temp-names';

export class ScratchFile {
  private buffer = '';
  private constructor(
    readonly path: string,
    private handle: FileHandle | null,
  ) {}

  /** `near`: a file path whose folder holds the scratch file (the export's target). */
  static async create(near: string): Promise<ScratchFile> {
    const path = tempPathFor(`${near}.part`);
    return new ScratchFile(path, await open(path, 'wx', 0o600));
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= 128 * 1024) await this.flush();
  }

  /** Streams everything written, as UTF-8 bytes (not decoded again), to `each`; then removes the file. */
  async drainTo(each: (chunk: Uint8Array) => Promise<void>): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = null;
    const stream = createReadStream(this.path, { highWaterMark: 256 * 1024 });
    for await (const chunk of stream) await each(chunk as Buffer);
    await this.remove();
  }

  async remove(): Promise<void> {
    this.buffer = '';
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await unlink(this.path).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (!this.buffer || !this.handle) return;
    const text = this.buffer;
    this.buffer = '';
    await this.handle.write(text);
  }
}
