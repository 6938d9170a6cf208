/**
 * The import dialog's choices (docs/export.md, "Import"): turned into the `import.preview` /
 * `import.run` request, and compared with the ones the shown preview was made with, so a
 * preview that no longer matches the choices is never the one imported.
 */
import type { ImportFormatChoice, ImportResult } from '../../../src-main/shared/contract/import';
import { parseLabelMapText } from '../../../src-main/shared/label-map-text';

export { parseLabelMapText };

export interface ImportChoices {
  annotator: string;
  format: ImportFormatChoice;
  /** `old=new` pairs, separated by commas (the CLI's --map). */
  map: string;
  asGold: boolean;
}

export type ImportRequest = { annotator?: string; format?: ImportFormatChoice; map?: [string, string][]; asGold?: boolean };

/** The request for these choices; null while the label map has a bad part. */
export function importRequest(choices: ImportChoices): ImportRequest | null {
  const map = parseLabelMapText(choices.map);
  if ('bad' in map) return null;
  const annotator = choices.annotator.trim();
  return {
    ...(annotator ? { annotator } : {}),
    ...(choices.format !== 'auto' ? { format: choices.format } : {}),
    ...(map.pairs.length ? { map: map.pairs } : {}),
    ...(choices.asGold ? { asGold: true } : {}),
  };
}

/** Two requests ask for the same import. */
export function sameRequest(a: ImportRequest | null, b: ImportRequest | null): boolean {
  return a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** What the preview adds up to: records placed, not placed, and label files that would change. */
export function previewTotals(result: ImportResult): { matched: number; byText: number; byPosition: number; unmatched: number; keptNewer: number; files: number } {
  const sum = (key: 'matched' | 'byText' | 'byPosition' | 'unmatched' | 'keptNewer' | 'filesWritten') => result.layers.reduce((n, l) => n + l[key], 0);
  return { matched: sum('matched'), byText: sum('byText'), byPosition: sum('byPosition'), unmatched: sum('unmatched'), keptNewer: sum('keptNewer'), files: sum('filesWritten') };
}
