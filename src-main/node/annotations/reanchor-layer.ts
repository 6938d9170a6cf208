/**
 * Keeping one annotator's decisions attached to their paragraphs when the paragraphs change:
 * the file was edited (reanchorLayer), the same text was cut differently (resegmentLayer: a
 * split, a merge, another segmentation), or it was decoded with another encoding (recodeLayer).
 * Pure functions on an AnnotationFile's data; callers wrap them in one durable store.change().
 * Nothing is ever dropped: what cannot be placed goes to `orphans` with the reason.
 */
import { anchorOf, type TextAnchor } from '../../core/anchor';
import { reanchor, type AnchoredDecision } from '../../core/reanchor';
import { inherit, type Inheritance } from '../../core/resegment';
import type { Paragraph } from '../../core/paragraphs';
import type { Block } from '../../core/segment';
import type { AnnotationFile, OrphanEntry, ParagraphEntry } from './schema';

/** What re-anchoring needs of an article: its text, paragraphs and their UTF-16 blocks. */
export interface AnchorSource {
  text: string;
  paragraphs: readonly Paragraph[];
  blocks: readonly Block[];
  sha256?: string;
}

export type AnchorLookup = (paragraphId: string) => TextAnchor | undefined;

export interface ReanchorReport {
  unchanged: number;
  moved: number;
  reanchored: number;
  orphaned: number;
  /** Orphans that found their paragraph again. */
  restored: number;
}

export const RECHECK_CHANGED = 'changed';
export const RECHECK_SPLIT = 'split';

export function anchorLookup(article: AnchorSource): AnchorLookup {
  const index = new Map(article.paragraphs.map((p, i) => [p.id, i]));
  return (id) => {
    const i = index.get(id);
    const block = i === undefined ? undefined : article.blocks[i];
    return block ? anchorOf(article.text, block) : undefined;
  };
}

/**
 * Records (or refreshes) the anchor of every decision whose paragraph is in the article; with
 * `only`, of the decisions it picks (the store's saves: those a change touched).
 */
export function fillAnchors(layer: AnnotationFile, lookup: AnchorLookup, only?: (id: string, entry: ParagraphEntry) => boolean): boolean {
  let changed = false;
  for (const [id, entry] of Object.entries(layer.paragraphs)) {
    if (only && !only(id, entry)) continue;
    const anchor = lookup(id);
    if (!anchor || sameAnchor(entry.anchor, anchor)) continue;
    entry.anchor = anchor;
    changed = true;
  }
  return changed;
}

