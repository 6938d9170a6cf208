/**
 * Main's log file: what the main process warns about (a list count that failed, a watcher error,
 * a damaged file set aside) also goes to `<logs>/main.log`, so an editor can find it (About
 * shows where) and send it with a bug report. Logging never stops the app: a log that cannot be
 * written is skipped. One old generation is kept (main.old.log) once the log passes 1 MB.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';

export const LOG_FILE_NAME = 'main.log';
const MAX_BYTES = 1_000_000;

export type LogLevel = 'info' | 'warn' | 'error';
export type LogWriter = (level: LogLevel, message: string) => void;

/** Opens (creates, rotates) the log at `file`; returns the writer. */
export function openLogFile(file: string, maxBytes = MAX_BYTES): LogWriter {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) >= maxBytes) renameSync(file, join(dirname(file), 'main.old.log'));
  } catch {
    // An unwritable logs folder: the appends below fail quietly too.
  }
  return (level, message) => {
    try {
      appendFileSync(file, `${new Date().toISOString()} ${level} ${message.replace(/\n/g, '\n    ')}\n`);
    } catch {
      // see above
    }
  };
}

/** console.warn and console.error still print, and are also written to the log. Returns the undo. */
export function teeConsoleTo(write: LogWriter): () => void {
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => {
    warn(...args);
    write('warn', format(...args));
  };
  console.error = (...args: unknown[]) => {
    error(...args);
    write('error', format(...args));
  };
  return () => Object.assign(console, { warn, error });
}
