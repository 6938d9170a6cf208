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

/**
 * Whether a text cell of a CSV that Pilcrow wrote was made safe by `spreadsheetSafe`: only such
 * a cell starts with `'` followed by one of the characters it guards against (`= + - @`, tab,
 * CR, or another `'`). A `'` before anything else ("'Tis the season") was never added by us.
 */
const SAFE_PREFIXED = /^'[=+\-@\t\r']/;

export function looksSpreadsheetSafe(cell: string): boolean {
  return SAFE_PREFIXED.test(cell);
}

/** A cell `spreadsheetSafe` would have prefixed, written without the prefix: proof of a raw (`--csv-raw`) file. */
export function provesRawCsv(cell: string): boolean {
  return (EVALUATED_START.test(cell) && !cell.startsWith("'")) || (cell.startsWith("'") && !SAFE_PREFIXED.test(cell));
}

export interface CsvRow {
  fields: string[];
  /** The 1-based line the row starts on (a quoted field may hold line breaks). */
  line: number;
}

/**
 * RFC 4180 rows, tolerant of what spreadsheets and scripts write: CRLF or LF line ends, a last
 * row without one, empty lines skipped. Throws with the line of an unclosed quote.
 */
export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let any = false;
  const endRow = () => {
    fields.push(field);
    if (any || fields.length > 1 || field !== '') rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
    any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      any = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      any = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) throw new CsvUnclosedQuoteError(quoteLine);
  if (field !== '' || fields.length || any) endRow();
  return rows;
}

/** A quoted field that never ends: the file was probably cut short. */
export class CsvUnclosedQuoteError extends Error {
  override readonly name = 'CsvUnclosedQuoteError';
  constructor(readonly line: number) {
    super(`line ${line}: a quoted field is never closed; was the file cut short?`);
  }
}