function sameAnchor(a: TextAnchor | undefined, b: TextAnchor): boolean {
  return !!a && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/**
 * After the article's file changed. `previous` is the version read before the change, when the
 * app still holds it: it supplies anchors for decisions saved before anchors were recorded.
 */
export function reanchorLayer(layer: AnnotationFile, article: AnchorSource, now: string, previous?: AnchorSource): ReanchorReport {
  const report: ReanchorReport = { unchanged: 0, moved: 0, reanchored: 0, orphaned: 0, restored: 0 };
  const oldLookup = previous ? anchorLookup(previous) : () => undefined;
  type Item = { id: string; entry: ParagraphEntry; record?: OrphanEntry };
  const all: Item[] = [
    ...Object.entries(layer.paragraphs).map(([id, entry]) => ({ id, entry })),
    ...layer.orphans.map((o) => ({ id: o.paragraph_id, entry: o.entry, record: o })),
  ];
  const decisions: AnchoredDecision[] = all.map(({ id, entry }) => {
    const anchor = entry.anchor ?? oldLookup(id);
    return { id, index: entry.index, ...(anchor ? { anchor } : {}) };
  });
  const lookup = anchorLookup(article);
  const current = article.paragraphs.map((p) => ({ id: p.id, index: p.index, anchor: lookup(p.id)! }));
  const placements = reanchor(decisions, current);

  const paragraphs: AnnotationFile['paragraphs'] = {};
  const stillOrphaned: AnnotationFile['orphans'] = [];
  placements.forEach((placement, i) => {
    const item = all[i]!;
    const entry: ParagraphEntry = { ...item.entry };
    if (decisions[i]?.anchor && !entry.anchor) entry.anchor = decisions[i].anchor;
    if (placement.kind === 'orphaned') {
      if (item.record) stillOrphaned.push(item.record);
      else {
        stillOrphaned.push({ paragraph_id: item.id, entry, orphaned_at: now, reason: placement.reason });
        report.orphaned += 1;
      }
      return;
    }
    const to = placement.kind === 'reanchored' ? placement.to : placement.id;
    entry.index = placement.index;
    entry.anchor = lookup(to) ?? entry.anchor;
    if (placement.kind === 'reanchored' || item.record) entry.recheck = RECHECK_CHANGED;
    if (item.record) report.restored += 1;
    else report[placement.kind] += 1;
    paragraphs[to] = entry;
  });
  layer.paragraphs = paragraphs;
  layer.orphans = stillOrphaned;
  if (article.sha256) layer.source_sha256 = article.sha256;
  return report;
}

/**
 * After the same text was cut into other paragraphs. A paragraph cut in pieces gives each piece
 * its decision (`recheck: 'split'`); paragraphs joined into one give it the union of their
 * labels (`recheck: 'merged — was: …'`, naming what each part had, so a conflict shows).
 */
export function resegmentLayer(layer: AnnotationFile, before: AnchorSource, after: AnchorSource, now: string): { changed: number; orphaned: number } {
  const { inheritances, lost } = inherit(before.paragraphs, after.paragraphs);
  const next: AnnotationFile['paragraphs'] = {};
  const known = new Set(before.paragraphs.map((p) => p.id));
  // Decisions for paragraphs that were not in `before` (already stale) are left as they are.
  for (const [id, entry] of Object.entries(layer.paragraphs)) if (!known.has(id)) next[id] = entry;
  let changed = 0;
  for (const inheritance of inheritances) {
    const entry = inheritedEntry(layer, inheritance, now);
    if (!entry) continue;
    if (!inheritance.same) changed += 1;
    next[inheritance.paragraph.id] = entry;
  }
  let orphaned = 0;
  for (const span of lost) {
    const entry = layer.paragraphs[span.id];
    if (!entry) continue;
    layer.orphans.push({ paragraph_id: span.id, entry, orphaned_at: now, reason: 'its text is not part of any paragraph under the new segmentation' });
    orphaned += 1;
  }
  layer.paragraphs = next;
  fillAnchors(layer, anchorLookup(after));
  return { changed, orphaned };
}

function inheritedEntry(layer: AnnotationFile, { paragraph, from, same }: Inheritance, now: string): ParagraphEntry | null {
  const parts = from.map((span) => ({ span, entry: layer.paragraphs[span.id] }));
  const decided = parts.filter((p): p is { span: typeof p.span; entry: ParagraphEntry } => !!p.entry);
  if (decided.length === 0) return null;
  if (same) return { ...decided[0]!.entry, index: paragraph.index };
  if (parts.length === 1) return { ...decided[0]!.entry, index: paragraph.index, updated_at: now, recheck: RECHECK_SPLIT };
  const labels = [...new Set(decided.flatMap((p) => (p.entry.undecided ? [] : p.entry.labels)))];
  const notes = decided.map((p) => p.entry.note).filter((n): n is string => !!n);
  const was = parts.map(({ span, entry }) => `¶${span.index + 1} ${describe(entry)}`).join('; ');
  const merged: ParagraphEntry = { index: paragraph.index, labels, updated_at: now, recheck: `merged — was: ${was}` };
  if (decided.every((p) => p.entry.undecided)) merged.undecided = true;
  if (notes.length > 0) merged.note = notes.join('\n');
  if (decided.some((p) => p.entry.flagged)) merged.flagged = true;
  const suggested = Object.assign({}, ...decided.map((p) => p.entry.suggested_by ?? {})) as Record<string, string>;
  if (Object.keys(suggested).length > 0) merged.suggested_by = suggested;
  return merged;
}

function describe(entry: ParagraphEntry | undefined): string {
  if (!entry || entry.undecided) return 'undecided';
  return entry.labels.length > 0 ? entry.labels.join(', ') : 'none';
}

/**
 * After the editor chose another encoding. Line structure rarely depends on the encoding, so
 * with as many paragraphs as before, decisions stay with their position; otherwise the text is
 * compared, as for a changed file.
 */
export function recodeLayer(layer: AnnotationFile, before: AnchorSource, after: AnchorSource, now: string): ReanchorReport | { byPosition: number } {
  if (before.paragraphs.length !== after.paragraphs.length) return reanchorLayer(layer, after, now, before);
  const next: AnnotationFile['paragraphs'] = {};
  const position = new Map(before.paragraphs.map((p) => [p.id, p.index]));
  let byPosition = 0;
  for (const [id, entry] of Object.entries(layer.paragraphs)) {
    const index = position.get(id);
    const target = index === undefined ? undefined : after.paragraphs[index];
    if (!target) {
      next[id] = entry;
      continue;
    }
    next[target.id] = { ...entry, index: target.index };
    byPosition += 1;
  }
  layer.paragraphs = next;
  fillAnchors(layer, anchorLookup(after));
  if (after.sha256) layer.source_sha256 = after.sha256;
  return { byPosition };
}

/** Puts an orphaned decision back on a paragraph the editor chose (its own decision wins). */
export function reattachOrphan(layer: AnnotationFile, orphanIndex: number, paragraph: { id: string; index: number }, anchor: TextAnchor | undefined, now: string): boolean {
  const orphan = layer.orphans[orphanIndex];
  if (!orphan) return false;
  const existing = layer.paragraphs[paragraph.id];
  const entry: ParagraphEntry = { ...orphan.entry, index: paragraph.index, updated_at: now, recheck: RECHECK_CHANGED };
  if (anchor) entry.anchor = anchor;
  if (existing && !existing.undecided) entry.labels = [...new Set([...existing.labels, ...orphan.entry.labels])];
  layer.paragraphs[paragraph.id] = entry;
  layer.orphans.splice(orphanIndex, 1);
  return true;
}
