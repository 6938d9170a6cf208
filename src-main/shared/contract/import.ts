/**
 * Channels that bring labels in as annotator layers: a teammate's Pilcrow export, plain records
 * a script wrote, or another tool's export (docs/export.md, "Import"). The dialog previews first
 * (a dry run: nothing is written), then imports the file it previewed.
 */
import { z } from 'zod';
import type { MainMessage } from '../messages';

const layerName = z.string().regex(/^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,63}$/u, 'not an annotator name');

import { IMPORT_FORMAT_CHOICES, type ImportFormat } from '../import-formats';

export { IMPORT_FORMAT_CHOICES, type ImportFormat, type ImportFormatChoice } from '../import-formats';

const importChoices = {
  /** The layer (else each record's own annotator, or the one another tool names). */
  annotator: layerName.optional(),
  /** The reviewer confirmed the file's gold answers are adjudicated (else refused). */
  asGold: z.boolean().optional(),
  format: z.enum(IMPORT_FORMAT_CHOICES).optional(),
  /** Label renames, `old=new` pairs (the CLI's --map). */
  map: z.array(z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)])).max(200).optional(),
};

export const importChannels = {
  /**
   * Main asks for the file, reads and places it without writing anything, and remembers it for
   * import.run. `again`: no dialog; the file the last preview read, read anew with these choices.
   */
  'import.preview': z.strictObject({ ...importChoices, again: z.boolean().optional() }),
  /**
   * Imports the file the last preview read (`previewed: true`; nothing is asked), or asks for a
   * file and imports it at once.
   */
  'import.run': z.strictObject({ ...importChoices, previewed: z.boolean().optional() }),
} as const;

export interface ImportLayerSummary {
  annotator: string;
  articles: number;
  /** Records placed on a paragraph (by id, by text or by position). */
  matched: number;
  /** Of those, placed by their text (the id was absent or not found). */
  byText: number;
  /** Of those, placed by their position (no id or text to go by). */
  byPosition: number;
  /** Records whose paragraph was not found: kept in the layer's orphans, listed here. */
  unmatched: number;
  /** Decisions left alone because the workspace already had a newer one. */
  keptNewer: number;
  /** Label files that changed (a dry run: that would change; 0 when the same file is imported again). */
  filesWritten: number;
}

export interface ImportUnmatched {
  /** Where the record is in the file (`line 12`, `[3], paragraph 2`). */
  where: string;
  /** null: the record names no article and its text was found in none. */
  article: string | null;
  paragraph: number | null;
  paragraph_id: string | null;
  /** Why, as a message (shared/messages/import.ts, `match-*`). */
  reason: MainMessage;
}

export interface ImportResult {
  file: string;
  /** The format the file was read as (detected unless chosen). */
  format: ImportFormat;
  /** Nothing was written: a preview. */
  dryRun: boolean;
  records: number;
  layers: ImportLayerSummary[];
  unmatched: ImportUnmatched[];
  /** What the file holds that was not imported, and why (another tool's skipped or rejected answers), said as a message. */
  skipped: { where: string; reason: MainMessage }[];
  /** Records that named no annotator (given the chosen one) or no time (given the file's). */
  filled: { annotator: number; updatedAt: number; time: string };
  /** Labels renamed on the way in: by the map, or to the schema's label that differs only in case. */
  labelsMapped: { from: string; to: string }[];
  /** Labels in the file that this workspace's label schema does not have (kept as they are). */
  unknownLabels: string[];
  /** Of those, the ones added to the schema from the file's label definitions. */
  labelsAdded: string[];
}

export interface ImportResponses {
  'import.preview': ImportResult | null;
  'import.run': ImportResult | null;
}
