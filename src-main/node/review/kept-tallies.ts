/**
 * Agreement tallies kept between sessions, in the app's user data (derived data: the workspace
 * is shared through git and must not carry it). One file per workspace, named by a hash of its
 * real path: `<userData>/agreement/<hash>.json`, written atomically. Its first line is a header
 * (format, version, workspace, choice, SHA-256 of the rest); the rest is the records as JSON.
 * A file that is missing, damaged (checksum), of another version, workspace or choice is
 * ignored and rewritten after the next computation: nothing in it is needed, only reused.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArticleTally } from '../../core/agreement';
import { KEPT_DATA_LIMIT, nodeDurableFs, readConfined, writeAtomic } from '../storage';

export const KEPT_TALLIES_FORMAT = 'pilcrow-agreement-tallies';
/** Bump when ArticleTally, ArticleRecord or what a reading key hashes changes. */
export const KEPT_TALLIES_VERSION = 1;

/** One article's tally and what it was computed from (agreement-cache.ts compares these). */
export interface ArticleRecord {
  /** Hash of the paragraph ids of the reading the tally came from; '' when unreadable. */
  reading: string;
  /**
   * Identities (file-identity.ts) of the article's file and settings file, known to be those
   * the reading came from; null when not known (then only the reading itself can match).
   */
  file: string | null;
  settings: string | null;
  /** Identity of each layer file read, in the choice's order (agreement-report.ts layerOwners). */
  layers: string[];
  tally: ArticleTally | null;
  /** Why the article could not be read (it is skipped). */
  error?: string;
}

interface Header {
  format: string;
  version: number;
  workspace: string;
  choice: string;
  sha256: string;
}

export function keptTalliesPath(userDataDir: string, root: string): string {
  return join(userDataDir, 'agreement', `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
}

/** The records kept for this workspace and choice; empty when there are none to trust. */
export async function loadKeptTallies(file: string, root: string, choice: string): Promise<Map<string, ArticleRecord>> {
  const text = await readConfined(dirname(file), file, KEPT_DATA_LIMIT).then((b) => b.toString('utf8'), () => '');
  const newline = text.indexOf('\n');
  if (newline < 0) return new Map();
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    if (header.format !== KEPT_TALLIES_FORMAT || header.version !== KEPT_TALLIES_VERSION || header.workspace !== root || header.choice !== choice) return new Map();
    const body = text.slice(newline + 1);
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) return new Map();
    const records = JSON.parse(body) as unknown;
    return Array.isArray(records) ? new Map(records as [string, ArticleRecord][]) : new Map();
  } catch {
    return new Map();
  }
}

export async function saveKeptTallies(file: string, root: string, choice: string, records: ReadonlyMap<string, ArticleRecord>): Promise<void> {
  const body = JSON.stringify([...records]);
  const header: Header = { format: KEPT_TALLIES_FORMAT, version: KEPT_TALLIES_VERSION, workspace: root, choice, sha256: createHash('sha256').update(body).digest('hex') };
  await mkdir(join(file, '..'), { recursive: true });
  await writeAtomic(nodeDurableFs, file, new TextEncoder().encode(`${JSON.stringify(header)}\n${body}`));
}
