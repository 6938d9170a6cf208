/**
 * Agreement tallies kept between sessions, in the app's user data as kept records
 * (storage/kept-records.ts): `<userData>/agreement/<hash>.json`.
 */
import type { ArticleTally } from '../../core/agreement';
import { keptRecordsPath, loadKeptRecords, saveKeptRecords } from '../storage/kept-records';

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

export function keptTalliesPath(userDataDir: string, root: string): string {
  return keptRecordsPath(userDataDir, 'agreement', root);
}

/** The records kept for this workspace and choice; empty when there are none to trust. */
export function loadKeptTallies(file: string, root: string, choice: string): Promise<Map<string, ArticleRecord>> {
  return loadKeptRecords<ArticleRecord>(file, { format: KEPT_TALLIES_FORMAT, version: KEPT_TALLIES_VERSION, workspace: root, choice });
}

export function saveKeptTallies(file: string, root: string, choice: string, records: ReadonlyMap<string, ArticleRecord>): Promise<void> {
  return saveKeptRecords(file, { format: KEPT_TALLIES_FORMAT, version: KEPT_TALLIES_VERSION, workspace: root, choice }, records);
}
