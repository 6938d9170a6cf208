/**
 * One record to import, whatever file it came from (docs/export.md, "Import"): Pilcrow's own
 * fields, of which only the paragraph's whereabouts, the labels, the annotator and the time are
 * needed. Records from other tools are turned into this shape first (formats/*.ts); values as
 * pandas or a spreadsheet write them (epoch numbers, `null` for absent, "1"/"0") are read here.
 */
import { z } from 'zod';
import { instantOf, untrustedTimeProblem } from '../../core/instant';
import type { MainMessage } from '../../shared/messages';
import { nameRecordSchema } from '../../shared/name-record-schema';

/** `p` + 11 base-36 characters (a hash of the paragraph's text), `-N` for the N-th repeat (docs/storage.md). */
export const PARAGRAPH_ID_PATTERN = /^p[0-9a-z]{11}(?:-\d+)?$/;

const optionalText = z.string().optional();

/** A custom check's problem as a message code too (`field-*`), so the UI says it in its own language (read-export-file.ts). */
const said = (message: MainMessage) => ({ said: message });

/**
 * A time the file claims: a real instant with its offset, at most CLOCK_SKEW_MS ahead of this
 * computer's clock. A forged `9999-…` or a "yesterday" would otherwise win every later comparison.
 */
const instantText = z.string().superRefine((text, ctx) => {
  const now = Date.now();
  const problem = untrustedTimeProblem(text, now);
  if (!problem) return;
  const message: MainMessage = instantOf(text) === null ? { code: 'field-time-format', got: text.slice(0, 40) } : { code: 'field-time-future', time: text, now: new Date(now).toISOString() };
  ctx.addIssue({ code: 'custom', message: problem, params: said(message) });
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
    params: said({ code: 'field-relative-path' }),
  });

/** A label listed twice would be stored and counted twice; the app refuses it too (labels.set). */
const labelList = z.array(z.string().min(1)).superRefine((labels, ctx) => {
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `"${twice}" is listed twice`, params: said({ code: 'field-label-twice', label: twice }) });
});

/** The schema's messages for a paragraph id that is not one, or missing with no text or position: said as their own codes (read-export-file.ts). */
export const BAD_PARAGRAPH_ID = 'not a Pilcrow paragraph id';
export const NO_PARAGRAPH = 'no paragraph_id, text or paragraph';

export const importRecordSchema = z
  .object({
    /** Absent only in files of other tools that do not name the article: found by its text then. */
    article: articlePath.optional(),
    paragraph: z.number().int().min(0).optional(),
    paragraph_id: z.string().regex(PARAGRAPH_ID_PATTERN, BAD_PARAGRAPH_ID).optional(),
    text: z.string().min(1).optional(),
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
  })
  .superRefine((record, ctx) => {
    // Only an untouched paragraph's record (--include-untouched) has no time: it carries nothing.
    if (record.updated_at === null && carriesSomething(record)) {
      ctx.addIssue({ code: 'custom', path: ['updated_at'], message: 'is missing; a decision, note or flag needs the time it was made', params: said({ code: 'field-time-missing' }) });
    }
    if (record.paragraph_id === undefined && record.text === undefined && record.paragraph === undefined) {
      ctx.addIssue({ code: 'custom', path: ['paragraph_id'], message: NO_PARAGRAPH });
    }
    if (record.article === undefined && record.text === undefined) {
      ctx.addIssue({ code: 'custom', path: ['article'], message: 'is missing: add the article\'s workspace-relative path (fa/news.txt), or the paragraph\'s text so it can be found in any article', params: said({ code: 'field-article-missing' }) });
    }
  });
export type ImportRecord = z.infer<typeof importRecordSchema>;

/** A decision (labels, even none), a note or a flag: what a record brings into a layer. */
export function carriesSomething(record: Pick<ImportRecord, 'labels' | 'note' | 'flagged'>): boolean {
  return record.labels !== null || record.note !== undefined || record.flagged !== undefined;
}

/** Fields where `null` means absent (pandas writes null for a column a record did not have). */
const NULL_IS_ABSENT = ['article', 'paragraph', 'paragraph_id', 'text', 'start', 'end', 'annotator', 'status', 'done_at', 'via', 'suggested_by', 'note', 'flagged', 'recheck', 'reviewer', 'took', 'split', 'agreeing'];

/**
 * An epoch number as an ISO time: pandas writes dates as epoch milliseconds; seconds (Prodigy's
 * `_timestamp`), microseconds and nanoseconds are told apart by size.
 */
export function epochToIso(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  const ms = abs >= 1e17 ? n / 1e6 : abs >= 1e14 ? n / 1e3 : abs >= 1e11 ? n : n * 1000;
  const date = new Date(Math.round(ms));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A whole number from a number, an integral float (pandas: 3.0) or a string of digits (CSV). */
function wholeNumber(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(?:\.0*)?\s*$/.test(value)) return Number.parseInt(value, 10);
  return value;
}

function flag(value: unknown): unknown {
  if (value === 1 || value === '1' || value === 'true' || value === 'TRUE' || value === 'True') return true;
  if (value === 0 || value === '0' || value === 'false' || value === 'FALSE' || value === 'False' || value === '') return undefined;
  return value;
}

/** Labels as a list, a JSON list in a string, or names separated by `,` `;` or `|`; `label` for one. */
export function labelsOf(raw: Record<string, unknown>): unknown {
  const value = 'labels' in raw ? raw.labels : 'label' in raw && raw.label !== null && raw.label !== undefined ? [raw.label] : undefined;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return value;
    }
  }
  return text === '' ? [] : text.split(/[,;|]/).map((l) => l.trim()).filter(Boolean);
}

/** A plain object read from JSON or a CSV row, tidied into what importRecordSchema checks. */
export function tidyRecord(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const key of NULL_IS_ABSENT) if (out[key] === null || out[key] === '') delete out[key];
  for (const key of ['paragraph', 'start', 'end'] as const) if (key in out) out[key] = wholeNumber(out[key]);
  for (const key of ['updated_at', 'done_at'] as const) if (typeof out[key] === 'number') out[key] = epochToIso(out[key]) ?? out[key];
  if (out.updated_at === '') out.updated_at = null;
  if ('flagged' in out) {
    const f = flag(out.flagged);
    if (f === undefined) delete out.flagged;
    else out.flagged = f;
  }
  if ('labels' in raw || 'label' in raw) out.labels = labelsOf(raw);
  delete out.label;
  if (typeof out.suggested_by === 'string') {
    try {
      out.suggested_by = JSON.parse(out.suggested_by);
    } catch {
      // left as it is: the schema names the field
    }
  }
  return out;
}
