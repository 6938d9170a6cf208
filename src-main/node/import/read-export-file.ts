/**
 * Reads a file to import (docs/export.md, "Import"): Pilcrow's own exports (the JSON document,
 * JSONL, CSV), plain records a script wrote (JSONL, a JSON array, CSV), and the exports of Label
 * Studio, doccano and Prodigy (formats/*.ts), detected from the first record unless `format`
 * says which. Every record is checked before anything is written: one bad record refuses the
 * whole file, naming the format it was read as, its line, the field and the fix, so an import
 * is never half done. A record without an annotator takes `--annotator`; one without a time
 * takes the file's modification time; both are counted and reported.
 */
import { TextDecoder } from 'node:util';
import { z } from 'zod';
import { englishText, type MainMessage } from '../../shared/messages';
import { IMPORT_FORMAT_NAMES } from '../../shared/messages/import';
import { CsvUnclosedQuoteError, parseCsvRows } from '../../core/csv';
import { paragraphIdFor } from '../../core/paragraphs';
import type { LabelDef } from '../../shared/labels';
import { fromCsv } from './formats/csv';
import { fromDoccano, isDoccano } from './formats/doccano';
import { fromLabelStudioMin, fromLabelStudioTask, isLabelStudioMin, isLabelStudioTask } from './formats/label-studio';
import { fromProdigy, isProdigy } from './formats/prodigy';
import { isObject, type ConvertSink, type ImportFormat, type ImportFormatChoice } from './formats/types';
import { BAD_PARAGRAPH_ID, importRecordSchema, NO_PARAGRAPH, tidyRecord, type ImportRecord } from './import-record';
import { cannotReadImport, ImportOpenError, openImportFile, type ImportSource } from './open-import-file';

export { carriesSomething, importRecordSchema, type ImportRecord } from './import-record';

export interface ReadOptions {
  format?: ImportFormatChoice;
  /** `--annotator`: the layer of records that name none. */
  annotator?: string;
  /** The CSV was written with --csv-raw: no cell is unescaped. */
  csvRaw?: boolean;
}

export interface ExportFileContent {
  format: ImportFormat;
  /** How the file holds its records. */
  container: 'json' | 'jsonl' | 'csv';
  records: ImportRecord[];
  /** The exporter's label schema (Pilcrow's JSON document only). */
  labelSchema: LabelDef[] | null;
  /** path → article text, to give the re-anchoring selector its context (JSON document only). */
  texts: Map<string, string>;
  /** Where record i is in the file (`line 12`, `records[3]`), for messages about it. */
  where: (i: number) => string;
  /** What the file holds that is not imported, and why (another tool's skipped or rejected answers). */
  skipped: { where: string; reason: MainMessage }[];
  /** Records that named no annotator or time and were given one. */
  filled: { annotator: number; updatedAt: number; time: string };
}

/** A file that cannot be imported, said as a message (shared/messages): the CLI prints its English, the app its own language. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(readonly detail: MainMessage) {
    super(englishText(detail));
  }
}

export const FORMAT_NAMES = IMPORT_FORMAT_NAMES;

/** A plain record has at least one of these. */
const RECORD_FIELDS = ['article', 'paragraph_id', 'paragraph', 'text', 'labels'];

const TOOL_FORMATS: readonly ImportFormat[] = ['label-studio', 'doccano', 'prodigy'];

const labelDef = z.object({ name: z.string(), color: z.string(), key: z.string(), description: z.string() });
const documentSchema = z.object({
  schema_version: z.number().int().min(1),
  label_schema: z.array(labelDef).optional(),
  articles: z.array(z.object({ path: z.string(), text: z.string() })).optional(),
  records: z.array(z.unknown()),
});

