/** Plain data the main process sends to the renderer. No paths are ever sent back. */
import type { MainMessage } from './messages';
import type { ArticleSourceView } from './article-source';
import type { LabelDef, LabelMode } from './labels';

/** This annotator's progress on one article (docs/storage.md, the decision model). */
export interface ArticleProgress {
  status: 'untouched' | 'in_progress' | 'done';
  /** Paragraphs with a decision: labelled or reviewed — none. */
  decided: number;
  labelled: number;
  flagged: number;
  /** label -> paragraphs carrying it. */
  labelCounts: Record<string, number>;
}

/**
 * One paragraph's decision as the renderer sees it; absent from `decisions` = untouched.
 * Defaults are left out (a long article's reply carries thousands of these).
 */
export interface DecisionView {
  labels: string[];
  /** Set when the entry only holds a note or a flag (the paragraph is still untouched), as on disk. */
  undecided?: true;
  via?: 'done' | 'import' | 'suggestion';
  /** label -> suggester, for labels accepted from a suggestion. */
  suggestedBy?: Record<string, string>;
  note?: string;
  flagged?: boolean;
  recheck?: string;
}

export interface ArticleSummary {
  id: string;
  /** Workspace-relative POSIX path, for display and export only. */
  path: string;
  title: string;
  format: string;
  paragraphCount: number;
  labelledCount: number;
  /** Absent for a file that could not be read. */
  progress?: ArticleProgress;
  /** Set when the file could not be read (why, shared/messages); the article cannot be opened. */
  error?: MainMessage;
  /** With `error`: the file is gone but has labels (kept; docs/formats.md). */
  missing?: boolean;
  /** With `error`: a sync tool's conflict copy of a shared file under .pilcrow/ (docs/teams.md), not an article. */
  conflictCopy?: boolean;
  /** Readable, but something was lost or guessed (bytes replaced by U+FFFD); shown in the list. */
  problem?: MainMessage;
  /**
   * Not read yet: the list is sent before every article is read (issue 8), so `title` is the
   * file's name, the counts are 0 and there is no progress; a `workspace.counts` event brings
   * the full summary (which may also turn out to be an error).
   */
  pending?: true;
}

/** Full summaries of articles a workspace list sent as pending, in batches as they are read. */
export interface WorkspaceCountsEvent {
  root: string;
  /** The list they complete: a list replaces the summaries of any list before it. */
  listId: number;
  articles: ArticleSummary[];
  /** The last batch: every article of that list has its summary. */
  done: boolean;
}

export interface WorkspaceView {
  name: string;
  root: string;
  labels: LabelDef[];
  labelMode: LabelMode;
  /** Removed labels whose decisions are kept in the files; they can be restored. */
  retiredLabels: LabelDef[];
  /** Whether `<workspace>/guidelines.md` exists. */
  hasGuidelines: boolean;
  /** Increases with every list the session sends; `workspace.counts` events name the list they complete. */
  listId: number;
  articles: ArticleSummary[];
  /**
   * Safe mode: files Pilcrow stopped while reading last time (out of memory, killed), skipped now
   * until they change, and what to do; shown once, with the first list after the workspace opens.
   */
  safeMode?: MainMessage;
  /** Present when another Pilcrow holds this annotator's layer: why this window cannot write. */
  readOnly?: { annotator: string; pid: number; host: string; since: string; message: MainMessage };
}

export interface ParagraphView {
  index: number;
  id: string;
  text: string;
}

