/**
 * Reads a Pilcrow export (the JSON document or JSONL, docs/export.md) for import. Every record is
 * checked before anything is written: one bad line refuses the whole file with its line number,
 * so an import is never half done.
 */
import { SaidError } from '../../shared/messages';
import { z } from 'zod';
import type { LabelDef } from '../../shared/labels';
import { untrustedTimeProblem } from '../../core/instant';
import { nameRecordSchema } from '../../shared/name-record-schema';
import { IMPORT_LIMIT, openChosenFile, readChosenFile, RefusedFileError } from '../storage';

const optionalText = z.string().optional();

/**
 * A time the file claims (docs/export.md, "Import"): a real instant with its offset, at most
 * CLOCK_SKEW_MS ahead of this computer's clock. A forged `9999-…` or a "yesterday" would
 * otherwise win every later comparison.
 */
const instantText = z.string().superRefine((text, ctx) => {
  const problem = untrustedTimeProblem(text, Date.now());
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * The article's workspace-relative path, as exports write it. It names the layer file to write,
 * so a path that climbs out (`..`), starts at a root or holds a NUL is refused with the record,
 * before anything is written, instead of failing halfway through the import.
 */
const articlePath = z
  .string()
  .min(1)
  // A backslash may be part of a Linux file name, but climbs out on Windows when it wraps `..`.
  .refine((p) => !p.includes('\0') && !/^[a-zA-Z]:/.test(p) && p.split('/').every((s) => s !== '') && p.split(/[\\/]/).every((s) => s !== '.' && s !== '..'), {
    message: 'must be a workspace-relative path such as fa/news.txt (no "..", no leading "/")',
  });

/** A label listed twice would be stored and counted twice; the app refuses it too (labels.set). */
const labelList = z.array(z.string().min(1)).superRefine((labels, ctx) => {
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `"${twice}" is listed twice` });
});

export const importRecordSchema = z.object({
  article: articlePath,
  paragraph: z.number().int().min(0),
  paragraph_id: z.string().min(1),
  text: z.string(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  annotator: z.string().min(1),
  status: z.enum(['in_progress', 'done']).default('in_progress'),
  labels: labelList.nullable(),
  updated_at: instantText.nullable(),
  done_at: instantText.optional(),
  via: z.enum(['done', 'import', 'suggestion']).optional(),
  suggested_by: nameRecordSchema(z.string(), z.string()).optional(),
  note: z.string().max(10_000).optional(),
  flagged: z.boolean().optional(),
  recheck: optionalText,
  reviewer: optionalText,
  took: optionalText,
  resolved_from: z.string().nullable().optional(),
}).superRefine((record, ctx) => {
  // Only an untouched paragraph's record (--include-untouched) has no time: it carries nothing.
  if (record.updated_at === null && carriesSomething(record)) {
    ctx.addIssue({ code: 'custom', path: ['updated_at'], message: 'is missing; a decision, note or flag needs the time it was made' });
  }
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

/** A decision (labels, even none), a note or a flag: what a record brings into a layer. */
export function carriesSomething(record: Pick<ImportRecord, 'labels' | 'note' | 'flagged'>): boolean {
  return record.labels !== null || record.note !== undefined || record.flagged !== undefined;
}

export interface ExportFileContent {
  format: 'json' | 'jsonl';
  records: ImportRecord[];
  /** The exporter's label schema (JSON only; JSONL has no manifest). */
  labelSchema: LabelDef[] | null;
  /** path → article text, to give the re-anchoring selector its context (JSON only). */
  texts: Map<string, string>;
  /** Where record i is in the file (`line 12`, `records[3]`), for messages about it. */
  where: (i: number) => string;
}

export class ImportFileError extends SaidError {
  override readonly name = 'ImportFileError';
}

const labelDef = z.object({ name: z.string(), color: z.string(), key: z.string(), description: z.string() });
const documentSchema = z.object({
  schema_version: z.number().int().min(1),
  label_schema: z.array(labelDef).optional(),
  articles: z.array(z.object({ path: z.string(), text: z.string() })).optional(),
  records: z.array(z.unknown()),
});

export async function readExportFile(file: string): Promise<ExportFileContent> {
  // JSON Lines are read line by line: a file of a million records is never one string.
  if (/\.jsonl$|\.ndjson$/i.test(file)) return readLines(file);
  // The editor chose it (a dialog, the command line): a named pipe or a device is refused before reading, and so is a file over the limit.
  const bytes = await readChosenFile(file, IMPORT_LIMIT).catch((e: NodeJS.ErrnoException) => {
    throw cannotRead(file, e);
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw notUtf8(file);
  }
  if (!text.trim()) throw new ImportFileError({ code: 'import-empty', file });
  const whole = tryParse(text);
  if (whole !== undefined && !Array.isArray(whole) && typeof whole === 'object' && whole !== null && 'records' in whole) return fromDocument(file, whole);
  if (/\.json$/i.test(file) && whole === undefined) throw new ImportFileError({ code: 'import-cut-short', file });
  if (/\.json$/i.test(file) && !importRecordSchema.safeParse(whole).success) {
    throw new ImportFileError({ code: 'import-not-export', file });
  }
  const lines: Lines = { records: [], numbers: [] };
  text.split('\n').forEach((line, i) => addLine(file, lines, line, i + 1));
  return linesContent(file, lines, /\S/.test(text));
}

/** Reads a JSON Lines file in chunks, checking each line as it completes. */
async function readLines(file: string): Promise<ExportFileContent> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const found: Lines = { records: [], numbers: [] };
  let rest = '';
  let lineNumber = 0;
  let anyText = false;
  const take = (text: string, last: boolean) => {
    const pieces = (rest + text).split('\n');
    rest = last ? '' : pieces.pop()!;
    for (const line of pieces) {
      lineNumber += 1;
      // The byte order mark a Windows editor puts at the start of the file is not part of the record.
      const clean = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (/\S/.test(clean)) anyText = true;
      addLine(file, found, clean, lineNumber);
    }
  };
  // Opened with the same checks as a whole read (no pipe, no device, within the limit).
  const { handle } = await openChosenFile(file, IMPORT_LIMIT).catch((e: NodeJS.ErrnoException) => {
    throw cannotRead(file, e);
  });
  let bytesRead = 0;
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 16, autoClose: false })) {
      bytesRead += (chunk as Buffer).length;
      // A file that grows while it is read stops at the limit, as a whole read does.
      if (bytesRead > IMPORT_LIMIT.maxBytes) throw new ImportFileError({ code: 'import-grew', file, max: IMPORT_LIMIT.maxBytes, advice: IMPORT_LIMIT.advice });
      take(decode(file, decoder, chunk as Buffer, true), false);
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw cannotRead(file, e as NodeJS.ErrnoException);
  } finally {
    await handle.close().catch(() => undefined);
  }
  take(decode(file, decoder, undefined, false), true);
  return linesContent(file, found, anyText);
}

