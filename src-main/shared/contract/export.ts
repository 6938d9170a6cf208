/**
 * Channels that write datasets, and the export choices shared by the dialog and the CLI
 * (docs/export.md). The renderer sends choices only; main asks for the file with a save dialog.
 */
import { z } from 'zod';
import type { ExportResult } from '../views';
import { labelName, noArgs } from './ids';
import { ANNOTATOR_NAME_PATTERN } from '../labels';

/** A finished export of this window (ExportResult.id). */
const exportId = z.string().regex(/^e[0-9]{1,9}$/, 'not an export id');

/** Every export format, in the order the dialog and the CLI's help list them (docs/export.md). */
export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'parquet', 'hf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const layerName = z.string().regex(ANNOTATOR_NAME_PATTERN, 'not an annotator name');

export const splitSchema = z.strictObject({
  /** train, dev, test weights; need not sum to 100. */
  ratios: z.tuple([z.number().min(0), z.number().min(0), z.number().min(0)]).refine((r) => r[0] + r[1] + r[2] > 0, 'split ratios must not all be 0'),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
});
export type SplitChoice = z.infer<typeof splitSchema>;

export const exportOptionsSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('json'),
  /** Layers to export (annotator names, `gold`); empty = every layer in the workspace. */
  layers: z.array(layerName).max(500).default([]),
  /** Empty = one record per paragraph and layer; else one resolved record per paragraph. */
  resolve: z.array(layerName).max(20).default([]),
  doneOnly: z.boolean().default(false),
  /** Empty = every label of the schema. */
  labels: z.array(labelName).max(200).default([]),
  includeUntouched: z.boolean().default(false),
  split: splitSchema.nullable().default(null),
  /** Write a split even when a split with a weight above 0 gets no article (after the editor was warned). */
  allowEmptySplits: z.boolean().default(false),
  /** `exported_at` becomes the newest decision time, so equal inputs give equal bytes. */
  reproducible: z.boolean().default(false),
  /** CSV only: write text cells exactly, even those a spreadsheet would run as a formula. */
  csvRaw: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const exportChannels = {
  'export.run': exportOptionsSchema,
  'export.cancel': noArgs,
  'export.layers': noArgs,
  /** Shows a finished export in the file manager: named by the id its result gave, never by a path. */
  'export.reveal': z.strictObject({ id: exportId }),
} as const;

/** What the dialog offers: the layers present, with how many articles each has a label file for. */
export interface ExportLayerInfo {
  name: string;
  articles: number;
}

export interface ExportResponses {
  'export.run': ExportResult | null;
  'export.cancel': { cancelled: boolean };
  'export.layers': ExportLayerInfo[];
  'export.reveal': { shown: true };
}

/** Pushed while an export runs (`export.progress`), at most every ~100 ms and once at the end. */
export interface ExportProgress {
  /** planning: reading label files to assign splits (or the newest time); writing: the output. */
  phase: 'planning' | 'writing';
  articlesDone: number;
  articlesTotal: number;
  records: number;
}
