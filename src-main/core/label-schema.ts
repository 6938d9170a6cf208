/**
 * Edits of a workspace's label schema, as pure functions: each returns a new schema or throws a
 * SchemaEditError whose message tells the editor what is wrong and what to do.
 */
import { englishText, type MainMessage } from '../shared/messages';
import { LABEL_COLOR_PATTERN, LABEL_DISPLAY_PATTERN, LABEL_KEY_PATTERN, LABEL_NAME_PATTERN, RESERVED_KEYS, labelIdOf, type LabelDef, type LabelDisplay, type LabelMode, type LabelSchema } from '../shared/labels';

export class SchemaEditError extends Error {
  constructor(
    readonly code: string,
    /** What the editor is told (shared/messages/labels.ts); the message is its English. */
    readonly detail: MainMessage,
  ) {
    super(englishText(detail));
    this.name = 'SchemaEditError';
  }
}

export type SchemaEdit =
  | { op: 'add'; label: LabelDef }
  | { op: 'update'; name: string; color?: string | undefined; key?: string | undefined; description?: string | undefined; display?: LabelDisplay | undefined }
  | { op: 'rename'; from: string; to: string }
  | { op: 'move'; name: string; to: number }
  | { op: 'remove'; name: string }
  | { op: 'restore'; name: string }
  | { op: 'mode'; mode: LabelMode };

export function applySchemaEdit(schema: LabelSchema, edit: SchemaEdit, now: string): LabelSchema {
  const next: LabelSchema = structuredClone(schema);
  switch (edit.op) {
    case 'add': {
      const label = checkLabel(next, { ...edit.label, description: edit.label.description.trim() }, null);
      // A fresh id, never one a label (or a removed one) already has: a suggester or a setting
      // that means the old "quote" must not start meaning a new label that took its name.
      next.labels.push({ ...label, id: freshId(next, label.name) });
      // A new label named like a renamed-away one must not be migrated into the new name.
      next.renames = next.renames.filter((r) => r.from !== label.name);
      next.retired = next.retired.filter((r) => r.name !== label.name);
      return next;
    }
    case 'update': {
      const at = indexOf(next, edit.name);
      const current = next.labels[at] as LabelDef;
      const display = edit.display === undefined ? undefined : { ...current.display, ...edit.display };
      next.labels[at] = checkLabel(next, { ...current, ...definedOnly({ color: edit.color, key: edit.key, description: edit.description?.trim(), display }) }, edit.name);
      return next;
    }
    case 'rename': {
      const at = indexOf(next, edit.from);
      if (edit.from === edit.to) return next;
      const current = next.labels[at] as LabelDef;
      // The id stays the old one (a label from before ids had its name as id): what suggesters
      // and settings say of the label keeps meaning it.
      next.labels[at] = checkLabel(next, { ...current, id: labelIdOf(current), name: edit.to }, edit.from);
      if (next.retired.some((r) => r.name === edit.to)) {
        throw new SchemaEditError('label-exists', { code: 'label-retired-name', name: edit.to });
      }
      // Chains collapse (a→b then b→c means a→c), so any annotator's old files reach the newest name.
      next.renames = next.renames.map((r) => (r.to === edit.from ? { ...r, to: edit.to } : r)).filter((r) => r.from !== edit.to);
      next.renames.push({ from: edit.from, to: edit.to, at: now });
      return next;
    }
    case 'move': {
      const at = indexOf(next, edit.name);
      const [label] = next.labels.splice(at, 1);
      next.labels.splice(Math.max(0, Math.min(next.labels.length, edit.to)), 0, label as LabelDef);
      return next;
    }
    case 'remove': {
      const at = indexOf(next, edit.name);
      if (next.labels.length === 1) throw new SchemaEditError('last-label', { code: 'last-label' });
      const [label] = next.labels.splice(at, 1);
      next.retired.push(label as LabelDef);
      return next;
    }
    case 'restore': {
      const retired = next.retired.find((r) => r.name === edit.name);
      if (!retired) throw new SchemaEditError('unknown-label', { code: 'not-a-removed-label', name: edit.name });
      next.retired = next.retired.filter((r) => r.name !== edit.name);
      // Its old key may have been given away meanwhile: restore without a key rather than fail.
      const keyTaken = next.labels.some((l) => l.key === retired.key);
      next.labels.push(checkLabel(next, { ...retired, key: keyTaken ? '' : retired.key }, null));
      return next;
    }
    case 'mode':
      next.mode = edit.mode;
      return next;
  }
}

/** old name → newest name, for every rename recorded in the schema. */
export function renameMap(schema: Pick<LabelSchema, 'renames'>): Map<string, string> {
  return new Map(schema.renames.map((r) => [r.from, r.to]));
}

/** Applies renames to a label set; returns null when nothing changed (so no write is needed). */
export function migrateLabelSet(labels: readonly string[], renames: ReadonlyMap<string, string>): string[] | null {
  if (!labels.some((l) => renames.has(l))) return null;
  return [...new Set(labels.map((l) => renames.get(l) ?? l))];
}

function indexOf(schema: LabelSchema, name: string): number {
  const at = schema.labels.findIndex((l) => l.name === name);
  if (at < 0) throw new SchemaEditError('unknown-label', { code: 'not-a-label', name });
  return at;
}

