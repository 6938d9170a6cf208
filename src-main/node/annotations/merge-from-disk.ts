/**
 * "Your file is yours" (docs/storage.md, "Changed on disk"): this annotator's label file changed
 * on disk while the app held it — a git pull, a sync from their other machine. A three-way merge
 * of what the app holds (`mine`) with the file now (`disk`), against the generation the app last
 * read or wrote (`base`): what only one side changed is taken from that side, and where both
 * changed a paragraph the later decision by instant wins (core/instant.ts). Nothing the app has
 * not seen is dropped.
 */
import { isLater, latestOf } from '../../core/instant';
import type { AnnotationFile, OrphanEntry, ParagraphEntry } from './schema';

/** Merges `disk` into `mine` in place; returns how many paragraphs' decisions came from disk. */
export function mergeFromDisk(mine: AnnotationFile, base: AnnotationFile | null, disk: AnnotationFile): number {
  let merged = 0;
  const ids = new Set([...Object.keys(disk.paragraphs), ...Object.keys(base?.paragraphs ?? {})]);
  for (const id of ids) {
    if (id === '__proto__') continue; // never a paragraph id (p + 11 base-36 characters)
    const b = own(base?.paragraphs, id);
    const d = own(disk.paragraphs, id);
    const m = own(mine.paragraphs, id);
    if (sameDecision(d, b) || sameDecision(d, m)) continue; // disk did not change it, or agrees
    if (!takeDisk(m, b, d)) continue;
    if (d) mine.paragraphs[id] = d;
    else delete mine.paragraphs[id];
    merged += 1;
  }
  mergeOrphans(mine, base, disk);
  mergeRejections(mine, base, disk);
  if (!sameStatus(disk, base) && (sameStatus(mine, base) || isLater(disk.updated_at, mine.updated_at))) {
    mine.status = disk.status;
    if (disk.done_at === undefined) delete mine.done_at;
    else mine.done_at = disk.done_at;
  }
  if (disk.source_sha256 !== base?.source_sha256 && mine.source_sha256 === base?.source_sha256 && disk.source_sha256 !== undefined) mine.source_sha256 = disk.source_sha256;
  mine.updated_at = latestOf([mine.updated_at, disk.updated_at]) ?? mine.updated_at;
  return merged;
}

/**
 * Disk changed the paragraph (`d` differs from `b`) and differs from mine: take it when mine did
 * not change it, when mine holds only "done"'s filler "none", or when disk's decision is later.
 * A paragraph disk cleared while mine decided it anew keeps mine.
 */
function takeDisk(m: ParagraphEntry | undefined, b: ParagraphEntry | undefined, d: ParagraphEntry | undefined): boolean {
  if (sameDecision(m, b)) return true;
  if (!d) return false;
  if (!m) return true;
  if (m.via === 'done' && d.via !== 'done') return true;
  return isLater(d.updated_at, m.updated_at);
}

/** Own keys only: a paragraph id such as `__proto__` or `constructor` must not reach Object.prototype. */
function own<V>(record: Record<string, V> | undefined, key: string): V | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The same decision, note, flag and provenance; where it sits (`index`, `anchor`) aside. */
function sameDecision(a: ParagraphEntry | undefined, b: ParagraphEntry | undefined): boolean {
  if (!a || !b) return a === b;
  return canonical({ ...a, index: 0, anchor: undefined }) === canonical({ ...b, index: 0, anchor: undefined });
}

function sameStatus(a: AnnotationFile, b: AnnotationFile | null): boolean {
  return a.status === (b?.status ?? 'in_progress') && a.done_at === b?.done_at;
}

/** Orphans by (paragraph, time): disk's new ones are added, ones disk put back (removed) go unless mine changed them. */
function mergeOrphans(mine: AnnotationFile, base: AnnotationFile | null, disk: AnnotationFile): void {
  const key = (o: OrphanEntry) => `${o.paragraph_id}\u0000${o.orphaned_at}`;
  const inBase = new Set((base?.orphans ?? []).map(key));
  const onDisk = new Set(disk.orphans.map(key));
  const kept = mine.orphans.filter((o) => onDisk.has(key(o)) || !inBase.has(key(o)));
  const have = new Set(kept.map(key));
  for (const o of disk.orphans) if (!have.has(key(o)) && !inBase.has(key(o))) kept.push(o);
  mine.orphans = kept;
}

/** Turned-down suggestions: per paragraph, a side's change is taken; when both changed, both are kept. */
function mergeRejections(mine: AnnotationFile, base: AnnotationFile | null, disk: AnnotationFile): void {
  const ids = new Set([...Object.keys(disk.rejected_suggestions ?? {}), ...Object.keys(base?.rejected_suggestions ?? {})]);
  for (const id of ids) {
    if (id === '__proto__') continue;
    const b = own(base?.rejected_suggestions, id);
    const d = own(disk.rejected_suggestions, id);
    const m = own(mine.rejected_suggestions, id);
    if (canonical(d) === canonical(b) || canonical(d) === canonical(m)) continue;
    const next = canonical(m) === canonical(b) ? d : { ...(d ?? {}), ...(m ?? {}) };
    const all = (mine.rejected_suggestions ??= {});
    if (next && Object.keys(next).length > 0) all[id] = next;
    else delete all[id];
  }
  if (mine.rejected_suggestions && Object.keys(mine.rejected_suggestions).length === 0) delete mine.rejected_suggestions;
}

/** JSON with keys sorted, so two files that order fields differently compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
