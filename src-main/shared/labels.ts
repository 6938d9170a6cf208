/** A label an editor can put on a paragraph. `key` is the physical key (KeyboardEvent.code) that toggles it. */
export interface LabelDef {
  name: string;
  color: string;
  key: string;
  description: string;
}

/** The four labels every new workspace starts with; digits bound by physical key so a Persian layout works. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'quote', color: '#2f6fde', key: 'Digit1', description: 'Reported or direct speech attributed to someone' },
  { name: 'claim', color: '#c2410c', key: 'Digit2', description: 'A checkable statement of fact, figure or cause' },
  { name: 'boilerplate', color: '#6b7280', key: 'Digit3', description: 'Navigation, end markers, repeated site text' },
  { name: 'ad', color: '#a21caf', key: 'Digit4', description: 'Sponsor names, promotions, links to buy' },
];

/** Label names are stored in files and exported; keep them to letters, digits, `_` and `-`. */
export const LABEL_NAME_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

/** Annotator names become folder names inside the workspace: letters (any script), digits, `_`, `-`, `.`. */
export const ANNOTATOR_NAME_PATTERN = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,63}$/u;
