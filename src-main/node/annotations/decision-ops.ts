/**
 * The decision model as operations on one annotation file's data (docs/storage.md):
 * no entry = untouched; `labels: [...]` = labelled; `labels: []` = reviewed — none; an entry
 * with `undecided: true` only carries a note or flag. Each decision records its time
 * (`updated_at`); the annotator is the file's. Pure functions: the store wraps them in one
 * durable write.
 */
import type { AnnotationFile, ParagraphEntry } from './schema';
import type { ArticleProgress } from '../../shared/views';
import { addCount, nameRecord } from '../../shared/name-record';

/**
 * What to put on a paragraph: a label set (`[]` = reviewed — none), or null for untouched. With
 * `via: 'suggestion'`, `suggested_by` names the suggester of each label accepted from a suggestion.
 */
export type DecisionInput = { labels: readonly string[]; via?: 'done' | 'suggestion' | undefined; suggested_by?: Readonly<Record<string, string>> | undefined } | null;

export interface ParagraphRef {
  id: string;
  index: number;
}

export function setDecision(data: AnnotationFile, paragraph: ParagraphRef, decision: DecisionInput, now: string): void {
  const existing = data.paragraphs[paragraph.id];
  if (decision === null) {
    if (!existing) return;
    if (existing.note === undefined && !existing.flagged) {
      delete data.paragraphs[paragraph.id];
      return;
    }
    const kept: ParagraphEntry = { ...existing, labels: [], undecided: true, updated_at: now };
    delete kept.via;
    delete kept.suggested_by;
    data.paragraphs[paragraph.id] = kept;
    return;
  }
  const entry: ParagraphEntry = { ...existing, index: paragraph.index, labels: [...decision.labels], updated_at: now };
  delete entry.undecided;
  // The editor looked again: a pending "recheck" is answered by this decision.
  delete entry.recheck;
  if (decision.via) entry.via = decision.via;
  else delete entry.via;
  if (entry.suggested_by || decision.suggested_by) {
    // Labels accepted earlier keep their provenance while the paragraph still carries them.
    const merged = { ...entry.suggested_by, ...decision.suggested_by };
    const kept = Object.fromEntries(Object.entries(merged).filter(([label]) => decision.labels.includes(label)));
    if (Object.keys(kept).length > 0) entry.suggested_by = kept;
    else delete entry.suggested_by;
  }
  data.paragraphs[paragraph.id] = entry;
}

/** Sets (or, with '' / false, clears) a note or flag without changing the decision. */
export function setRemark(data: AnnotationFile, paragraph: ParagraphRef, remark: { note?: string | undefined; flagged?: boolean | undefined }, now: string): void {
  const entry: ParagraphEntry = data.paragraphs[paragraph.id] ?? { index: paragraph.index, labels: [], undecided: true, updated_at: now };
  if (remark.note !== undefined) {
    if (remark.note.trim() === '') delete entry.note;
    else entry.note = remark.note;
  }
  if (remark.flagged !== undefined) {
    if (remark.flagged) entry.flagged = true;
    else delete entry.flagged;
  }
  if (entry.undecided && entry.note === undefined && !entry.flagged) delete data.paragraphs[paragraph.id];
  else data.paragraphs[paragraph.id] = entry;
}

/** Done: every untouched paragraph becomes an explicit "none" (`via: 'done'`), which undoDone removes. */
export function markDone(data: AnnotationFile, paragraphs: readonly ParagraphRef[], now: string): void {
  for (const p of paragraphs) {
    const entry = data.paragraphs[p.id];
    if (entry && !entry.undecided) continue;
    setDecision(data, p, { labels: [], via: 'done' }, now);
  }
  data.status = 'done';
  data.done_at = now;
}

export function undoDone(data: AnnotationFile, paragraphs: readonly ParagraphRef[], now: string): void {
  for (const p of paragraphs) {
    if (data.paragraphs[p.id]?.via === 'done') setDecision(data, p, null, now);
  }
  data.status = 'in_progress';
  delete data.done_at;
}

export function isDecided(entry: ParagraphEntry | undefined): entry is ParagraphEntry {
  return !!entry && !entry.undecided;
}

/** Progress of one article for the list: status, decided, labelled, per-label counts, flags. */
export function progressOf(paragraphs: readonly { id: string }[], data: AnnotationFile): ArticleProgress {
  let decided = 0;
  let labelled = 0;
  let flagged = 0;
  const labelCounts = nameRecord<number>();
  for (const p of paragraphs) {
    const entry = data.paragraphs[p.id];
    if (entry?.flagged) flagged += 1;
    if (!isDecided(entry)) continue;
    decided += 1;
    if (entry.labels.length > 0) labelled += 1;
    for (const label of entry.labels) addCount(labelCounts, label);
  }
  const status = data.status === 'done' ? 'done' : decided > 0 ? 'in_progress' : 'untouched';
  return { status, decided, labelled, flagged, labelCounts };
}
