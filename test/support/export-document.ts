/**
 * The whole JSON export document in memory, for tests and the benchmark's bare baseline
 * (JSON.stringify of the same data). The app and the CLI stream instead
 * (src-main/node/export/write-export.ts); this collects what the same runExport produces.
 */
import type { ArticleExport, ExportRecord, OrphanedLabels, ParagraphDecisions } from '../../src-main/core/export-records';
import { exportOptionsSchema, type ExportOptions } from '../../src-main/shared/contract/export';
import type { LabelDef } from '../../src-main/shared/labels';
import type { LayerReader } from '../../src-main/node/annotations/store';
import type { Workspace } from '../../src-main/node/workspace/workspace';
import { runExport } from '../../src-main/node/export/run-export';
import type { ArticleOut, ExportCounts, ExportManifest, FormatWriter } from '../../src-main/node/export/types';

export interface ExportDocument extends ExportManifest {
  articles: (ArticleOut & { paragraphs: ParagraphDecisions[] })[];
  records: ExportRecord[];
  orphaned_labels: OrphanedLabels[];
  skipped: { path: string; reason: string }[];
  counts: ExportCounts;
}

export async function buildExportDocument(
  workspace: Workspace,
  reader: LayerReader,
  meta: { version: string; labels: readonly LabelDef[]; now?: Date },
  choices: Partial<ExportOptions> = {},
): Promise<ExportDocument> {
  let doc: ExportDocument | null = null;
  const collector: FormatWriter = {
    begin: async (manifest) => void (doc = { ...manifest, articles: [], records: [], orphaned_labels: [], skipped: [], counts: {} as ExportCounts }),
    article: async (article, built: ArticleExport) => {
      doc!.articles.push({ ...article, paragraphs: built.paragraphs });
      for (const record of built.records) doc!.records.push(record);
    },
    end: async (summary) => void Object.assign(doc!, summary),
    abort: async () => {},
  };
  const now = meta.now;
  await runExport({ workspace, reader, labels: meta.labels, version: meta.version, ...(now ? { now: () => now } : {}) }, exportOptionsSchema.parse(choices), collector);
  return doc!;
}
