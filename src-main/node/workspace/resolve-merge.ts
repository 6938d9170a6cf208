/**
 * Finishing a git merge of the files git left with conflict markers in `.pilcrow/`, for
 * `pilcrow resolve` and the app's *Finish the merge* dialog alike (docs/teams.md):
 * - the label schema of a workspace from before the schema folder (`schema.json`): label by label
 *   (core/label-schema.ts, `mergeSchemas`);
 * - a label file: decision by decision, the newer one of each paragraph wins (core/merge-layers.ts);
 * - one label's file (`schema/labels/<id>.json`) or an article's settings (`articles/…json`):
 *   both sides changed the same thing, so one value per field is a person's choice. Each field
 *   the two sides give differently is offered with both values; the app lets the editor pick a
 *   side per field, the CLI keeps this side's value. A label keeps the old names of both sides
 *   (and the name not taken becomes one of them), so every layer still reads right.
 * Each side is checked as every reader checks the file; a file whose sides cannot be read is
 * left as it is. Nothing is written until `resolveMergeFile` is called (the editor confirmed, or
 * the CLI was asked to), and only when the file still holds the bytes that were planned.
 */
import { join } from 'node:path';
import { mergeSchemas } from '../../core/label-schema';
import { mergeLayerInto } from '../../core/merge-layers';
import { conflictSides } from '../../core/merge-conflict-text';
import { hashId } from '../../core/hash';
import { PILCROW_DIR } from '../annotations/paths';
import { LayerSerialiser } from '../annotations/layer-format';
import { annotationFileSchema } from '../annotations/schema';
import { articleSettingsSchema, type ArticleSettings } from '../articles/settings';
import { checkAndParse, checkBytes, confinedDurableFs, LAYER_LIMIT, readConfined, walkConfined, writeAtomic } from '../storage';
import { parseSchemaFile } from '../workspace-schema/schema-store';
import { labelFileSchema, type LabelFile } from '../workspace-schema/schema-folder';

export interface MergeResolution {
  /** Workspace-relative path. */
  path: string;
  resolved: boolean;
  /** What was done, or why it was left. */
  message: string;
}

export type MergeFileKind = 'schema' | 'label' | 'settings' | 'layer' | 'other';

/** One field both sides give differently, with each side's value as JSON text (`null`: not set). */
export interface MergeField {
  field: string;
  ours: string | null;
  theirs: string | null;
}

