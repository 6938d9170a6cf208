/**
 * The label schema of a workspace, `<workspace>/.pilcrow/schema.json`, shared by the team
 * through the folder. Until someone edits it the file does not exist and the defaults apply, so
 * opening a workspace writes nothing. Saved with the durable adapter; every edit re-reads the
 * file first, so a teammate's change synced in meanwhile is not overwritten.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { checkAndParse, DurableJsonFile, makeFolders, readConfined, SCHEMA_LIMIT, type RecoveryReport } from '../storage';
import { PILCROW_DIR } from '../annotations/paths';
import { applySchemaEdit, renameMap, type SchemaEdit } from '../../core/label-schema';
import { defaultSchema, LABEL_COLOR_PATTERN, LABEL_NAME_PATTERN, type LabelSchema } from '../../shared/labels';
import { sharedFileOptions } from '../workspace/gitignore';

const labelDef = z.object({
  name: z.string().regex(LABEL_NAME_PATTERN),
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
 * The schema's label renames, for readers of layers: read without side effects (a damaged,
 * refused or mid-merge schema gives none here; the schema store reports it).
 */
export async function readRenames(root: string): Promise<ReadonlyMap<string, string>> {
  const bytes = await readConfined(root, schemaFilePath(root), SCHEMA_LIMIT).catch(() => null);
  const read = bytes === null ? null : checkAndParse(bytes, (value) => schemaFile.parse(value) as LabelSchema);
  return read?.ok ? renameMap(read.value) : new Map();
}

export class WorkspaceSchemaStore {
  private current: LabelSchema = defaultSchema();

  private constructor(
    readonly root: string,
    private readonly file: DurableJsonFile<LabelSchema>,
  ) {}

  static async open(root: string, onRecover?: (report: RecoveryReport) => void): Promise<WorkspaceSchemaStore> {
    const file = new DurableJsonFile<LabelSchema>(schemaFilePath(root), {
      ...sharedFileOptions(root),
      limit: SCHEMA_LIMIT,
      parse: (value) => schemaFile.parse(value) as LabelSchema,
      ...(onRecover ? { onRecover } : {}),
    });
    const store = new WorkspaceSchemaStore(root, file);
    await store.reload();
    return store;
  }

  get schema(): LabelSchema {
    return this.current;
  }

  /** Re-reads the file (a teammate may have changed it); defaults when there is none. */
  async reload(): Promise<LabelSchema> {
    this.current = (await this.file.read()) ?? defaultSchema();
    return this.current;
  }

  /** Applies one edit to the newest schema on disk and saves it durably. */
  async edit(edit: SchemaEdit): Promise<LabelSchema> {
    const base = await this.reload();
    const next = applySchemaEdit(base, edit, new Date().toISOString());
    await makeFolders(this.root, join(this.root, PILCROW_DIR));
    await this.file.write(next);
    this.current = next;
    return next;
  }
}
