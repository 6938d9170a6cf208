/**
 * Reads a Pilcrow export (the JSON document or JSONL, docs/export.md) for import. Every record is
 * checked before anything is written: one bad line refuses the whole file with its line number,
 * so an import is never half done.
 */
import { z } from 'zod';
import type { LabelDef } from '../../shared/labels';
import { IMPORT_LIMIT, readChosenFile, RefusedFileError } from '../storage';

const optionalText = z.string().optional();

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
  updated_at: z.string().nullable(),
  done_at: optionalText,
  via: z.enum(['done', 'import', 'suggestion']).optional(),
  suggested_by: z.record(z.string(), z.string()).optional(),
  note: z.string().max(10_000).optional(),
  flagged: z.boolean().optional(),
  recheck: optionalText,
  reviewer: optionalText,
  took: optionalText,
  resolved_from: z.string().nullable().optional(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export interface ExportFileContent {
  format: 'json' | 'jsonl';
  records: ImportRecord[];
  /** The exporter's label schema (JSON only; JSONL has no manifest). */
  labelSchema: LabelDef[] | null;
  /** path → article text, to give the re-anchoring selector its context (JSON only). */
  texts: Map<string, string>;
}

export class ImportFileError extends Error {
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
  // The editor chose it (a dialog, the command line): a named pipe or a device is refused before reading, and so is a file over the limit.
  const bytes = await readChosenFile(file, IMPORT_LIMIT).catch((e: NodeJS.ErrnoException) => {
    throw new ImportFileError(`${file}: cannot read it (${e instanceof RefusedFileError ? e.problem : (e.code ?? e.message)})`);
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportFileError(`${file}: is not UTF-8 text; import a .json or .jsonl file that Pilcrow exported`);
  }
  if (!text.trim()) throw new ImportFileError(`${file}: is empty; nothing to import`);
  const whole = /\.jsonl$|\.ndjson$/i.test(file) ? undefined : tryParse(text);
  if (whole !== undefined && !Array.isArray(whole) && typeof whole === 'object' && whole !== null && 'records' in whole) return fromDocument(file, whole);
  if (/\.json$/i.test(file) && whole === undefined) throw new ImportFileError(`${file}: is not valid JSON; was it cut short? Export it again`);
  if (/\.json$/i.test(file) && !importRecordSchema.safeParse(whole).success) {
    throw new ImportFileError(`${file}: is not a Pilcrow export (it has no "records" list, and is not one record either); export the labels from Pilcrow again`);
  }
  const content = fromLines(file, text);
  if (content.records.length === 0) throw new ImportFileError(`${file}: holds no records; nothing to import`);
  return content;
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
  if (!doc.success) throw new ImportFileError(`${file}: is not a Pilcrow export document (${describe(doc.error)})`);
  const records = doc.data.records.map((r, i) => checkRecord(file, `records[${i}]`, r));
  if (records.length === 0) throw new ImportFileError(`${file}: holds no records; nothing to import`);
  const texts = new Map((doc.data.articles ?? []).map((a) => [a.path, a.text]));
  return { format: 'json', records, labelSchema: doc.data.label_schema ?? null, texts };
}

function fromLines(file: string, text: string): ExportFileContent {
  const records: ImportRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const value = tryParse(line);
    if (value === undefined) throw new ImportFileError(`${file}, line ${i + 1}: is not valid JSON; fix or remove that line, or export the file again`);
    records.push(checkRecord(file, `line ${i + 1}`, value));
  });
  return { format: 'jsonl', records, labelSchema: null, texts: new Map() };
}

function checkRecord(file: string, where: string, value: unknown): ImportRecord {
  const parsed = importRecordSchema.safeParse(value);
  if (!parsed.success) throw new ImportFileError(`${file}, ${where}: is not a Pilcrow export record (${describe(parsed.error)}); nothing was imported`);
  return parsed.data;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`;
}