/** A file mid-merge and how it can be finished. */
export interface MergePlan {
  /** This file in these bytes (the renderer names a file by it, never by its path). */
  id: string;
  /** Workspace-relative path. */
  path: string;
  kind: MergeFileKind;
  /** The line of the first conflict marker. */
  line: number;
  /** What merging it does when it merges by itself (schema, label file). */
  merged?: string;
  /** Fields to choose a side for (a label's file, an article's settings). */
  fields?: MergeField[];
  /** Why it cannot be finished here (finish it by hand). */
  left?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
type Side<T> = { ok: true; value: T } | { ok: false; problem: string };
type Choices = Readonly<Record<string, 'ours' | 'theirs'>>;

interface Planned {
  plan: MergePlan;
  file: string;
  bytes: Uint8Array;
  /** The merged file for these choices (fields not chosen keep this side's value). */
  build?: (choices: Choices, editor: string) => Uint8Array;
}

/** Every file in `.pilcrow/` with conflict markers, each with its plan; nothing is written. */
export async function planMidMerge(root: string): Promise<MergePlan[]> {
  return (await plannedFiles(root)).map((p) => p.plan);
}

/**
 * Writes the merge of one planned file with the editor's choices (a field not chosen keeps this
 * side's value). Refuses when the file changed since it was planned or cannot be merged here.
 */
export async function resolveMergeFile(root: string, id: string, choices: Choices, editor: string): Promise<MergeResolution> {
  const found = (await plannedFiles(root)).find((p) => p.plan.id === id);
  if (!found) return { path: '', resolved: false, message: 'that file changed since it was shown, or no longer holds conflict markers; nothing was written: look at it again' };
  const { plan, file, build } = found;
  if (!build) return { path: plan.path, resolved: false, message: `${plan.path} was left as it is: ${plan.left ?? 'it cannot be merged here'}; finish it by hand (docs/teams.md, "Finishing a merge")` };
  const unknown = Object.keys(choices).filter((f) => !plan.fields?.some((x) => x.field === f));
  if (unknown.length > 0) return { path: plan.path, resolved: false, message: `${plan.path} was left as it is: no field ${unknown.join(', ')} to choose in it` };
  const bytes = build(choices, editor);
  await writeAtomic(confinedDurableFs(root), file, bytes);
  const how = plan.merged ?? chosen(plan.fields ?? [], choices);
  return { path: plan.path, resolved: true, message: `${plan.path}: ${how}; check it, then git add -- ${plan.path} and git commit` };
}

/** `pilcrow resolve`: every file that merges by itself, and each label file and settings file with this side's values. */
export async function resolveMidMerge(root: string): Promise<MergeResolution[]> {
  const results: MergeResolution[] = [];
  for (const { plan } of await plannedFiles(root)) {
    if (plan.kind === 'settings') {
      results.push({ path: plan.path, resolved: false, message: `${plan.path} was left as it is: which value of each field to keep is a person’s choice (${(plan.fields ?? []).map((f) => f.field).join(', ')}); choose in the app (Finish the merge) or by hand` });
      continue;
    }
    results.push(await resolveMergeFile(root, plan.id, {}, ''));
  }
  return results;
}

async function plannedFiles(root: string): Promise<Planned[]> {
  const out: Planned[] = [];
  for (const entry of await walkConfined(root, join(root, PILCROW_DIR), (name) => name.startsWith('.')).catch(() => [])) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.json') || entry.path.startsWith('quarantine/')) continue;
    const file = join(root, PILCROW_DIR, ...entry.path.split('/'));
    const bytes = await readConfined(root, file, LAYER_LIMIT).catch(() => null);
    const check = bytes && checkBytes(bytes);
    if (!bytes || !check || check.ok || !check.midMerge) continue;
    const path = `${PILCROW_DIR}/${entry.path}`;
    // The id changes with the bytes: choices made on one version are never applied to another.
    const base = { id: hashId(`${path}\u0000${decoder.decode(bytes)}`), path, line: check.midMerge.line };
    const sides = conflictSides(decoder.decode(bytes));
    if (!sides) {
      out.push({ plan: { ...base, kind: kindOf(entry.path), left: 'its conflict markers do not pair up' }, file, bytes });
      continue;
    }
    out.push({ ...plan(entry.path, sides, base), file, bytes });
  }
  return out;
}