export async function readExportFile(file: string, options: ReadOptions = {}): Promise<ExportFileContent> {
  const source = await openImportFile(file).catch((e: unknown) => {
    throw e instanceof ImportOpenError ? new ImportFileError(e.detail) : e;
  });
  try {
    return await readSource(source, options);
  } catch (e) {
    if (e instanceof ImportFileError || e instanceof ImportOpenError) throw e instanceof ImportOpenError ? new ImportFileError(e.detail) : e;
    // Only reading fails here (the records' own problems are ImportFileErrors).
    if ((e as NodeJS.ErrnoException).code !== undefined) throw new ImportFileError(cannotReadImport(file, e).detail);
    throw e;
  } finally {
    await source.close().catch(() => undefined);
  }
}

function containerOf(file: string, format: ImportFormatChoice | undefined): 'json' | 'jsonl' | 'csv' {
  if (format === 'csv' || (format === undefined || format === 'auto') && /\.csv$/i.test(file)) return 'csv';
  return /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'json';
}

async function readSource(source: ImportSource, options: ReadOptions): Promise<ExportFileContent> {
  const { file } = source;
  const reader = new RecordReader(file, options, source.modifiedAt);
  const container = containerOf(file, options.format);
  // JSON Lines are read 64 KB at a time: a file of a million records is never one string.
  if (container === 'jsonl') {
    const anyText = await readLines(source, reader);
    if (!anyText) throw new ImportFileError({ code: 'import-empty', file });
    return reader.finish('jsonl');
  }
  const text = decodeAll(file, await source.readAll());
  if (!text.trim()) throw new ImportFileError({ code: 'import-empty', file });
  if (container === 'csv') {
    let rows;
    try {
      rows = parseCsvRows(text);
    } catch (e) {
      throw e instanceof CsvUnclosedQuoteError ? new ImportFileError({ code: 'import-csv-unclosed', file, line: e.line }) : e;
    }
    reader.begin('csv');
    fromCsv(rows, reader.sink, { raw: options.csvRaw === true });
    return reader.finish('csv');
  }
  const whole = tryParse(text);
  if (whole === undefined) {
    // A JSON Lines file named .json: every line is a record.
    const lines = text.split('\n');
    const first = lines.find((l) => l.trim());
    if (first !== undefined && lines.filter((l) => l.trim()).length > 1 && tryParse(first) !== undefined) {
      lines.forEach((line, i) => reader.line(line, i + 1));
      return reader.finish('jsonl');
    }
    throw new ImportFileError({ code: 'import-cut-short', file });
  }
  if (isObject(whole) && 'records' in whole && 'schema_version' in whole) return reader.document(whole);
  if (Array.isArray(whole)) {
    if (whole.length === 0) throw new ImportFileError({ code: 'import-no-records', file });
    whole.forEach((item, i) => reader.item(item, `[${i}]`));
  } else reader.item(whole, 'the file');
  return reader.finish('json');
}

async function readLines(source: ImportSource, reader: RecordReader): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let lineNumber = 0;
  let anyText = false;
  const take = (text: string, last: boolean) => {
    const pieces = (rest + text).split('\n');
    rest = last ? '' : pieces.pop()!;
    for (const line of pieces) {
      lineNumber += 1;
      if (/\S/.test(line)) anyText = true;
      reader.line(line, lineNumber);
    }
  };
  for await (const chunk of source.chunks()) take(decode(source.file, decoder, chunk, true), false);
  take(decode(source.file, decoder, undefined, false), true);
  return anyText;
}

function decodeAll(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw notUtf8(file);
  }
}

function decode(file: string, decoder: TextDecoder, chunk: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw notUtf8(file);
  }
}