export interface ArticleView {
  id: string;
  path: string;
  title: string;
  format: string;
  encoding: string;
  /** BCP 47 guess from the script of the text, set as `lang` on the article. */
  lang: string;
  direction: 'rtl' | 'ltr';
  /** Every paragraph; or, with `partial`, a window of them around `focus` (in order, by `index`). */
  paragraphs: ParagraphView[];
  /** paragraph id -> this annotator's decision (its labels), note and flag (no entry = untouched), for `paragraphs`. */
  decisions: Record<string, DecisionView>;
  /** Where the view opens: the paragraph asked for (`around`), else the first without a decision. */
  focus: number;
  /**
   * Saved web pages: index of the first paragraph of the article's main text (core/page), the
   * paragraph before which the page-structure suggester offers everything as boilerplate. Absent
   * for other formats, and for a page where no main text was found.
   */
  mainStart?: number;
  status: 'in_progress' | 'done';
  /** What was lost or guessed reading the file, edits that no longer apply (shared/messages); reading notes come as `source.notes`. */
  warnings: MainMessage[];
  /** How the file was read, the editor's overrides, orphaned labels (shared/article-source.ts). */
  source?: ArticleSourceView;
  /**
   * Set when only a window of a long article came (issue 8: its first screenful paints before the
   * rest crosses the IPC); the renderer fetches the rest with `article.paragraphs`.
   */
  partial?: ArticleWindow;
}

export interface ArticleWindow {
  /** Paragraphs in the whole article. */
  total: number;
  /** Names the reading the window came from: chunks of another reading are refused. */
  reading: string;
  /** This annotator's counts over every paragraph, for the header until all decisions are in. */
  progress: ArticleProgress;
}

/** More paragraphs of an article opened as a window, with their decisions; or why there are none. */
export type ParagraphChunk =
  | { paragraphs: ParagraphView[]; decisions: Record<string, DecisionView> }
  /** The article was read again (its file or its settings changed) since that window: open it again. */
  | { stale: true; message: MainMessage };

export interface AppState {
  version: string;
  annotator: string;
  /** False until the editor confirmed a name (the first-run prompt). */
  annotatorConfirmed: boolean;
  ui: UiSettings;
  recent: { name: string; root: string }[];
  workspace: WorkspaceView | null;
}

/** What the About dialog shows: the version, what it runs on, where its files are, its licences. */
export interface AboutInfo {
  version: string;
  /** Electron, Chromium and Node versions (empty strings where not running in Electron). */
  runtime: { electron: string; chrome: string; node: string };
  /** The app's settings file and the folder it lives in (user data). */
  settingsFile: string;
  userDataDir: string;
  /** main.log, or null where there is no log. */
  logFile: string | null;
  licenses: { name: string; license: string; text: string }[];
}

export interface SaveResult {
  savedAt: string;
  labelledCount: number;
  progress: ArticleProgress;
  /** After a whole-article change (done, undo done): every decision of the article. */
  decisions?: Record<string, DecisionView>;
}

export interface SchemaEditResult {
  workspace: WorkspaceView;
  /** After a rename: this annotator's files and decisions that were migrated. */
  migrated?: { files: number; paragraphs: number };
  /** After a rename: teammates whose files still use the old name (their own app migrates them). */
  pendingAnnotators?: string[];
}

export interface LabelUsageView {
  paragraphs: number;
  articles: number;
  annotators: string[];
}

export type GuidelinesView = { text: string } | { missing: true } | { error: string };

export interface ExportResult {
  /** Names this export for `export.reveal` (Show in folder): the renderer never sends a path back. */
  id: string;
  file: string;
  records: number;
  articles: number;
  skipped: { path: string; reason: string }[];
  /** The format written, and damaged label files that were recovered. */
  format: string;
  warnings: string[];
  /**
   * Paragraphs a resolved export found no answer for (docs/export.md, "Resolution"): null when
   * it did not resolve; `included` when they were written with no answer (include untouched),
   * else they were left out.
   */
  unresolved: { ties: number; undecided: number; included: boolean } | null;
  /** Records per split, when split. */
  perSplit: Record<string, number> | null;
}

/** App-wide preferences, kept in the app's settings (never in a workspace). */
export interface UiSettings {
  language: 'en' | 'fa';
  theme: 'system' | 'light' | 'dark';
}

/** An edit to an article (settings, split, merge, undo): the new view and how to undo it. */
export interface ArticleChangeResult {
  article: ArticleView;
  /** Pass to `article.undoEdit` to take the change back (this session only). */
  undo?: string;
  /** What was done (shared/messages). */
  message: MainMessage;
}

/** Pushed when files in the workspace changed on disk. */
export interface WorkspaceChangedEvent {
  workspace: WorkspaceView;
  added: string[];
  removed: string[];
  changed: string[];
}
