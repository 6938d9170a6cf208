/**
 * How much of each kind of file Pilcrow reads (storage/confined-fs.ts refuses a larger one before
 * reading it, naming the file, the limit and what to do). Each limit is far above what Pilcrow
 * itself writes, and low enough that reading the file cannot exhaust memory
 * (docs/reliability.md, "What a teammate's files can and cannot do").
 */
import type { ReadLimit } from './confined-fs';

const MB = 1048576;

/** `.pilcrow/schema.json`: at most 40 labels. */
export const SCHEMA_LIMIT: ReadLimit = { maxBytes: 1 * MB, what: 'a label schema', advice: 'restore .pilcrow/schema.json from git or a backup, or remove it to use the default labels' };

/** `.pilcrow/suggest.json`. */
export const SUGGEST_SETTINGS_LIMIT: ReadLimit = { maxBytes: 1 * MB, what: 'suggestion settings', advice: 'restore .pilcrow/suggest.json from git or a backup, or remove it to use the defaults' };

/** `.pilcrow/articles/<article>.json`: encoding, segmentation and the editor's splits and merges. */
export const ARTICLE_SETTINGS_LIMIT: ReadLimit = { maxBytes: 4 * MB, what: "an article's settings", advice: 'restore the file from git or a backup, or remove it to read the article as detected' };

/**
 * A label file (`.pilcrow/annotations/<annotator>/<article>.json`): its anchors quote each
 * paragraph (up to 2,000 characters), so a label file of a 20 MB article stays under this.
 */
export const LAYER_LIMIT: ReadLimit = { maxBytes: 32 * MB, what: 'a label file', advice: 'no article gives a label file this large: ask whoever wrote it, or move it out of .pilcrow/annotations/' };

/** The app's own settings in user data. */
export const APP_SETTINGS_LIMIT: ReadLimit = { maxBytes: 1 * MB, what: 'the app settings', advice: 'remove settings.json from the user-data folder; Pilcrow starts with its defaults' };

/** `.pilcrow/predictions/*.jsonl` and `--predictions FILE`. */
export const PREDICTIONS_LIMIT: ReadLimit = { maxBytes: 64 * MB, what: 'a predictions file', advice: 'split it into several .jsonl files (by article) in .pilcrow/predictions/' };

/** An export chosen for import. */
export const IMPORT_LIMIT: ReadLimit = { maxBytes: 256 * MB, what: 'an export to import', advice: 'export fewer layers or articles at a time, or split the JSONL export into parts, and import each' };

/** `guidelines.md`, shown in the guidelines panel. */
export const GUIDELINES_LIMIT: ReadLimit = { maxBytes: 1 * MB, what: 'the guidelines panel', advice: 'shorten guidelines.md or split it' };

/** Derived data in user data (kept agreement tallies, progress summaries): a larger file is ignored and rebuilt. */
export const KEPT_DATA_LIMIT: ReadLimit = { maxBytes: 256 * MB, what: 'derived data kept in user data', advice: 'it is rebuilt on the next report' };

/** `.pilcrow/replies/<annotator>.jsonl`: one line per reply, each at most 10,000 characters. */
export const REPLIES_LIMIT: ReadLimit = { maxBytes: 16 * MB, what: "an editor's replies", advice: 'no team writes this many replies: restore the file from git, or ask its author' };

/** `.pilcrow/assignments/<annotator>.jsonl`: one short line per assigned article (100,000 articles ≈ 6 MB). */
export const ASSIGNMENTS_LIMIT: ReadLimit = { maxBytes: 16 * MB, what: "an annotator's assignments", advice: 'no workspace needs an assignment file this large: restore it from git, or remove it and run pilcrow assign again' };