function notUtf8(file: string): ImportFileError {
  return new ImportFileError({ code: 'import-not-utf8', file });
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns the file's items into checked records, in file order, detecting the format from the first. */
class RecordReader {
  private format: ImportFormat | null = null;
  private readonly records: ImportRecord[] = [];
  private readonly wheres: string[] = [];
  private readonly skipped: { where: string; reason: MainMessage }[] = [];
  private readonly filled = { annotator: 0, updatedAt: 0, time: '' };
  readonly sink: ConvertSink = {
    record: (value, where) => this.record(value, where),
    skip: (where, reason) => void this.skipped.push({ where, reason }),
  };

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
    private readonly modifiedAt: string,
  ) {
    this.filled.time = modifiedAt;
  }

  begin(format: ImportFormat): void {
    this.format ??= this.options.format && this.options.format !== 'auto' ? this.options.format : format;
  }

  line(line: string, lineNumber: number): void {
    // The byte order mark a Windows editor puts at the start of the file is not part of the record.
    const clean = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (!clean.trim()) return;
    const value = tryParse(clean);
    if (value === undefined) throw new ImportFileError({ code: 'import-bad-line', file: this.file, line: lineNumber });
    this.item(value, `line ${lineNumber}`);
  }

  item(value: unknown, where: string): void {
    if (this.format === null) this.begin(this.options.format && this.options.format !== 'auto' ? this.options.format : detect(value));
    if (!isObject(value)) throw this.error(where, { code: 'import-not-object', list: Array.isArray(value), value: JSON.stringify(value)?.slice(0, 20) ?? 'nothing' });
    switch (this.format) {
      case 'label-studio':
        if (isLabelStudioTask(value)) return fromLabelStudioTask(value, where, this.sink);
        if (isLabelStudioMin(value)) return fromLabelStudioMin(value, where, this.sink);
        throw this.error(where, { code: 'import-not-label-studio' });
      case 'doccano':
        return fromDoccano(value, where, this.sink);
      case 'prodigy':
        return fromProdigy(value, where, this.sink);
      default:
        if (!RECORD_FIELDS.some((f) => f in value)) throw this.error(where, { code: 'import-no-fields', fields: RECORD_FIELDS, has: Object.keys(value).slice(0, 5) });
        return this.record(value, where);
    }
  }

  /** Pilcrow's JSON document: its records, label schema and article texts. */
  document(value: Record<string, unknown>): ExportFileContent {
    const doc = documentSchema.safeParse(value);
    if (!doc.success) throw new ImportFileError({ code: 'import-bad-document', file: this.file, detail: describe(doc.error) });
    this.begin('pilcrow');
    doc.data.records.forEach((r, i) => this.item(r, `records[${i}]`));
    const content = this.finish('json');
    return { ...content, labelSchema: doc.data.label_schema ?? null, texts: new Map((doc.data.articles ?? []).map((a) => [a.path, a.text])) };
  }

  private record(value: Record<string, unknown>, where: string): void {
    const tidy = tidyRecord(value);
    if (tidy.annotator === undefined && this.options.annotator) {
      tidy.annotator = this.options.annotator;
      this.filled.annotator += 1;
    }
    if (tidy.annotator === undefined) throw this.error(where, { code: 'import-no-annotator' });
    if (!('labels' in tidy)) throw this.error(where, { code: 'import-no-labels' });
    if (tidy.updated_at === undefined && (tidy.labels !== null || tidy.note !== undefined || tidy.flagged !== undefined)) {
      tidy.updated_at = this.modifiedAt;
      this.filled.updatedAt += 1;
    }
    if (tidy.updated_at === undefined) tidy.updated_at = null;
    const parsed = importRecordSchema.safeParse(tidy);
    if (!parsed.success) throw this.error(where, problemOf(parsed.error));
    const record = parsed.data;
    if (record.paragraph_id !== undefined && record.text !== undefined) {
      const own = paragraphIdFor(record.text, 1);
      if (record.paragraph_id.replace(/-\d+$/, '') !== own) {
        throw this.error(where, { code: 'import-id-mismatch', id: record.paragraph_id, own });
      }
    }
    this.records.push(record);
    this.wheres.push(where);
  }

  finish(container: ExportFileContent['container']): ExportFileContent {
    const format = this.format ?? 'jsonl';
    if (TOOL_FORMATS.includes(format)) this.mergeSameParagraph();
    if (this.records.length === 0) {
      const first = this.skipped[0];
      throw new ImportFileError(first ? { code: 'import-all-skipped', file: this.file, skipped: this.skipped.length, where: first.where, reason: first.reason } : { code: 'import-no-records', file: this.file });
    }
    const wheres = this.wheres;
    return { format, container, records: this.records, labelSchema: null, texts: new Map(), where: (i) => wheres[i] ?? `record ${i + 1}`, skipped: this.skipped, filled: this.filled };
  }

  /**
   * Another tool may answer one paragraph several times (Prodigy asks one label at a time; a
   * paragraph may sit in two regions): the answers of one annotator on one paragraph become one
   * decision with every accepted label, at the latest time.
   */
  private mergeSameParagraph(): void {
    const seen = new Map<string, number>();
    const keep: boolean[] = this.records.map(() => true);
    this.records.forEach((r, i) => {
      const key = JSON.stringify([r.annotator, r.article ?? null, r.paragraph_id ?? null, r.text ?? null, r.text === undefined ? (r.paragraph ?? null) : null]);
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, i);
      const into = this.records[first]!;
      into.labels = [...new Set([...(into.labels ?? []), ...(r.labels ?? [])])];
      if (r.updated_at !== null && (into.updated_at === null || Date.parse(r.updated_at) > Date.parse(into.updated_at))) into.updated_at = r.updated_at;
      keep[i] = false;
    });
    if (keep.every(Boolean)) return;
    const records = this.records.filter((_, i) => keep[i]);
    const wheres = this.wheres.filter((_, i) => keep[i]);
    this.records.splice(0, this.records.length, ...records);
    this.wheres.splice(0, this.wheres.length, ...wheres);
  }

  private error(where: string, problem: MainMessage): ImportFileError {
    return new ImportFileError({ code: 'import-record-refused', file: this.file, where, format: this.format ?? 'jsonl', problem });
  }
}

