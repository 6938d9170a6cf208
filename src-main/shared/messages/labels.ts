/** The workspace's labels and the decisions made with them (English). */
import { catalogue } from './define';

const quoted = (names: readonly string[], name: (s: string) => string) => `"${names.map(name).join('", "')}"`;

export const labelMessages = catalogue({
  // Editing the label schema (core/label-schema.ts).
  'label-retired-name': (p: { name: string }, name) => `"${name(p.name)}" is a removed label whose decisions are still in the files; restore it instead, or choose another name.`,
  'last-label': () => 'A workspace needs at least one label: add another before removing this one.',
  'not-a-removed-label': (p: { name: string }, name) => `"${name(p.name)}" is not a removed label of this workspace.`,
  'not-a-label': (p: { name: string }, name) => `"${name(p.name)}" is not a label of this workspace; reopen the settings to see the current labels.`,
  'invalid-label-name': (p: { name: string }, name) => `"${name(p.name)}" cannot be a label name: use 1–40 letters, digits, "_" or "-", no spaces.`,
  'label-exists': (p: { name: string }, name) => `There is already a label named "${name(p.name)}".`,
  'invalid-color': (p: { color: string }, name) => `"${name(p.color)}" is not a colour: use #rrggbb.`,
  'invalid-key': (p: { key: string }, name) => `"${name(p.key)}" cannot be a label key: use a digit or a letter key.`,
  'reserved-key': (p: { key: string }) => `The ${p.key} key is kept for the annotation loop (see the shortcuts sheet); choose another key.`,
  'key-taken': (p: { key: string; label: string }, name) => `The ${p.key} key already toggles "${name(p.label)}"; choose another key or change that label first.`,
  'invalid-description': () => 'Keep the description to one line (200 characters at most).',
  'schema-file-unreadable': (p: { file: string }, name) => `The labels cannot be changed while ${name(p.file)} cannot be read (it is named in the notice bar): a save now would drop what it holds. Finish its merge (Resolve in the notice, or pilcrow resolve), or restore it from git, then try again.`,
  'invalid-display-name': (p: { name: string }, name) => `"${name(p.name)}" cannot be a display name: up to 40 characters, with no control characters.`,
  // Deciding (node/app/handlers/labels.ts, suggest.ts).
  'single-label': (p: { count: number }) => `This workspace is single-label: a paragraph takes one label, not ${p.count}. Switch to multi-label in Settings › Labels to combine them.`,
  'unknown-labels': (p: { labels: string[] }, name) => `${quoted(p.labels, name)} is not a label of this workspace.`,
  'no-threshold-label': (p: { labels: string[] }, name) => `${quoted(p.labels, name)} is not a label of this workspace, so it has no threshold.`,
});
