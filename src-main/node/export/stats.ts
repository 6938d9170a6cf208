/**
 * Counts for `pilcrow stats`: per label, per status and per annotator, under the decision model
 * of docs/storage.md (a done article's untouched paragraphs count as "none").
 */
import { decisionIn } from '../../core/export-records';
import type { LayerReader } from '../annotations/store';
import type { Workspace } from '../workspace/workspace';
import { addCount, nameRecord } from '../../shared/name-record';

export interface AnnotatorStats {
  articles: { done: number; in_progress: number; untouched: number };
  paragraphs: { labelled: number; none: number; untouched: number };
  labels: Record<string, number>;
  flagged: number;
  notes: number;
}

export interface WorkspaceStats {
  workspace: string;
  articles: number;
  paragraphs: number;
  skipped: { path: string; reason: string }[];
  labels: Record<string, number>;
  status: { done: number; in_progress: number; untouched: number };
  annotators: Record<string, AnnotatorStats>;
}

export async function workspaceStats(workspace: Workspace, reader: LayerReader, labelNames: readonly string[]): Promise<WorkspaceStats> {
  const names = await reader.annotators();
  const zeroLabels = () => nameRecord(labelNames.map((l) => [l, 0] as const));
  const stats: WorkspaceStats = { workspace: workspace.name, articles: 0, paragraphs: 0, skipped: [], labels: zeroLabels(), status: { done: 0, in_progress: 0, untouched: 0 }, annotators: nameRecord() };
  for (const name of names) {
    stats.annotators[name] = { articles: { done: 0, in_progress: 0, untouched: 0 }, paragraphs: { labelled: 0, none: 0, untouched: 0 }, labels: zeroLabels(), flagged: 0, notes: 0 };
  }
  for (const id of workspace.ids) {
    const entry = await workspace.entry(id);
    if (!entry.ok) {
      stats.skipped.push({ path: entry.path, reason: entry.error });
      continue;
    }
    const { paragraphs } = entry.article;
    stats.articles += 1;
    stats.paragraphs += paragraphs.length;
    for (const name of names) {
      const s = stats.annotators[name]!;
      const layer = await reader.readLayer(name, entry.path);
      const status = layer ? layer.status : 'untouched';
      s.articles[status] += 1;
      stats.status[status] += 1;
      for (const p of paragraphs) {
        const d = layer ? decisionIn({ ...layer, annotator: name }, p.id, null) : undefined;
        const e = layer?.paragraphs[p.id];
        if (e?.flagged) s.flagged += 1;
        if (e?.note) s.notes += 1;
        if (!d) s.paragraphs.untouched += 1;
        else if (d.labels.length === 0) s.paragraphs.none += 1;
        else s.paragraphs.labelled += 1;
        for (const l of d?.labels ?? []) {
          addCount(s.labels, l);
          addCount(stats.labels, l);
        }
      }
    }
  }
  return stats;
}
