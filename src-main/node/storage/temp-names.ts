import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fitName, MAX_NAME_BYTES } from './name-length';

/**
 * Our temp files: `.<target name>.<pid>-<12 hex>.pilcrow-tmp`, in the target's folder.
 * The shape is specific enough that cleanStaleTemps never removes anyone else's file.
 */
export const TEMP_SUFFIX = '.pilcrow-tmp';
const TEMP_RE = /^\..+\.(\d{1,10})-[0-9a-f]{12}\.pilcrow-tmp$/;

export function tempPathFor(target: string): string {
  const tail = `.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  // A long target name (a long headline's label file) is shortened so the temp name still fits.
  return join(dirname(target), `.${fitName(basename(target), MAX_NAME_BYTES - 1 - Buffer.byteLength(tail), 8)}${tail}`);
}

/** The pid that created a temp file with this name, or null when the name is not ours. */
export function tempOwnerPid(name: string): number | null {
  const m = TEMP_RE.exec(name);
  return m?.[1] ? Number(m[1]) : null;
}

export function bakPathFor(file: string): string {
  return `${file}.bak`;
}
