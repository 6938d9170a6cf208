/** Channels that bring a teammate's export (JSON or JSONL written by Pilcrow) in as their layer. */
import { z } from 'zod';

const layerName = z.string().regex(/^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,63}$/u, 'not an annotator name');

export const importChannels = {
  /**
   * Main asks for the file with an open dialog; `annotator` names the layer (else each record's
   * own). `asGold`: the reviewer confirmed the file's gold answers are adjudicated (else refused).
   */
  'import.run': z.strictObject({ annotator: layerName.optional(), asGold: z.boolean().optional() }),
} as const;

export interface ImportLayerSummary {
  annotator: string;
  articles: number;
  /** Records placed on a paragraph (by id, or by text when the id changed). */
  matched: number;
  /** Of those, placed by text because the paragraph id was not found. */
  byText: number;
  /** Records whose paragraph was not found: kept in the layer's orphans, listed here. */
  unmatched: number;
  /** Decisions left alone because the workspace already had a newer one. */
  keptNewer: number;
  /** Label files that changed (0 when the same file is imported again). */
  filesWritten: number;
}

export interface ImportResult {
  file: string;
  format: 'json' | 'jsonl';
  records: number;
  layers: ImportLayerSummary[];
  unmatched: { article: string; paragraph: number; paragraph_id: string; reason: string }[];
  /** Labels in the file that this workspace's label schema does not have (kept as they are). */
  unknownLabels: string[];
  /** Of those, the ones added to the schema from the file's label definitions. */
  labelsAdded: string[];
}

export interface ImportResponses {
  'import.run': ImportResult | null;
}
