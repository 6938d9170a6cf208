/** A label an editor can put on a paragraph. `key` is the physical key (KeyboardEvent.code) that toggles it. */
export interface LabelDef {
  name: string;
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

/** Label names are stored in files and exported; keep them to letters, digits, `_` and `-`. */
export const LABEL_NAME_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

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
