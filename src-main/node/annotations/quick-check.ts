/**
 * A label file's shape checked without zod, for readers of thousands of files at once (team
 * progress: zod took ~47 µs a file here, this ~5 µs). It never decides that a file is bad: it
 * accepts a file only when every field is one the schema (schema.ts) knows and of the type it
 * says, and otherwise returns null so the caller runs the schema itself, whose error is the one
 * every reader reports. Stricter than the schema, never looser (test/unit/node/annotations/
 * quick-check.test.ts holds the two to that): an unknown key, a `__proto__` key, anything
 * unusual goes the schema's way. What it accepts equals the schema's output, key order aside:
 * defaults filled in, the schema's name records (suggested_by, each paragraph's rejected
 * suggestions) without a prototype.
 */
import { nameRecord } from '../../shared/name-record';
import { ANNOTATION_FILE_VERSION, type AnnotationFile, type ParagraphEntry } from './schema';

type Shape = Record<string, (value: unknown) => boolean>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every own key is in the shape and passes its check, and every required key is there. */
function fits(value: unknown, shape: Shape, required: readonly string[]): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!Object.hasOwn(shape, key) || !shape[key]!(value[key])) return false;
  for (const key of required) if (!Object.hasOwn(value, key)) return false;
  return true;
}

function isStringRecord(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  for (const key in v) if (key === '__proto__' || typeof v[key] !== 'string') return false;
  return true;
}

const ANCHOR: Shape = { exact: isString, prefix: isString, suffix: isString };
const ANCHOR_KEYS = Object.keys(ANCHOR);

const ENTRY: Shape = {
  index: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  labels: (v) => Array.isArray(v) && v.every(isNonEmptyString),
  updated_at: isString,
  via: optional((v) => v === 'done' || v === 'import' || v === 'suggestion'),
  suggested_by: optional(isStringRecord),
  undecided: optional((v) => v === true),
  note: optional((v) => typeof v === 'string' && v.length <= 10_000),
  flagged: optional((v) => typeof v === 'boolean'),
  recheck: optional(isString),
  anchor: optional((v) => fits(v, ANCHOR, ANCHOR_KEYS)),
  reviewer: optional(isString),
  took: optional(isString),
};
const ENTRY_KEYS = ['index', 'labels', 'updated_at'];

const isEntry = (v: unknown): boolean => fits(v, ENTRY, ENTRY_KEYS);

const ORPHAN: Shape = { paragraph_id: isString, entry: isEntry, orphaned_at: isString, reason: isString };
const ORPHAN_KEYS = Object.keys(ORPHAN);

const FILE: Shape = {
  version: (v) => v === ANNOTATION_FILE_VERSION,
  article: isNonEmptyString,
  annotator: isNonEmptyString,
  updated_at: isString,
  status: optional((v) => v === 'in_progress' || v === 'done'),
  done_at: optional(isString),
  source_sha256: optional(isString),
  paragraphs: (v) => {
    if (!isPlainObject(v)) return false;
    for (const id in v) if (id === '__proto__' || !isEntry(v[id])) return false;
    return true;
  },
  orphans: optional((v) => Array.isArray(v) && v.every((o) => fits(o, ORPHAN, ORPHAN_KEYS))),
  rejected_suggestions: optional((v) => {
    if (!isPlainObject(v)) return false;
    for (const id in v) if (id === '__proto__' || !isStringRecord(v[id])) return false;
    return true;
  }),
};
const FILE_KEYS = ['version', 'article', 'annotator', 'updated_at', 'paragraphs'];

/** The file as the schema would give it, or null: not plainly valid, let the schema say why. */
export function quickAnnotationFile(value: unknown): AnnotationFile | null {
  if (!fits(value, FILE, FILE_KEYS)) return null;
  const file = value as unknown as AnnotationFile;
  file.status ??= 'in_progress';
  file.orphans ??= [];
  for (const entry of Object.values(file.paragraphs)) withNameRecords(entry);
  for (const orphan of file.orphans) withNameRecords(orphan.entry);
  const rejected = file.rejected_suggestions;
  if (rejected) for (const id of Object.keys(rejected)) rejected[id] = nameRecord(Object.entries(rejected[id]!));
  return file;
}

function withNameRecords(entry: ParagraphEntry): void {
  if (entry.suggested_by) entry.suggested_by = nameRecord(Object.entries(entry.suggested_by));
}
