/**
 * The JSON export (docs/export.md): every article's text, and one record per labelled paragraph
 * per annotator with code-point offsets into that text. Files that cannot be read are listed in
 * `skipped`, labels whose paragraph is gone in `orphaned_labels`.
 */
import { buildRecords, type ExportRecord, type Layer, type OrphanedLabels } from '../../core/export-records';
import type { LabelDef } from '../../shared/labels';
import type { LayerReader } from '../annotations/store';
import type { Workspace } from '../workspace/workspace';
import { nodeDurableFs, writeAtomic } from '../storage';

export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportDocument {
  schema_version: number;
  exported_at: string;
  pilcrow_version: string;
  offset_unit: 'code_point';
  workspace: string;
  label_schema: LabelDef[];
  annotators: string[];
  articles: { path: string; title: string; format: string; encoding: string; text: string }[];
  records: ExportRecord[];
  orphaned_labels: OrphanedLabels[];
  skipped: { path: string; reason: string }[];
}

export async function buildExportDocument(
  workspace: Workspace,
  reader: LayerReader,
  meta: { version: string; labels: LabelDef[]; now?: Date },
): Promise<ExportDocument> {
  const annotators = await reader.annotators();
  const doc: ExportDocument = {
    schema_version: EXPORT_SCHEMA_VERSION,
    exported_at: (meta.now ?? new Date()).toISOString(),
    pilcrow_version: meta.version,
    offset_unit: 'code_point',
    workspace: workspace.name,
    label_schema: meta.labels,
    annotators,
    articles: [],
    records: [],
    orphaned_labels: [],
    skipped: [],
  };
  for (const entry of await workspace.entries()) {
    if (!entry.ok) {
      doc.skipped.push({ path: entry.path, reason: entry.error });
      continue;
    }
    const { article } = entry;
    const layers: Layer[] = [];
    for (const annotator of annotators) {
      const layer = await reader.readLayer(annotator, article.path);
      if (layer) layers.push({ annotator, paragraphs: layer.paragraphs });
    }
    const { records, orphans } = buildRecords(article.path, article.paragraphs, layers);
    doc.articles.push({ path: article.path, title: article.title, format: article.format, encoding: article.encoding, text: article.text });
    doc.records.push(...records);
    doc.orphaned_labels.push(...orphans);
  }
  return doc;
}

/** Writes the export so the target is always the old file or the complete new one. */
export async function writeExportFile(file: string, doc: ExportDocument): Promise<void> {
  await writeAtomic(nodeDurableFs, file, new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`));
}
