/** Teammates' layers: import, review, gold, agreement, conflict copies, exports (English). */
import { catalogue, type Said } from './define';

const list = (names: readonly string[], name: (s: string) => string) => names.map(name).join(', ');

export const teamworkMessages = catalogue({
  // Import (node/import, node/app/handlers/import.ts).
  'import-unavailable': () => 'Import is not available here.',
  'import-own-layer': (p: { name: string }, name) =>
    `That file holds labels of "${name(p.name)}", which is you in this app: import it under another name, or close the app and run pilcrow import.`,
  'import-resolved': (p: { file: string }, name) =>
    `${name(p.file)}: holds resolved answers (resolved_from), not one annotator's layer; import it with --annotator NAME (in the app: type the layer name) to choose the layer`,
  'import-several-layers': (p: { file: string; layers: string[] }, name) =>
    `${name(p.file)}: holds the layers of ${list(p.layers, name)}; import it without choosing an annotator so each goes to its own layer, or export one layer at a time`,
  'import-bad-name': (p: { file: string; name: string }, name) =>
    `${name(p.file)}: "${name(p.name)}" cannot be an annotator name (letters, digits, "_", "-", "."; no spaces); import it with --annotator NAME`,
  'import-empty': (p: { file: string }, name) => `${name(p.file)}: is empty; nothing to import`,
  'import-cut-short': (p: { file: string }, name) => `${name(p.file)}: is not valid JSON; was it cut short? Export it again`,
  'import-not-export': (p: { file: string }, name) =>
    `${name(p.file)}: is not a Pilcrow export (it has no "records" list, and is not one record either); export the labels from Pilcrow again`,
  'import-grew': (p: { file: string; max: number; advice: string }, name) => `${name(p.file)}: grew past ${p.max} bytes while it was read; ${p.advice}`,
  'import-unreadable': (p: { file: string; reason: string }, name) => `${name(p.file)}: cannot read it (${p.reason})`,
  'import-not-utf8': (p: { file: string }, name) => `${name(p.file)}: is not UTF-8 text; save it as UTF-8 and import it again`,
  'import-bad-document': (p: { file: string; detail: string }, name) => `${name(p.file)}: is not a Pilcrow export document (${p.detail})`,
  'import-no-records': (p: { file: string }, name) => `${name(p.file)}: holds no records; nothing to import`,
  'import-bad-line': (p: { file: string; line: number }, name) => `${name(p.file)}, line ${p.line}: is not valid JSON; fix or remove that line, or export the file again`,
  'import-bad-record': (p: { file: string; where: string; detail: string }, name) =>
    `${name(p.file)}, ${p.where}: is not a Pilcrow export record (${p.detail}); nothing was imported`,
  'import-gold-refused': (p: { file: string; where: string; count: number; app: boolean }, name) =>
    `${name(p.file)}, ${p.where}: nothing was imported: ${p.count === 1 ? 'a record is' : `${p.count} records are`} for the gold layer (the reviewers' adjudicated answers, which decide resolution and scoring); ${p.app ? 'if it holds adjudicated answers you trust, tick “These are adjudicated answers (gold)” and import it again' : 'if it holds adjudicated answers you trust, import it again with --as-gold'}`,

  // Review and agreement (node/app/handlers/review.ts, node/review).
  'unknown-annotators': (p: { annotators: string[] }, name) => `No layer for ${list(p.annotators, name)} in this workspace.`,
  'repeated-labels': (p: { annotator: string; article: string; labels: string[]; paragraphs: number }, name) =>
    `${name(p.annotator)}'s label file for ${name(p.article)} lists ${p.labels.map((l) => `"${name(l)}"`).join(', ')} more than once on ${p.paragraphs === 1 ? 'one paragraph' : `${p.paragraphs} paragraphs`}; each label is counted once (the file is left as it is).`,
  'replies-unread': (p: { file: string; line: number; problem: 'not-utf8' | 'not-json' | 'header' | 'owner' | 'entry' | 'mid-merge' | 'link' | 'special' | 'too-large' }, name) => {
    const what = {
      'not-utf8': 'it is not UTF-8 text',
      'not-json': 'it is not JSON',
      header: 'it should be the header {"version":1,"annotator":"…"}',
      owner: 'its header names another annotator than the file',
      entry: 'it is not a reply {"id","article","paragraph","text","at"} (a reply is 1 to 10,000 characters)',
      'mid-merge': 'git left a conflict marker there; finish the merge (docs/teams.md)',
      link: 'it is a link; Pilcrow follows no link in .pilcrow/',
      special: 'it is not a regular file (a pipe or a device)',
      'too-large': 'it is larger than 16 MB',
    }[p.problem];
    return `${name(p.file)}${p.line ? `, line ${p.line}` : ''}: ${what}. Its replies are not shown and the file was left as it is; restore it from git (git checkout -- ${name(p.file)}) or ask its author.`;
  },
  'layer-admin': (p: { problem: 'unknown' | 'exists' | 'reserved' | 'yours' | 'same' | 'unreadable' | 'restored' | 'no-record'; name: string; other: string }, name) =>
    ({
      unknown: `There is no layer ${name(p.name)} in this workspace.`,
      exists: `A layer ${name(p.name)} exists already: merge ${p.other ? name(p.other) : 'the layer'} into it instead, or rename or remove it first.`,
      reserved: `${name(p.name)} cannot be changed or used here: gold is the reviewers' layer, and a name is letters, digits, "_", "-", "." with no spaces.`,
      yours: `${name(p.name)} is you in this app: your own layer cannot be renamed, merged or removed while you label as ${name(p.name)}.`,
      same: `A layer cannot be merged into itself (${name(p.name)}).`,
      unreadable: `${name(p.name)}'s label file for ${name(p.other)} could not be read (see the notice); nothing was changed. Fix or restore that file first.`,
      restored: `That layer of ${name(p.name)} was restored already.`,
      'no-record': `${name(p.name)} is not a removed layer of this workspace.`,
    })[p.problem],
  'agreement-unknown': (p: { annotators: string[]; root: string; here: string[] }, name) =>
    `no layer for annotator(s) ${list(p.annotators, name)} in ${name(p.root)}; annotators here: ${list(p.here, name) || 'none'}`,
  'agreement-too-few': (p: { root: string; here: string[] }, name) => `agreement needs at least two annotators; ${name(p.root)} has ${p.here.length ? list(p.here, name) : 'none'}`,

  /** A sync tool's copy of a shared file under .pilcrow/ (node/workspace/conflict-files.ts). */
  'shared-conflict-copy': (p: { path: string; of: string; tool: string; kind: 'layer' | 'schema' | 'settings' | 'suggest' | 'predictions' | 'file'; what: string; annotator: string | null }, name) => {
    const what = { layer: `${name(p.annotator ?? '')}'s labels for ${name(p.what)} (not a missing article)`, schema: 'the label schema', settings: `how ${name(p.what)} is read`, suggest: 'the suggestion settings', predictions: 'imported predictions', file: name(p.what) }[p.kind];
    const todo = p.kind === 'layer' ? `${name(p.annotator ?? '')} merges it in Pilcrow's Review view, under conflict copies (the newer decision of each paragraph wins), which sets the copy aside.` : `Compare the two, bring into ${name(p.of)} what only the copy has, then delete the copy.`;
    return `${name(p.path)} is a conflict copy ${p.tool} made of ${what} when two machines changed it at once; Pilcrow reads only ${name(p.of)} and leaves the copy as it is. ${todo}`;
  },
  // Conflict copies (node/app/handlers/conflicts.ts, node/annotations/merge-conflict-copy.ts).
  'unknown-conflict': () => 'That conflict copy is no longer there; refresh the list.',
  'not-your-layer': (p: { file: string; owner: string }, name) => `${name(p.file)} belongs to ${name(p.owner)}; only their Pilcrow merges it.`,
  'conflict-not-json': (p: { file: string; detail: string }, name) => `${name(p.file)} cannot be read as JSON (${p.detail}); it was left where it is.`,
  'conflict-not-layer': (p: { file: string; detail: string }, name) => `${name(p.file)} is not a Pilcrow layer file (${p.detail}); it was left where it is.`,

  // Exports (node/app/handlers/export.ts).
  'export-busy': () => 'An export is already running: wait for it or cancel it first.',
  'export-cancelled': () => 'Export cancelled; nothing was written.',
  'export-choice': (p: { detail: string }) => `Cannot export: ${p.detail}.`,
  /** A split with a weight above 0 would get no article (node/export/run-export.ts): refused until the editor allows it. */
  'export-empty-split': (p: { ratios: number[]; articles: number; counts: number[]; empty: string[]; app: boolean }) => {
    const empty = `${p.empty.join(' and ')} would get no article`;
    const counts = `train ${p.counts[0]}, dev ${p.counts[1]}, test ${p.counts[2]}`;
    const todo = p.app ? 'Export anyway, or change the weights (0 for a split you do not want).' : `Label more articles, change the weights (0 for a split you do not want), or pass --allow-empty-split to write it anyway`;
    return `Splitting ${p.articles} article${p.articles === 1 ? '' : 's'} ${p.ratios.join('/')}: ${empty} (${counts}); nothing was written. ${todo}`;
  },
  // Show in folder (node/app/handlers/export.ts).
  'export-unknown': () => 'This window no longer knows that export; find it in your file manager.',
  'export-gone': (p: { file: string }, name) => `${name(p.file)} is no longer there: it was moved or deleted after the export.`,
  'export-reveal-unavailable': () => 'Show in folder is not available here.',
  // Where an export may not be written (node/export/target.ts); the CLI prints these after "pilcrow: ".
  'export-in-pilcrow': (p: { file: string; folder: string }, name) =>
    `cannot write the export to ${name(p.file)}: it is inside the workspace's ${p.folder} folder, which holds its label schema, settings and everyone's labels. Choose a file outside ${p.folder}/, for example beside the workspace folder`,
  'export-over-article': (p: { file: string; article: string }, name) =>
    `cannot write the export to ${name(p.file)}: inside the workspace, that name is an article (${name(p.article)}) and the export would replace it or be read as one. Choose another name (a .json or .csv file) or a folder outside the workspace`,
  /** The app's sentence for a refused target: the same, capitalised, as a sentence. */
  'export-target': (p: { refused: Said }, _name, say) => {
    const text = say(p.refused);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
});
