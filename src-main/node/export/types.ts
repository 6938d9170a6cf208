/** The pieces every export format is written from (docs/export.md). */
import type { ArticleExport, OrphanedLabels } from '../../core/export-records';
import type { SplitName } from '../../core/splits';
import type { LabelDef } from '../../shared/labels';
import type { ExportProgress } from '../../shared/contract/export';
import type { LayerReader } from '../annotations/store';
import type { Workspace } from '../workspace/workspace';

/** 2: adds per-record status, provenance and file facts, `filters`, `counts`, per-article paragraphs; a superset of 1. */
export const EXPORT_SCHEMA_VERSION = 2;

export interface ExportFilters {
  layers: string[];
  resolve: string[];
  done_only: boolean;
  /** null = every label of the schema. */
  labels: string[] | null;
  include_untouched: boolean;
  split: { ratios: [number, number, number]; seed: number; names: ['train', 'dev', 'test'] } | null;
}

export interface ExportManifest {
  schema_version: number;
  exported_at: string;
  pilcrow_version: string;
  offset_unit: 'code_point';
  workspace: string;
  label_schema: LabelDef[];
  /** multi: a paragraph may have several labels; single: at most one. */
  label_mode: 'multi' | 'single';
  annotators: string[];
  filters: ExportFilters;
}

export interface LayerMeta {
  status: 'in_progress' | 'done';
  updated_at: string;
  done_at?: string;
}

export interface ArticleOut {
  path: string;
  title: string;
  format: string;
  encoding: string;
  source_sha256: string;
  text: string;
  split?: SplitName;
  /** annotator → that layer's state for this article. */
  layers: Record<string, LayerMeta>;
}

export interface ExportCounts {
  articles: number;
  records: number;
  labelled: number;
  none: number;
  untouched: number;
  /** Paragraphs no resolution step decided: `ties` + `undecided` (kept for readers of schema 2 before they were split). */
  unresolved: number;
  /** Two or more annotators decided, and no label set has more of them than another (the tie rule). */
  ties: number;
  /** Any other paragraph no step decided: nobody decided it, or too few for the steps chosen. */
  undecided: number;
  orphaned: number;
  skipped: number;
  per_label: Record<string, number>;
  per_annotator: Record<string, number>;
  per_split?: Record<string, number>;
}

export interface ExportSummary {
  counts: ExportCounts;
  orphaned_labels: OrphanedLabels[];
  skipped: { path: string; reason: string }[];
}

/** One output format. Calls come in order: begin, article…, end; abort on cancel or failure. */
export interface FormatWriter {
  begin(manifest: ExportManifest): Promise<void>;
  article(article: ArticleOut, built: ArticleExport): Promise<void>;
  end(summary: ExportSummary): Promise<void>;
  abort(): Promise<void>;
}

/** What an export reads from and reports to: the workspace, its layers and labels, progress and cancelling. */
export interface ExportEnv {
  workspace: Workspace;
  /** Its onRecover should collect reports: they become the outcome's warnings. */
  reader: LayerReader;
  labels: readonly LabelDef[];
  labelMode?: 'multi' | 'single';
  version: string;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Minimum time between progress reports (the last one is always sent). */
  progressEveryMs?: number;
}
