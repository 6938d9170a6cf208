/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted with quotes doubled; rows end in CRLF. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Spreadsheets evaluate a cell that starts with `=`, `+`, `-` or `@` (and, after their own
 * trimming, a tab or CR before one) as a formula: `=HYPERLINK(…)` in a scraped paragraph would
 * run in the editor's Excel (OWASP, "CSV Injection"). Such a text cell gets a leading `'`, which
 * spreadsheets show as text. A cell that already starts with `'` gets one too, so that
 * `fromSpreadsheetSafe` can undo it exactly: it drops one leading `'`, and nothing else.
 */
const EVALUATED_START = /^[=+\-@\t\r']/;

export function spreadsheetSafe(text: string): string {
  return EVALUATED_START.test(text) ? `'${text}` : text;
}

/** The exact inverse of `spreadsheetSafe`, for reading a CSV that Pilcrow wrote. */
export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
