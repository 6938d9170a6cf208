/**
 * Derived data kept between sessions in the app's user data (never in the workspace: it is
 * shared through git and must not carry it). One file per workspace and kind, named by a hash of
 * the workspace's real path: `<userData>/<kind>/<hash>.json`, written atomically. Its first line
 * is a header (format, version, workspace, choice, SHA-256 of the rest); the rest is the records
 * as JSON. A file that is missing, damaged (checksum), of another version, workspace or choice is
 * ignored and rewritten after the next computation: nothing in it is needed, only reused.
 * Used by the agreement report (review/kept-tallies.ts) and team progress (team/progress-cache.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeAtomic } from './atomic-write';
import { replaceableFs } from './durable-fs';
import { readConfined } from './confined-fs';
import { KEPT_DATA_LIMIT } from './read-limits';

/** What a kept file must say about itself for its records to be used. */
export interface KeptHeader {
  format: string;
  /** Bumped whenever the records' shape or meaning changes. */
  version: number;
  workspace: string;
  /** Everything else the records depend on (chosen annotators, renames, app version…). */
  choice: string;
}

export function keptRecordsPath(userDataDir: string, kind: string, root: string): string {
  return join(userDataDir, kind, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
}

/** The records kept under this header; empty when there are none to trust. */
export async function loadKeptRecords<R>(file: string, expected: KeptHeader): Promise<Map<string, R>> {
  const text = await readConfined(dirname(file), file, KEPT_DATA_LIMIT).then((b) => b.toString('utf8'), () => '');
  const newline = text.indexOf('\n');
  if (newline < 0) return new Map();
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<KeptHeader & { sha256: string }>;
    if (header.format !== expected.format || header.version !== expected.version || header.workspace !== expected.workspace || header.choice !== expected.choice) return new Map();
    const body = text.slice(newline + 1);
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) return new Map();
    const records = JSON.parse(body) as unknown;
    return Array.isArray(records) ? new Map(records as [string, R][]) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Written whole (a temp file renamed over the last one) without fsync (replaceableFs): kept
 * records are only reused, never needed, so a file a crash left short fails its checksum and is
 * computed again. Waiting for the disk twice per save was most of a call after one teammate's
 * file changed.
 */
export async function saveKeptRecords<R>(file: string, header: KeptHeader, records: ReadonlyMap<string, R>): Promise<void> {
  const body = JSON.stringify([...records]);
  const line = JSON.stringify({ ...header, sha256: createHash('sha256').update(body).digest('hex') });
  await mkdir(dirname(file), { recursive: true });
  await writeAtomic(replaceableFs, file, Buffer.from(`${line}\n${body}`, 'utf8'));
}
