/**
 * CSV: Pilcrow's own export (docs/export.md) imports back losslessly, and so does a sheet a
 * script or a spreadsheet wrote with `article` and any of `paragraph_id`, `paragraph`, `text`
 * plus `labels` (a list: `quote;claim`, or JSON) or 0/1 `label:NAME` columns.
 *
 * Text cells of Pilcrow's CSV that a spreadsheet would run as a formula were written with a
 * leading `'` (core/csv.ts `spreadsheetSafe`), unless the export was made with --csv-raw. The two
 * are told apart by the file itself: a safe file never has a text cell that starts with one of
 * = + - @ tab CR unprefixed, nor a `'` before anything but those and `'`. If any cell shows that,
 * the file is raw and no cell is changed; otherwise each cell that starts with `'` and one of
 * those characters loses the `'` (`fromSpreadsheetSafe`). A row's paragraph id settles a text
 * cell that could be either: the id is a hash of the exact text, so `'=x` whose id is that of
 * `'=x` (not of `=x`) was written raw. `--csv-raw` on import says the file is raw outright.
 */
import { fromSpreadsheetSafe, looksSpreadsheetSafe, provesRawCsv, type CsvRow } from '../../../core/csv';
import { paragraphIdFor } from '../../../core/paragraphs';
import type { ConvertSink } from './types';

/** The text cells `spreadsheetSafe` guards in Pilcrow's CSV (formats/csv.ts of the export). */
const TEXT_COLUMNS = ['article', 'annotator', 'resolved_from', 'note', 'text', 'other_labels'];

export function fromCsv(rows: readonly CsvRow[], sink: ConvertSink, options: { raw: boolean }): { raw: boolean } {
  const [header, ...body] = rows;
  if (!header) return { raw: options.raw };
  const names = header.fields.map((h) => h.trim());
  const textColumns = names.flatMap((n, i) => (TEXT_COLUMNS.includes(n) ? [i] : []));
  const idColumn = names.indexOf('paragraph_id');
  const textColumn = names.indexOf('text');
  const rawById = (row: CsvRow) => {
    const text = row.fields[textColumn] ?? '';
    const id = (row.fields[idColumn] ?? '').replace(/-\d+$/, '');
    return idColumn >= 0 && textColumn >= 0 && looksSpreadsheetSafe(text) && id !== '' && paragraphIdFor(text, 1) === id;
  };
  const raw = options.raw || body.some((row) => textColumns.some((i) => provesRawCsv(row.fields[i] ?? '')) || rawById(row));
  const labelColumns = names.flatMap((n, i) => (n.startsWith('label:') ? [[i, n.slice('label:'.length)] as const] : []));
  for (const row of body) {
    const value: Record<string, unknown> = {};
    names.forEach((name, i) => {
      if (name.startsWith('label:') || name === '') return;
      let cell = row.fields[i] ?? '';
      if (!raw && textColumns.includes(i) && looksSpreadsheetSafe(cell)) cell = fromSpreadsheetSafe(cell);
      value[name] = cell;
    });
    if (labelColumns.length) {
      const marks = labelColumns.map(([i]) => (row.fields[i] ?? '').trim());
      const untouched = marks.every((m) => m === '') && !('labels' in value);
      if (untouched) value.labels = null;
      else if (!('labels' in value)) {
        const other = typeof value.other_labels === 'string' ? value.other_labels.split(' ').filter(Boolean) : [];
        value.labels = [...labelColumns.filter((_, k) => marks[k] === '1' || marks[k]?.toLowerCase() === 'true').map(([, name]) => name), ...other];
      }
    }
    delete value.other_labels;
    sink.record(value, `line ${row.line}`);
  }
  return { raw };
}
