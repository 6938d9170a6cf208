/**
 * Where imported records go in an article as it is now (docs/export.md, "Import"), tried in
 * order: the paragraph id; the text, compared as a Persian reader would (core/search-key.ts:
 * Arabic yeh and kaf, digits, ZWNJ, white space, harakat); the text's likeness to an edited
 * paragraph (core/reanchor.ts, only for a record that has a Pilcrow id, which the editor should
 * then check again); the position, only for a record that carries no text to compare. Among
 * repeats of one text (a headline printed twice), the one nearest the record's position wins.
 */
import type { MainMessage } from '../shared/messages';
import type { TextAnchor } from './anchor';
import { reanchor, type CurrentParagraph } from './reanchor';
import { searchKey } from './search-key';

export interface RecordToPlace {
  paragraph_id?: string | undefined;
  paragraph?: number | undefined;
  text?: string | undefined;
  /** The record's text with its context, when the file gives one (Pilcrow's JSON document). */
  anchor?: TextAnchor | undefined;
}

export type RecordPlacement =
  | { kind: 'id' | 'text' | 'position'; id: string; index: number }
  | { kind: 'similar'; id: string; index: number }
  /** `reason`: a message code (shared/messages/import.ts, `match-*`), said in the UI's language. */
  | { kind: 'unmatched'; reason: MatchReason };

export type MatchReason = Extract<MainMessage, { code: `match-${string}` }>;

export function placeRecords(article: string, records: readonly RecordToPlace[], paragraphs: readonly CurrentParagraph[]): RecordPlacement[] {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const byKey = new Map<string, CurrentParagraph[]>();
  for (const p of paragraphs) {
    const key = searchKey(p.anchor.exact);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const placements: (RecordPlacement | undefined)[] = records.map((r) => {
    const here = r.paragraph_id !== undefined ? byId.get(r.paragraph_id) : undefined;
    if (here) return { kind: 'id', id: here.id, index: here.index };
    if (r.text !== undefined) {
      const same = byKey.get(searchKey(r.text));
      if (same) {
        const nearest = r.paragraph === undefined ? same[0]! : same.reduce((a, b) => (Math.abs(b.index - r.paragraph!) < Math.abs(a.index - r.paragraph!) ? b : a));
        return { kind: 'text', id: nearest.id, index: nearest.index };
      }
      return undefined;
    }
    if (r.paragraph_id !== undefined) return { kind: 'unmatched', reason: { code: 'match-no-id', id: r.paragraph_id, article } };
    const at = r.paragraph !== undefined ? paragraphs.find((p) => p.index === r.paragraph) : undefined;
    if (at) return { kind: 'position', id: at.id, index: at.index };
    return { kind: 'unmatched', reason: { code: 'match-no-position', article, count: paragraphs.length, position: r.paragraph ?? 0 } };
  });
  // Records whose text is gone: a Pilcrow record follows its edited paragraph by likeness.
  const open = records.flatMap((r, i) => (placements[i] === undefined && r.paragraph_id !== undefined && r.text !== undefined ? [i] : []));
  if (open.length) {
    // Paragraphs other records hold by id or text are not offered to a record that only looks like one.
    const held = new Set(placements.flatMap((p) => (p && p.kind !== 'unmatched' ? [p.id] : [])));
    const found = reanchor(
      open.map((i) => ({ id: records[i]!.paragraph_id!, index: records[i]!.paragraph ?? 0, anchor: records[i]!.anchor ?? { exact: records[i]!.text!, prefix: '', suffix: '' } })),
      paragraphs.filter((p) => !held.has(p.id)),
    );
    open.forEach((i, k) => {
      const f = found[k]!;
      placements[i] = f.kind === 'reanchored' ? { kind: 'similar', id: f.to, index: f.index } : f.kind === 'orphaned' ? { kind: 'unmatched', reason: { code: 'match-gone', best: f.best === null ? null : Math.round(f.best * 100), needed: Math.round(f.needed * 100) } } : { kind: 'id', id: f.id, index: f.index };
    });
  }
  return placements.map((p) => p ?? { kind: 'unmatched', reason: { code: 'match-text-not-found', article } });
}
