/** How a label is shown to editors of each UI language; absent means its name. */
export interface LabelDisplay {
  en?: string;
  fa?: string;
}

/**
 * A label an editor can put on a paragraph. `key` is the physical key (KeyboardEvent.code) that
 * toggles it. `id` never changes (suggesters and settings refer to it); `name` is what label
 * files and exports say, and a rename changes it. A label written before ids existed has none:
 * its id is its name (labelIdOf).
 */
export interface LabelDef {
  id?: string;
  name: string;
  /** Display names by UI language (docs/storage.md); the name is shown where one is missing. */
  display?: LabelDisplay;
  color: string;
  key: string;
  description: string;
}

/** Multi-label: a paragraph can be a quote and a claim. Single-label: one label a paragraph. */
export type LabelMode = 'multi' | 'single';

/** A label renamed in the workspace schema; each annotator's app migrates its own files. */
export interface LabelRename {
  from: string;
  to: string;
  at: string;
}

/** The workspace's label schema (`<workspace>/.pilcrow/schema.json`), shared by the team. */
export interface LabelSchema {
  version: 1;
  mode: LabelMode;
  labels: LabelDef[];
  /** Removed labels: their decisions stay in the files and they can be restored. */
  retired: LabelDef[];
  renames: LabelRename[];
}

/** The four labels every new workspace starts with; digits bound by physical key so a Persian layout works. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'quote', color: '#2f6fde', key: 'Digit1', description: 'Reported or direct speech attributed to someone' },
  { name: 'claim', color: '#c2410c', key: 'Digit2', description: 'A checkable statement of fact, figure or cause' },
  { name: 'boilerplate', color: '#6b7280', key: 'Digit3', description: 'Navigation, end markers, repeated site text' },
  { name: 'ad', color: '#a21caf', key: 'Digit4', description: 'Sponsor names, promotions, links to buy' },
];

export function defaultSchema(): LabelSchema {
  return { version: 1, mode: 'multi', labels: DEFAULT_LABELS.map((l) => ({ ...l })), retired: [], renames: [] };
}

/** A label's stable id: its own, or its name for a label from before ids (migration-free read). */
export function labelIdOf(label: Pick<LabelDef, 'id' | 'name'>): string {
  return label.id ?? label.name;
}

/** What an editor of `language` sees for the label. */
export function labelCaption(label: Pick<LabelDef, 'name' | 'display'>, language: string): string {
  const shown = language === 'fa' ? label.display?.fa : language === 'en' ? label.display?.en : undefined;
  return shown && shown.trim() !== '' ? shown : label.name;
}

/** What an editor of `language` sees for a label named `name`: its caption, or the name itself for a label not in `schema`. */
export function captionOfName(schema: readonly LabelDef[], name: string, language: string): string {
  const label = schema.find((l) => l.name === name);
  return label ? labelCaption(label, language) : name;
}

/**
 * Display names: any script (ZWNJ included, Persian needs it), up to 40 characters; no control
 * characters and no bidi embeddings, which would reorder the text around them.
 */
export const LABEL_DISPLAY_PATTERN = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]{0,40}$/u;

/** Label names are stored in files and exported; keep them to letters, digits, `_` and `-`. */
export const LABEL_NAME_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

/** A label's id names its file in `.pilcrow/schema/labels/`: a name, or a name with a `-N` suffix. */
export const LABEL_ID_PATTERN = /^[\p{L}\p{N}_-]{1,48}$/u;

/** Colours are stored as #rrggbb so every tool (and `<input type=color>`) reads them. */
export const LABEL_COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

/** Physical keys a label may use: digits, and letters the annotation loop does not use itself. */
export const LABEL_KEY_PATTERN = /^(Digit[0-9]|Key[A-Z])$/;

/**
 * Physical keys the annotation loop keeps for itself (docs/shortcuts.md): moving, articles,
 * next undecided, flag, note, guidelines, done, select all, undo/redo. A label cannot take them.
 */
export const RESERVED_KEYS: readonly string[] = ['KeyJ', 'KeyK', 'KeyN', 'KeyP', 'KeyU', 'KeyF', 'KeyC', 'KeyG', 'KeyD', 'KeyZ', 'KeyY', 'KeyA'];

/** Annotator names become folder names inside the workspace: letters (any script), digits, `_`, `-`, `.`. */
export const ANNOTATOR_NAME_PATTERN = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,63}$/u;

/** The reserved annotator name of the reviewers' adjudicated layer, and the `gold` step of export resolution (core/resolve.ts). */
export const GOLD_ANNOTATOR = 'gold';
