/**
 * Builds export records from an article's paragraphs and the annotators' layers. Labels whose
 * paragraph no longer exists are returned as orphans, never dropped.
 */
import type { Paragraph } from './paragraphs';

export interface LayerEntry {
  index: number;
  labels: string[];
  updated_at: string;
}
export interface Layer {
  annotator: string;
  paragraphs: Readonly<Record<string, LayerEntry>>;
}

export interface ExportRecord {
  article: string;
  paragraph: number;
  paragraph_id: string;
  text: string;
  start: number;
  end: number;
  annotator: string;
  labels: string[];
  updated_at: string;
}

export interface OrphanedLabels {
  article: string;
  annotator: string;
  paragraph_id: string;
  last_index: number;
  labels: string[];
  updated_at: string;
}

export function buildRecords(
  articlePath: string,
  paragraphs: readonly Paragraph[],
  layers: readonly Layer[],
): { records: ExportRecord[]; orphans: OrphanedLabels[] } {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const records: ExportRecord[] = [];
  const orphans: OrphanedLabels[] = [];
  for (const paragraph of paragraphs) {
    for (const layer of layers) {
      const entry = layer.paragraphs[paragraph.id];
      if (!entry || entry.labels.length === 0) continue;
      records.push({
        article: articlePath,
        paragraph: paragraph.index,
        paragraph_id: paragraph.id,
        text: paragraph.text,
        start: paragraph.start,
        end: paragraph.end,
        annotator: layer.annotator,
        labels: [...entry.labels],
        updated_at: entry.updated_at,
      });
    }
  }
  for (const layer of layers) {
    for (const [id, entry] of Object.entries(layer.paragraphs)) {
      if (byId.has(id) || entry.labels.length === 0) continue;
      orphans.push({ article: articlePath, annotator: layer.annotator, paragraph_id: id, last_index: entry.index, labels: [...entry.labels], updated_at: entry.updated_at });
    }
  }
  return { records, orphans };
}