function detect(value: unknown): ImportFormat {
  if (isLabelStudioTask(value) || isLabelStudioMin(value)) return 'label-studio';
  if (isProdigy(value)) return 'prodigy';
  if (isDoccano(value)) return 'doccano';
  if (isObject(value) && 'paragraph_id' in value && 'source_sha256' in value) return 'pilcrow';
  return 'jsonl';
}

/** A record's first schema problem: the paragraph id ones as their own codes, any other as the field and the schema's words. */
function problemOf(error: z.ZodError): MainMessage {
  const issue = error.issues[0];
  if (issue?.message === BAD_PARAGRAPH_ID) return { code: 'import-bad-paragraph-id' };
  if (issue?.message === NO_PARAGRAPH) return { code: 'import-no-paragraph' };
  const problem: MainMessage = issue ? fieldProblem(issue) : { code: 'field-invalid', detail: 'invalid' };
  return { code: 'import-bad-field', field: issue?.path.join('.') || 'record', problem };
}

/** A field's problem as a code: our own checks carry theirs (import-record.ts); zod's common ones are said here. */
function fieldProblem(issue: z.core.$ZodIssue): MainMessage {
  const own = issue.code === 'custom' ? (issue.params as { said?: MainMessage } | undefined)?.said : undefined;
  if (own) return own;
  if (issue.code === 'invalid_type') return { code: 'field-type', expected: issue.expected };
  if (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1) return { code: 'field-empty' };
  if (issue.code === 'too_small' && issue.origin === 'number') return { code: 'field-minimum', minimum: Number(issue.minimum) };
  if (issue.code === 'too_big' && issue.origin === 'string') return { code: 'field-too-long', maximum: Number(issue.maximum) };
  if (issue.code === 'invalid_value') return { code: 'field-one-of', values: issue.values.map(String) };
  return { code: 'field-invalid', detail: issue.message };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`;
}
