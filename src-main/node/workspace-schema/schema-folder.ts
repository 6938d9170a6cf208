/**
 * The label schema as a folder, `.pilcrow/schema/`: one file per label
 * (`labels/<id>.json`) and `mode.json`, so two editors who each add a label — or change two
 * different labels — change different files and git merges them without a conflict
 * (docs/storage.md, docs/teams.md). A rename is kept in the renamed label's own file
 * (`renamed_from`), so it travels with the label. Every file is a teammate's, read as untrusted
 * input: size-limited, no link followed, checked; one that cannot be read is named and left
 * exactly as it is, and its label is missing from the schema until someone fixes it (its
 * decisions stay in the label files). Nothing here ever moves or rewrites a file it read.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { conflictCopyName } from '../annotations/conflict-copies';
import { PILCROW_DIR } from '../annotations/paths';
import { checkAndParse, listConfined, lstatConfined, midMergeProblem, readConfined, RefusedFileError, type ReadLimit } from '../storage';
import { LABEL_COLOR_PATTERN, LABEL_DISPLAY_PATTERN, LABEL_ID_PATTERN, LABEL_NAME_PATTERN, labelIdOf, type LabelDef, type LabelMode, type LabelRename, type LabelSchema } from '../../shared/labels';
import type { MainMessage } from '../../shared/messages';

export const SCHEMA_FOLDER = 'schema';

/** One label's file: far below this; a larger one is refused unread. */
export const LABEL_FILE_LIMIT: ReadLimit = { maxBytes: 64 * 1024, what: "a label's definition", advice: 'restore the file from git, or remove it (the label then leaves the schema; its decisions stay)' };

/** More label files than this are not read (a schema holds at most 40 labels, plus removed ones). */
export const MAX_LABEL_FILES = 400;

const at = z.string().max(64);

export const labelFileSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(LABEL_ID_PATTERN),
  name: z.string().regex(LABEL_NAME_PATTERN),
  order: z.number().int().min(0).max(100_000),
  color: z.string().regex(LABEL_COLOR_PATTERN),
  key: z.string().max(20),
  description: z.string().max(200),
  display: z.object({ en: z.string().regex(LABEL_DISPLAY_PATTERN).optional(), fa: z.string().regex(LABEL_DISPLAY_PATTERN).optional() }).optional(),
  retired: z.literal(true).optional(),
  /** Names this label had before (renames), oldest first; readers of layers map them to `name`. */
  renamed_from: z.array(z.object({ name: z.string().regex(LABEL_NAME_PATTERN), at })).max(100).optional(),
});
export type LabelFile = z.infer<typeof labelFileSchema>;

const modeFileSchema = z.object({ version: z.literal(1), mode: z.enum(['multi', 'single']) });

export function schemaFolderPath(root: string): string {
  return join(root, PILCROW_DIR, SCHEMA_FOLDER);
}

export function labelsFolderPath(root: string): string {
  return join(schemaFolderPath(root), 'labels');
}

/** Names Windows keeps for devices, whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A label's file name: its id (letters, digits, `_` and `-`: safe as a name everywhere), with a
 * `_` in front of a name Windows keeps for a device. Readers take the id from the file, not its name.
 */
export function labelFilePath(root: string, id: string): string {
  return join(labelsFolderPath(root), `${WINDOWS_DEVICE.test(id) ? '_' : ''}${id}.json`);
}

export function modeFilePath(root: string): string {
  return join(schemaFolderPath(root), 'mode.json');
}

/** A file of the folder that was not read, and why (for the notice bar, doctor and the resolve). */
export interface SchemaFileProblem {
  file: string;
  problem: string;
  /** For the editor in their language; absent for a file mid-merge (its problem says how to finish). */
  said?: MainMessage;
  /** It holds git conflict markers from this line. */
  midMerge?: { line: number };
}

export interface SchemaFolderRead {
  schema: LabelSchema;
  /** Each label file's bytes as read, by id: a save writes only the files whose bytes change. */
  written: Map<string, string>;
  mode: string | null;
  problems: SchemaFileProblem[];
  /** Keys two labels both claim: the later label's key is read as none (named here). */
  keyClashes: { key: string; kept: string; cleared: string }[];
}

const decoder = new TextDecoder();

function unread(file: string, problem: string): SchemaFileProblem {
  return { file, problem, said: { code: 'read-failed', path: file, detail: problem } };
}

type Checked<T> = { ok: true; value: T; text: string } | { ok: false; problem: SchemaFileProblem } | { ok: false; absent: true };

async function readChecked<T>(root: string, file: string, limit: ReadLimit, parse: (v: unknown) => T): Promise<Checked<T>> {
  let bytes: Uint8Array;
  try {
    bytes = await readConfined(root, file, limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, absent: true };
    if (error instanceof RefusedFileError) return { ok: false, problem: { file, problem: error.problem, said: error.said } };
    return { ok: false, problem: unread(file, error instanceof Error ? error.message : String(error)) };
  }
  const check = checkAndParse(bytes, parse);
  if (!check.ok && check.midMerge) {
    // Said as every shared file mid-merge is (storage/errors.ts): which line, and how to finish.
    const problem = midMergeProblem(file, check.midMerge.line);
    return { ok: false, problem: { file, problem, midMerge: check.midMerge } };
  }
  if (!check.ok) return { ok: false, problem: { file, problem: check.problem, said: check.said } };
  return { ok: true, value: check.value, text: decoder.decode(bytes) };
}