function chosen(fields: readonly MergeField[], choices: Choices): string {
  const theirs = fields.filter((f) => choices[f.field] === 'theirs').map((f) => f.field);
  const ours = fields.filter((f) => choices[f.field] !== 'theirs').map((f) => f.field);
  const parts = [ours.length ? `kept this side’s ${ours.join(', ')}` : '', theirs.length ? `took the other side’s ${theirs.join(', ')}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'merged (both sides agree on every field)';
}

function kindOf(inside: string): MergeFileKind {
  if (inside === 'schema.json') return 'schema';
  if (inside.startsWith('schema/labels/')) return 'label';
  if (inside.startsWith('articles/')) return 'settings';
  if (inside.startsWith('annotations/')) return 'layer';
  return 'other';
}

function side<T>(text: string, parse: (v: unknown) => T): Side<T> {
  const read = checkAndParse(encoder.encode(text), parse);
  return read.ok ? read : { ok: false, problem: read.problem };
}

function bothRead<T>(ours: Side<T>, theirs: Side<T>, what: string): [T, T] | string {
  if (!ours.ok) return `this side is not ${what} (${ours.problem})`;
  if (!theirs.ok) return `the other side is not ${what} (${theirs.problem})`;
  return [ours.value, theirs.value];
}

function plan(inside: string, sides: { ours: string; theirs: string }, base: { id: string; path: string; line: number }): Omit<Planned, 'file' | 'bytes'> {
  const kind = kindOf(inside);
  const left = (why: string) => ({ plan: { ...base, kind, left: why } });
  if (kind === 'schema') {
    const read = bothRead(side(sides.ours, parseSchemaFile), side(sides.theirs, parseSchemaFile), 'a label schema');
    if (typeof read === 'string') return left(read);
    const { schema, added } = mergeSchemas(...read);
    const merged = `merged label by label: ${schema.labels.map((l) => l.name).join(', ')}${added.length ? ` (from the other side: ${added.join(', ')})` : ''}`;
    return { plan: { ...base, kind, merged }, build: () => encoder.encode(JSON.stringify(schema, null, 2)) };
  }
  if (kind === 'layer') {
    const parse = (v: unknown) => annotationFileSchema.parse(v);
    const read = bothRead(side(sides.ours, parse), side(sides.theirs, parse), 'a label file');
    if (typeof read === 'string') return left(read);
    const [ours, theirs] = read;
    const mine = structuredClone(ours);
    const { taken, kept } = mergeLayerInto(mine, theirs);
    return { plan: { ...base, kind, merged: `merged decision by decision: ${taken} from the other side, ${kept} where both had one kept the newer` }, build: () => new LayerSerialiser().serialise(mine) };
  }
  if (kind === 'label') {
    const read = bothRead(side(sides.ours, (v) => labelFileSchema.parse(v)), side(sides.theirs, (v) => labelFileSchema.parse(v)), "a label's file");
    if (typeof read === 'string') return left(read);
    const [ours, theirs] = read;
    if (ours.id !== theirs.id) return left(`the two sides are two labels (ids ${ours.id} and ${theirs.id})`);
    const fields = differing(labelFields(ours), labelFields(theirs));
    return { plan: { ...base, kind, fields }, build: (choices) => encoder.encode(`${JSON.stringify(mergeLabel(ours, theirs, choices), null, 2)}\n`) };
  }
  if (kind === 'settings') {
    const read = bothRead(side(sides.ours, (v) => articleSettingsSchema.parse(v)), side(sides.theirs, (v) => articleSettingsSchema.parse(v)), "an article's settings");
    if (typeof read === 'string') return left(read);
    const [ours, theirs] = read;
    if (ours.article !== theirs.article) return left(`the two sides are the settings of two articles (${ours.article}, ${theirs.article})`);
    const fields = differing(settingsFields(ours), settingsFields(theirs));
    return { plan: { ...base, kind, fields }, build: (choices, editor) => encoder.encode(`${JSON.stringify(mergeSettings(ours, theirs, choices, editor), null, 2)}\n`) };
  }
  return left('Pilcrow does not know how to merge this file');
}

/** The fields an editor chooses between, as JSON text (null: not set). */
type Fields = Record<string, string | null>;

function differing(ours: Fields, theirs: Fields): MergeField[] {
  return Object.keys({ ...ours, ...theirs })
    .filter((f) => (ours[f] ?? null) !== (theirs[f] ?? null))
    .map((f) => ({ field: f, ours: ours[f] ?? null, theirs: theirs[f] ?? null }));
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

const LABEL_FIELDS = ['name', 'color', 'key', 'description', 'display', 'retired'] as const;
function labelFields(l: LabelFile): Fields {
  return Object.fromEntries(LABEL_FIELDS.map((f) => [f, json(l[f])]));
}

function mergeLabel(ours: LabelFile, theirs: LabelFile, choices: Choices): LabelFile {
  const out: LabelFile = { ...ours };
  for (const f of LABEL_FIELDS) {
    if (choices[f] !== 'theirs') continue;
    const value = theirs[f];
    if (value === undefined) delete (out as Partial<LabelFile>)[f];
    else (out as Record<string, unknown>)[f] = value;
  }
  // Old names of both, and the name not taken: layers that use it still read as this label.
  const former = [...(ours.renamed_from ?? []), ...(theirs.renamed_from ?? [])];
  const other = out.name === ours.name ? theirs : ours;
  if (other.name !== out.name) former.push({ name: other.name, at: new Date().toISOString() });
  const seen = new Set<string>();
  const renamedFrom = former.filter((r) => r.name !== out.name && !seen.has(r.name) && seen.add(r.name));
  if (renamedFrom.length > 0) out.renamed_from = renamedFrom;
  else delete out.renamed_from;
  return out;
}

const SETTINGS_FIELDS = ['encoding', 'segmentation', 'direction', 'lang', 'edits'] as const;
function settingsFields(s: ArticleSettings): Fields {
  return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, f === 'edits' && s.edits.length === 0 ? null : json(s[f])]));
}

function mergeSettings(ours: ArticleSettings, theirs: ArticleSettings, choices: Choices, editor: string): ArticleSettings {
  const out: ArticleSettings = { ...ours, updated_at: new Date().toISOString(), ...(editor ? { updated_by: editor } : {}) };
  for (const f of SETTINGS_FIELDS) {
    if (choices[f] !== 'theirs') continue;
    const value = theirs[f];
    if (value === undefined) delete (out as Partial<ArticleSettings>)[f];
    else (out as Record<string, unknown>)[f] = value;
  }
  return articleSettingsSchema.parse(out);
}
