/**
 * A scratch file for text that must come later in the output than it is produced (the JSON
 * document's `records` follow its `articles`): spooled to disk so memory stays flat, then read
 * back in chunks and removed. Named like our temp files, so a crash leaves nothing that the
 * stale-temp clean-up does not recognise.
 */
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tempPathFor } from '../../storage/temp-names';
import { WriteBuffer } from '../../storage/write-buffer';

export class ScratchFile {
  /** Text is encoded into one reused buffer, not into a fresh Buffer per flush. */
  private readonly buffer = new WriteBuffer((bytes) => this.writeOut(bytes));
  private constructor(
    readonly path: string,
    private handle: FileHandle | null,
  ) {}

  /** `near`: a file path whose folder holds the scratch file (the export's target). */
  static async create(near: string): Promise<ScratchFile> {
    const path = tempPathFor(`${near}.part`);
    return new ScratchFile(path, await open(path, 'wx', 0o600));
  }

  write(text: string): Promise<void> {
    return this.buffer.writeText(text);
  }

  /**
   * Hands everything written, as UTF-8 bytes (not decoded again), to `each`, then removes the
   * file. The chunks are one reused buffer, read into again once `each` settles: hundreds of MB
   * read back allocate no more than that buffer.
   */
  async drainTo(each: (chunk: Uint8Array) => Promise<void>): Promise<void> {
    await this.buffer.flush();
    await this.handle?.close();
    this.handle = null;
    const input = await open(this.path, 'r');
    try {
      const chunk = new Uint8Array(256 * 1024);
      for (;;) {
        const { bytesRead } = await input.read(chunk, 0, chunk.byteLength, null);
        if (bytesRead === 0) break;
        await each(chunk.subarray(0, bytesRead));
      }
    } finally {
      await input.close();
    }
    await this.remove();
  }

  async remove(): Promise<void> {
    this.buffer.clear();
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await unlink(this.path).catch(() => undefined);
  }

  private async writeOut(bytes: Uint8Array): Promise<void> {
    if (!this.handle) return;
    for (let at = 0; at < bytes.byteLength; ) {
      const { bytesWritten } = await this.handle.write(bytes, at, bytes.byteLength - at);
      if (bytesWritten <= 0) throw Object.assign(new Error(`${this.path}: write made no progress`), { code: 'EIO' });
      at += bytesWritten;
    }
  }
}