/** Reads `.pilcrow/schema/`; null when the workspace has no schema folder (then schema.json or the defaults apply). */
export async function readSchemaFolder(root: string): Promise<SchemaFolderRead | null> {
  const problems: SchemaFileProblem[] = [];
  const entries = await listConfined(root, labelsFolderPath(root)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    // A link or a file where the folder should be: named, left alone, and no label read from it.
    problems.push(error instanceof RefusedFileError ? { file: labelsFolderPath(root), problem: error.problem, said: error.said } : unread(labelsFolderPath(root), error.message));
    return [];
  });
  // No labels folder: the schema is the folder only if mode.json is there (then the defaults' labels).
  if (entries === null && (await lstatConfined(root, modeFilePath(root)).catch(() => null)) === null) return null;
  const files: { file: LabelFile; text: string; path: string }[] = [];
  const names = (entries ?? [])
    .filter((e) => !e.name.startsWith('.') && e.name.endsWith('.json') && conflictCopyName(e.name) === null)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of names.slice(0, MAX_LABEL_FILES)) {
    const path = join(labelsFolderPath(root), entry.name);
    if (entry.kind === 'folder') {
      problems.push(unread(path, 'it is a folder, not a label file; Pilcrow left it as it is'));
      continue;
    }
    // A link or a special file is refused by the confined read itself, with what it is and no byte read.
    const read = await readChecked(root, path, LABEL_FILE_LIMIT, (v) => labelFileSchema.parse(v));
    if (read.ok) files.push({ file: read.value, text: read.text, path });
    else if ('problem' in read) problems.push(read.problem);
  }
  if (names.length > MAX_LABEL_FILES) {
    problems.push(unread(labelsFolderPath(root), `${names.length} label files; only the first ${MAX_LABEL_FILES} were read`));
  }
  const modeRead = await readChecked(root, modeFilePath(root), LABEL_FILE_LIMIT, (v) => modeFileSchema.parse(v));
  let mode: LabelMode = 'multi';
  if (modeRead.ok) mode = modeRead.value.mode;
  else if ('problem' in modeRead) problems.push(modeRead.problem);
  const built = schemaOfFiles(files, problems);
  return { ...built, schema: { ...built.schema, mode }, mode: modeRead.ok ? modeRead.text : null, problems };
}

/**
 * Label files as a schema: in `order` (ties by id, as two editors who each add a label give both
 * the next place), a second file with an id or a name already read is named and left out, and of
 * two labels given one key the first keeps it.
 */
function schemaOfFiles(files: { file: LabelFile; text: string; path: string }[], problems: SchemaFileProblem[]): Omit<SchemaFolderRead, 'problems' | 'mode'> {
  const sorted = [...files].sort((a, b) => a.file.order - b.file.order || (a.file.id < b.file.id ? -1 : a.file.id > b.file.id ? 1 : 0));
  const labels: LabelDef[] = [];
  const retired: LabelDef[] = [];
  const renames: LabelRename[] = [];
  const written = new Map<string, string>();
  const keyClashes: SchemaFolderRead['keyClashes'] = [];
  const keys = new Map<string, string>();
  for (const { file, text, path } of sorted) {
    const all = [...labels, ...retired];
    const twin = all.find((l) => labelIdOf(l) === file.id) ?? all.find((l) => l.name === file.name);
    if (twin) {
      problems.push(unread(path, `it defines the label "${file.name}" (id ${file.id}) a second time (already in ${twin.name === file.name ? 'another file' : `the file of "${twin.name}"`}); it was left as it is and not used: remove one of the two`));
      continue;
    }
    let key = file.key;
    const holder = key === '' || file.retired ? undefined : keys.get(key);
    if (holder !== undefined) {
      keyClashes.push({ key, kept: holder, cleared: file.name });
      key = '';
    } else if (key !== '' && !file.retired) keys.set(key, file.name);
    const label: LabelDef = { id: file.id, name: file.name, ...(file.display ? { display: file.display } : {}), color: file.color.toLowerCase(), key, description: file.description };
    (file.retired ? retired : labels).push(label);
    for (const r of file.renamed_from ?? []) renames.push({ from: r.name, to: file.name, at: r.at });
    written.set(file.id, text);
  }
  // An old name that is now another label's own name is that label's, not a rename.
  const named = new Set([...labels, ...retired].map((l) => l.name));
  return { schema: { version: 1, mode: 'multi', labels, retired, renames: renames.filter((r) => !named.has(r.from)) }, written, keyClashes };
}

/** The file of each label (and removed label) of `schema`, in its canonical bytes. */
export function labelFilesOf(schema: LabelSchema): Map<string, string> {
  const out = new Map<string, string>();
  const all = [...schema.labels.map((l) => ({ l, retired: false })), ...schema.retired.map((l) => ({ l, retired: true }))];
  all.forEach(({ l, retired }, order) => {
    const id = labelIdOf(l);
    const renamedFrom = schema.renames.filter((r) => r.to === l.name).map((r) => ({ name: r.from, at: r.at }));
    const file: LabelFile = {
      version: 1,
      id,
      name: l.name,
      order,
      color: l.color,
      key: l.key,
      description: l.description,
      ...(l.display ? { display: l.display } : {}),
      ...(retired ? { retired: true as const } : {}),
      ...(renamedFrom.length > 0 ? { renamed_from: renamedFrom } : {}),
    };
    out.set(id, `${JSON.stringify(file, null, 2)}\n`);
  });
  return out;
}

export function modeFileOf(schema: LabelSchema): string {
  return `${JSON.stringify({ version: 1, mode: schema.mode }, null, 2)}\n`;
}
