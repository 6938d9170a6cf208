/**
 * Where chosen annotators disagree across the workspace: paragraphs two or more of them decided
 * with different label sets and no gold answer yet. "Next article with disagreements" (Review's
 * `n`) and the Agreement screen's list of disagreeing paragraphs both walk articles in path order
 * through here.
 *
 * Cheap first: an article's layer files alone say whether it can hold a disagreement (a done
 * layer's "none" fills are entries too, and a paragraph no one has an entry for cannot be one), so
 * only an article whose layers disagree is read, to keep just the paragraphs it still has, in
 * its order.
 */
import { decisionOf, disagree } from '../../core/decisions';
import type { DisagreementView } from '../../shared/contract/review';
import { nameRecord } from '../../shared/name-record';
import type { AnnotationFile } from '../annotations/schema';
import type { LayerReader } from '../annotations/store';
import type { Workspace } from '../workspace/workspace';
import { GOLD_ANNOTATOR } from '../../shared/labels';

const EXCERPT = 160;

/** Paragraph ids whose decisions by `layers` disagree, gold-adjudicated ones left out. */
export function disagreeingIds(layers: readonly (AnnotationFile | null)[], gold: AnnotationFile | null): Set<string> {
  const ids = new Set<string>();
  for (const layer of layers) for (const id of Object.keys(layer?.paragraphs ?? {})) ids.add(id);
  const found = new Set<string>();
  for (const id of ids) {
    if (gold?.paragraphs[id]) continue;
    if (disagree(layers.map((l) => decisionOf(l, id)))) found.add(id);
  }
  return found;
}

/** The disagreeing paragraphs of one article, in its order (none when it cannot be read). */
export async function disagreementsIn(workspace: Workspace, reader: LayerReader, articleId: string, annotators: readonly string[]): Promise<DisagreementView[]> {
  const path = workspace.pathOf(articleId);
  if (!path) return [];
  const layers = await Promise.all(annotators.map((a) => reader.readLayer(a, path)));
  if (layers.filter(Boolean).length < 2) return [];
  const ids = disagreeingIds(layers, await reader.readLayer(GOLD_ANNOTATOR, path));
  if (ids.size === 0) return [];
  const entry = await workspace.entry(articleId);
  if (!entry.ok) return [];
  return entry.article.paragraphs.flatMap((p) => {
    if (!ids.has(p.id)) return [];
    const decisions = nameRecord<string[] | null>();
    annotators.forEach((a, i) => {
      const d = decisionOf(layers[i], p.id);
      decisions[a] = d ? [...d] : null;
    });
    const excerpt = p.text.length > EXCERPT ? `${p.text.slice(0, EXCERPT)}…` : p.text;
    return [{ articleId, path, paragraphId: p.id, index: p.index, excerpt, direction: entry.article.direction, decisions }];
  });
}

/**
 * The first disagreement of the first article after `after` (path order, wrapping round, `after`
 * itself last of all so a lone article with disagreements is still found); null when none.
 */
export async function nextDisagreement(workspace: Workspace, reader: LayerReader, annotators: readonly string[], after?: string): Promise<DisagreementView | null> {
  const ids = workspace.ids;
  const start = after ? ids.indexOf(after) + 1 : 0;
  for (let step = 0; step < ids.length; step++) {
    const id = ids[(start + step) % ids.length]!;
    const [first] = await disagreementsIn(workspace, reader, id, annotators);
    if (first) return first;
  }
  return null;
}

/** Up to `limit` disagreeing paragraphs of the workspace in path order, and whether there are more. */
export async function listDisagreements(workspace: Workspace, reader: LayerReader, annotators: readonly string[], limit: number): Promise<{ items: DisagreementView[]; more: boolean }> {
  const items: DisagreementView[] = [];
  for (const id of workspace.ids) {
    items.push(...(await disagreementsIn(workspace, reader, id, annotators)));
    if (items.length > limit) return { items: items.slice(0, limit), more: true };
  }
  return { items, more: false };
}
