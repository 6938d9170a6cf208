/**
 * The one place an import opens its file: one handle, checked to be a regular file, from which
 * the whole file or its chunks are read and its modification time is taken (the time given to
 * records that carry none). A limit on what may be read belongs here, at the open.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface ImportSource {
  file: string;
  size: number;
  /** ISO 8601 (UTC) modification time of the file. */
  modifiedAt: string;
  /** The whole file's bytes. */
  readAll(): Promise<Uint8Array>;
  /** The file 64 KB at a time. */
  chunks(): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** Thrown with the OS reason when the file cannot be opened or read. */
export class ImportOpenError extends Error {
  override readonly name = 'ImportOpenError';
}

export async function openImportFile(file: string): Promise<ImportSource> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw new ImportOpenError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ImportOpenError(`${file}: is not a file; choose the exported file itself`);
    return {
      file,
      size: info.size,
      modifiedAt: info.mtime.toISOString(),
      readAll: () => handle.readFile(),
      async *chunks() {
        const buffer = new Uint8Array(1 << 16);
        for (let position = 0; ; ) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position);
          if (bytesRead === 0) return;
          position += bytesRead;
          // A copy per chunk: the decoder may keep a reference while the buffer is read into again.
          yield buffer.slice(0, bytesRead);
        }
      },
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e;
  }
}
