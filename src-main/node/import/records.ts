/** Turning an export record back into a layer file entry, losing nothing the record carries. */
import { ANCHOR_CONTEXT } from '../../core/anchor';
import type { ParagraphEntry } from '../annotations/schema';
import type { ImportRecord } from './read-export-file';

/**
 * The entry a record describes. `via` says it came from an import unless the record says how it
 * was made (done, suggestion). A record with `labels: null` only carries a note or flag: it
 * becomes an `undecided` entry, as the app stores one.
 */
export function toEntry(record: ImportRecord, index: number): ParagraphEntry {
  // The reader refuses a record that carries something without a time (read-export-file.ts).
  if (record.updated_at === null) throw new Error(`${record.article}: a record for paragraph ${record.paragraph} has no time`);
  const entry: ParagraphEntry = { index, labels: record.labels ?? [], updated_at: record.updated_at };
  if (record.labels === null) entry.undecided = true;
  else entry.via = record.via ?? 'import';
  if (record.suggested_by) entry.suggested_by = { ...record.suggested_by };
  if (record.note !== undefined) entry.note = record.note;
  if (record.flagged !== undefined) entry.flagged = record.flagged;
  if (record.recheck !== undefined) entry.recheck = record.recheck;
  if (record.reviewer !== undefined) entry.reviewer = record.reviewer;
  if (record.took !== undefined) entry.took = record.took;
  return entry;
}

/** The selector's context: up to ANCHOR_CONTEXT code points either side of [start, end). */
export function contextAt(points: readonly string[], start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: points.slice(Math.max(0, start - ANCHOR_CONTEXT), start).join(''),
    suffix: points.slice(end, end + ANCHOR_CONTEXT).join(''),
  };
}