function decode(file: string, decoder: TextDecoder, chunk: Buffer | undefined, stream: boolean): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw notUtf8(file);
  }
}

function cannotRead(file: string, e: NodeJS.ErrnoException): ImportFileError {
  return new ImportFileError({ code: 'import-unreadable', file, reason: e instanceof RefusedFileError ? e.problem : (e.code ?? e.message) });
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

function fromDocument(file: string, value: unknown): ExportFileContent {
  const doc = documentSchema.safeParse(value);
  if (!doc.success) throw new ImportFileError({ code: 'import-bad-document', file, detail: describe(doc.error) });
  const records = doc.data.records.map((r, i) => checkRecord(file, `records[${i}]`, r));
  if (records.length === 0) throw new ImportFileError({ code: 'import-no-records', file });
  const texts = new Map((doc.data.articles ?? []).map((a) => [a.path, a.text]));
  return { format: 'json', records, labelSchema: doc.data.label_schema ?? null, texts, where: (i) => `records[${i}]` };
}

/** Records of a JSON Lines file, with the line each came from. */
interface Lines {
  records: ImportRecord[];
  numbers: number[];
}

function addLine(file: string, into: Lines, line: string, lineNumber: number): void {
  if (!line.trim()) return;
  const value = tryParse(line);
  if (value === undefined) throw new ImportFileError({ code: 'import-bad-line', file, line: lineNumber });
  into.records.push(checkRecord(file, `line ${lineNumber}`, value));
  into.numbers.push(lineNumber);
}

function linesContent(file: string, { records, numbers }: Lines, anyText: boolean): ExportFileContent {
  if (!anyText) throw new ImportFileError({ code: 'import-empty', file });
  if (records.length === 0) throw new ImportFileError({ code: 'import-no-records', file });
  return { format: 'jsonl', records, labelSchema: null, texts: new Map(), where: (i) => `line ${numbers[i]}` };
}

function checkRecord(file: string, where: string, value: unknown): ImportRecord {
  const parsed = importRecordSchema.safeParse(value);
  if (!parsed.success) throw new ImportFileError({ code: 'import-bad-record', file, where, detail: describe(parsed.error) });
  return parsed.data;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`;
}
