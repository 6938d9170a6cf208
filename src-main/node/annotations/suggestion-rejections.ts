/**
 * Suggestions an annotator turned down, kept in their annotation file (`rejected_suggestions`,
 * docs/storage.md) so the same suggestion is not offered again. A rejection is not a decision:
 * it never touches `paragraphs`, so progress, agreement and export see the paragraph unchanged.
 */
import type { AnnotationFile } from './schema';

export interface Rejection {
  paragraphId: string;
  label: string;
  suggester: string;
}

export function rejectSuggestions(data: AnnotationFile, rejections: readonly Rejection[]): void {
  const all = data.rejected_suggestions ?? {};
  for (const r of rejections) all[r.paragraphId] = { ...all[r.paragraphId], [r.label]: r.suggester };
  data.rejected_suggestions = all;
}

/** Takes rejections back (undo): the suggestions are offered again. */
export function unrejectSuggestions(data: AnnotationFile, rejections: readonly Rejection[]): void {
  const all = data.rejected_suggestions;
  if (!all) return;
  for (const r of rejections) {
    const labels = all[r.paragraphId];
    if (!labels) continue;
    delete labels[r.label];
    if (Object.keys(labels).length === 0) delete all[r.paragraphId];
  }
  if (Object.keys(all).length === 0) delete data.rejected_suggestions;
}

/** paragraph id -> the labels turned down there. */
export function rejectedLabels(data: AnnotationFile): Record<string, string[]> {
  return Object.fromEntries(Object.entries(data.rejected_suggestions ?? {}).map(([id, labels]) => [id, Object.keys(labels)]));
}
