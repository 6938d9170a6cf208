/**
 * The label schema of a workspace, shared by the team through the folder: `.pilcrow/schema/`
 * (schema-folder.ts), or `.pilcrow/schema.json` in a workspace from before it. Until someone
 * edits labels neither exists and the defaults apply, so opening a workspace writes nothing.
 * Every edit re-reads the schema first, so a teammate's change synced in meanwhile is kept.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { checkAndParse, confinedDurableFs, DurableJsonFile, lstatConfined, makeFolders, readConfined, SCHEMA_LIMIT, writeAtomic, type RecoveryReport } from '../storage';
import { PILCROW_DIR } from '../annotations/paths';
import { applySchemaEdit, renameMap, SchemaEditError, type SchemaEdit } from '../../core/label-schema';
import { defaultSchema, LABEL_COLOR_PATTERN, LABEL_DISPLAY_PATTERN, LABEL_ID_PATTERN, LABEL_NAME_PATTERN, type LabelSchema } from '../../shared/labels';
import { ensureGitignore, sharedFileOptions } from '../workspace/gitignore';
import { labelFilePath, labelFilesOf, labelsFolderPath, modeFileOf, modeFilePath, readSchemaFolder, type SchemaFileProblem, type SchemaFolderRead } from './schema-folder';

const labelDef = z.object({
  id: z.string().regex(LABEL_ID_PATTERN).optional(),
  name: z.string().regex(LABEL_NAME_PATTERN),
  display: z.object({ en: z.string().regex(LABEL_DISPLAY_PATTERN).optional(), fa: z.string().regex(LABEL_DISPLAY_PATTERN).optional() }).optional(),
  color: z.string().regex(LABEL_COLOR_PATTERN),
  key: z.string().max(20),
  description: z.string().max(200),
});

const schemaFile = z.object({
  version: z.literal(1),
  mode: z.enum(['multi', 'single']),
  labels: z.array(labelDef).min(1).max(40),
  retired: z.array(labelDef).default([]),
  renames: z.array(z.object({ from: z.string(), to: z.string(), at: z.string() })).default([]),
}).superRefine((file, ctx) => {
  // A hand-edited or merged file can repeat a label or a key; the app would then count one
  // label twice, or one key would toggle two labels. The editor gets the name, not a guess.
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const label of file.labels) {
    if (names.has(label.name)) ctx.addIssue({ code: 'custom', path: ['labels'], message: `"${label.name}" is listed twice` });
    names.add(label.name);
    const holder = keys.get(label.key);
    if (label.key !== '' && holder !== undefined) ctx.addIssue({ code: 'custom', path: ['labels'], message: `the ${label.key} key is given to both "${holder}" and "${label.name}"` });
    if (label.key !== '') keys.set(label.key, label.name);
  }
});

/** A schema file's content checked as every reader checks it (throws a zod error naming the field). */
export function parseSchemaFile(value: unknown): LabelSchema {
  return schemaFile.parse(value) as LabelSchema;
}

export function schemaFilePath(root: string): string {
  return join(root, PILCROW_DIR, 'schema.json');
}

/**
 * The schema as every reader of layers sees it, read without side effects: the schema folder,
 * else schema.json, else the defaults (a damaged, refused or mid-merge file gives what is left;
 * the schema store reports it).
 */
export async function readSchemaQuietly(root: string): Promise<LabelSchema> {
  const folder = await readSchemaFolder(root).catch(() => null);
  if (folder) return folder.schema.labels.length > 0 ? folder.schema : { ...defaultSchema(), renames: folder.schema.renames };
  const bytes = await readConfined(root, schemaFilePath(root), SCHEMA_LIMIT).catch(() => null);
  const read = bytes === null ? null : checkAndParse(bytes, (value) => schemaFile.parse(value) as LabelSchema);
  return read?.ok ? read.value : defaultSchema();
}

/** The schema's label renames, for readers of layers (readSchemaQuietly). */
export async function readRenames(root: string): Promise<ReadonlyMap<string, string>> {
  return renameMap(await readSchemaQuietly(root));
}

/**
 * The workspace's label schema, read and edited. A workspace whose schema is still one
 * `schema.json` (written before the folder) reads it as before; its first edit writes the folder
 * (`.pilcrow/schema/`) and then removes schema.json, so there is one schema, not two.
 */