function checkLabel(schema: LabelSchema, label: LabelDef, replacing: string | null): LabelDef {
  const others = schema.labels.filter((l) => l.name !== replacing);
  if (!LABEL_NAME_PATTERN.test(label.name)) {
    throw new SchemaEditError('invalid-label', { code: 'invalid-label-name', name: label.name });
  }
  if (others.some((l) => l.name === label.name)) throw new SchemaEditError('label-exists', { code: 'label-exists', name: label.name });
  if (!LABEL_COLOR_PATTERN.test(label.color)) throw new SchemaEditError('invalid-color', { code: 'invalid-color', color: label.color });
  if (label.key !== '') {
    if (!LABEL_KEY_PATTERN.test(label.key)) throw new SchemaEditError('invalid-key', { code: 'invalid-key', key: label.key });
    if (RESERVED_KEYS.includes(label.key)) throw new SchemaEditError('reserved-key', { code: 'reserved-key', key: keyName(label.key) });
    const clash = others.find((l) => l.key === label.key);
    if (clash) throw new SchemaEditError('key-taken', { code: 'key-taken', key: keyName(label.key), label: clash.name });
  }
  if (label.description.length > 200) throw new SchemaEditError('invalid-description', { code: 'invalid-description' });
  const display = displayOf(label.display);
  return { ...(label.id !== undefined ? { id: label.id } : {}), name: label.name, ...(display ? { display } : {}), color: label.color.toLowerCase(), key: label.key, description: label.description };
}

/** Display names trimmed, empty ones dropped; undefined when none is left. */
function displayOf(display: LabelDisplay | undefined): LabelDisplay | undefined {
  const out: LabelDisplay = {};
  for (const language of ['en', 'fa'] as const) {
    const shown = display?.[language]?.trim();
    if (shown === undefined || shown === '') continue;
    if (!LABEL_DISPLAY_PATTERN.test(shown)) throw new SchemaEditError('invalid-display', { code: 'invalid-display-name', name: shown });
    out[language] = shown;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The label's name as its id, or name-2, name-3 … when a label or a removed one has that id.
 * Compared without case: an id names the label's file, and "Quote.json" is "quote.json" on macOS and Windows.
 */
function freshId(schema: LabelSchema, name: string): string {
  const taken = new Set([...schema.labels, ...schema.retired].map((l) => labelIdOf(l).toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  let n = 2;
  while (taken.has(`${name}-${n}`.toLowerCase())) n += 1;
  return `${name}-${n}`;
}

/** The key's caption: "5" for Digit5, "Q" for KeyQ. */
function keyName(code: string): string {
  return code.replace(/^(Digit|Key)/, '');
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Two editors' schemas merged label by label (a schema.json git left mid-merge, docs/teams.md):
 * every label of `ours` in its order, then each label only `theirs` has (a key `ours` already
 * gives away is left empty); renames of both, applied to both sides' labels, so a label one side
 * renamed is renamed in the merge and not brought back under its old name; a label one side removed stays
 * removed unless the other side still has it in use (then it stays a label). `mode` is ours.
 */
export function mergeSchemas(ours: LabelSchema, theirs: LabelSchema): { schema: LabelSchema; added: string[] } {
  const renames = [...ours.renames];
  for (const r of theirs.renames) if (!renames.some((o) => o.from === r.from && o.to === r.to)) renames.push(r);
  const renamed = renameMap({ renames });
  // A rename made on either side applies to both: ours' old name takes theirs' new one.
  const labels: LabelDef[] = [];
  for (const l of ours.labels) {
    const name = renamed.get(l.name) ?? l.name;
    if (!labels.some((o) => o.name === name)) labels.push({ ...l, name });
  }
  const added: string[] = [];
  for (const label of theirs.labels) {
    const name = renamed.get(label.name) ?? label.name;
    if (labels.some((l) => l.name === name)) continue;
    const keyTaken = label.key !== '' && labels.some((l) => l.key === label.key);
    labels.push({ ...label, name, key: keyTaken ? '' : label.key });
    added.push(name);
  }
  const retired: LabelDef[] = [];
  for (const r of [...ours.retired, ...theirs.retired]) {
    if (!labels.some((l) => l.name === r.name) && !retired.some((o) => o.name === r.name)) retired.push({ ...r });
  }
  return { schema: { version: 1, mode: ours.mode, labels, retired, renames: renames.filter((r) => labels.some((l) => l.name === r.to) || retired.some((l) => l.name === r.to)) }, added };
}

/**
 * What suggesters and settings call a label — its id, or a name it had before a rename — and
 * what it is called now. Built-in suggesters and `suggest.json`'s thresholds speak of ids, so a
 * renamed label keeps its suggestions and its threshold (docs/suggestions.md).
 */
export interface LabelNaming {
  /** The name now of the label with this id (a built-in suggester's label); else as nameOf. */
  nameOfId(id: string): string;
  /** The name now for a name (itself) or an old name (a model trained before a rename); anything else as it is. */
  nameOf(name: string): string;
  /** The id of the label with this name now; the name itself when no label has it. */
  idOf(name: string): string;
}

/** What a naming is made from: plain data, so it crosses to the suggester's worker thread. */
export type NamingSource = Pick<LabelSchema, 'labels' | 'retired' | 'renames'>;

export function labelNaming(schema: NamingSource): LabelNaming {
  const all = [...schema.labels, ...schema.retired];
  const names = new Set(all.map((l) => l.name));
  const byId = new Map(all.map((l) => [labelIdOf(l), l.name]));
  const byName = new Map(all.map((l) => [l.name, labelIdOf(l)]));
  const renamed = renameMap(schema);
  return {
    nameOfId: (id) => byId.get(id) ?? (names.has(id) ? id : (renamed.get(id) ?? id)),
    nameOf: (name) => (names.has(name) ? name : (renamed.get(name) ?? name)),
    idOf: (name) => byName.get(name) ?? name,
  };
}
