/**
 * The one place an import opens its file: one handle from `openChosenFile` (a regular file
 * within IMPORT_LIMIT; a named pipe or a device is refused before reading), from which the whole
 * file or its chunks are read and its modification time is taken (the time given to records that
 * carry none). A file that grows past the limit while it is read stops there.
 */
import { englishText, type MainMessage } from '../../shared/messages';
import { IMPORT_LIMIT, openChosenFile, RefusedFileError } from '../storage';

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

/** Thrown with the reason when the file cannot be opened or read (what to do included), said as a message. */
export class ImportOpenError extends Error {
  override readonly name = 'ImportOpenError';
  constructor(readonly detail: MainMessage) {
    super(englishText(detail));
  }
}

export function cannotReadImport(file: string, e: unknown): ImportOpenError {
  const reason = e instanceof RefusedFileError ? e.problem : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  return new ImportOpenError({ code: 'import-unreadable', file, reason });
}

export async function openImportFile(file: string): Promise<ImportSource> {
  let opened: Awaited<ReturnType<typeof openChosenFile>>;
  try {
    opened = await openChosenFile(file, IMPORT_LIMIT);
  } catch (e) {
    throw cannotReadImport(file, e);
  }
  const { handle, size } = opened;
  // The time as `stat` gives it everywhere else (a Date; openChosenFile's is cut to the millisecond).
  const modifiedAt = (await handle.stat().catch(() => null))?.mtime.toISOString() ?? new Date(opened.mtimeMs).toISOString();
  const grewPast = () => new ImportOpenError({ code: 'import-grew', file, max: IMPORT_LIMIT.maxBytes, advice: IMPORT_LIMIT.advice });
  async function* chunks(): AsyncIterable<Uint8Array> {
    const buffer = new Uint8Array(1 << 16);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      if (position > IMPORT_LIMIT.maxBytes) throw grewPast();
      // A copy per chunk: the decoder may keep a reference while the buffer is read into again.
      yield buffer.slice(0, bytesRead);
    }
  }
  return {
    file,
    size,
    modifiedAt,
    async readAll() {
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks()) parts.push(chunk);
      return Buffer.concat(parts);
    },
    chunks,
    close: () => handle.close(),
  };
}