export class WorkspaceSchemaStore {
  private current: LabelSchema = defaultSchema();
  private folder: SchemaFolderRead | null = null;
  private readonly reported = new Set<string>();

  private constructor(
    readonly root: string,
    private readonly legacy: DurableJsonFile<LabelSchema>,
    private readonly onRecover: (report: RecoveryReport) => void,
  ) {}

  static async open(root: string, onRecover?: (report: RecoveryReport) => void): Promise<WorkspaceSchemaStore> {
    const legacy = new DurableJsonFile<LabelSchema>(schemaFilePath(root), {
      ...sharedFileOptions(root),
      limit: SCHEMA_LIMIT,
      parse: (value) => schemaFile.parse(value) as LabelSchema,
      ...(onRecover ? { onRecover } : {}),
    });
    const store = new WorkspaceSchemaStore(root, legacy, onRecover ?? (() => {}));
    await store.reload();
    return store;
  }

  get schema(): LabelSchema {
    return this.current;
  }

  /** Files of the schema folder that could not be read (left as they are), from the last read. */
  get problems(): readonly SchemaFileProblem[] {
    return this.folder?.problems ?? [];
  }

  /** Re-reads the schema (a teammate may have changed it); defaults when there is none. */
  async reload(): Promise<LabelSchema> {
    this.folder = await readSchemaFolder(this.root);
    if (this.folder) {
      this.report(this.folder.problems);
      const { schema } = this.folder;
      this.current = schema.labels.length > 0 ? schema : { ...defaultSchema(), mode: schema.mode, retired: schema.retired, renames: schema.renames };
    } else {
      this.current = (await this.legacy.read()) ?? defaultSchema();
    }
    return this.current;
  }

  /** Applies one edit to the newest schema on disk and saves it: only the files it changes. */
  async edit(edit: SchemaEdit): Promise<LabelSchema> {
    const base = await this.reload();
    const unread = this.folder?.problems[0]?.file ?? (this.folder === null && (await this.legacyLeftUnread()) ? schemaFilePath(this.root) : null);
    // Writing now would save a schema without the labels of the file that could not be read.
    if (unread !== null) throw new SchemaEditError('schema-unreadable', { code: 'schema-file-unreadable', file: unread });
    const next = applySchemaEdit(base, edit, new Date().toISOString());
    await this.save(next);
    this.current = next;
    return next;
  }

  /** Writes `schema` as the folder: each label file whose bytes change, mode.json when it changes; then drops schema.json. */
  async save(schema: LabelSchema): Promise<void> {
    const fs = confinedDurableFs(this.root);
    const written = this.folder?.written ?? new Map<string, string>();
    await ensureGitignore(this.root);
    await makeFolders(this.root, labelsFolderPath(this.root));
    for (const [id, text] of labelFilesOf(schema)) {
      if (written.get(id) !== text) await writeAtomic(fs, labelFilePath(this.root, id), encoder.encode(text));
    }
    const mode = modeFileOf(schema);
    if (this.folder?.mode !== mode) await writeAtomic(fs, modeFilePath(this.root), encoder.encode(mode));
    if (this.folder === null && (await lstatConfined(this.root, schemaFilePath(this.root))) !== null) await fs.unlink(schemaFilePath(this.root));
    this.folder = await readSchemaFolder(this.root);
  }

  /** schema.json is there but was not read (mid-merge, a link, too large): it must not be replaced. */
  private async legacyLeftUnread(): Promise<boolean> {
    const there = await lstatConfined(this.root, schemaFilePath(this.root));
    if (there === null) return false;
    const bytes = await readConfined(this.root, schemaFilePath(this.root), SCHEMA_LIMIT).catch(() => null);
    return bytes === null || !checkAndParse(bytes, (value) => schemaFile.parse(value)).ok;
  }

  private report(problems: readonly SchemaFileProblem[]): void {
    for (const p of problems) {
      const key = `${p.file}\u0000${p.problem}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.onRecover({ file: p.file, problem: p.problem, ...(p.said ? { said: p.said } : {}), quarantinedTo: null, restoredFrom: 'none', ...(p.midMerge ? { midMerge: true as const } : {}) });
    }
  }
}

const encoder = new TextEncoder();
