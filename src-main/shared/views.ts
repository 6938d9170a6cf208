/** Plain data the main process sends to the renderer. No paths are ever sent back. */
import type { LabelDef } from './labels';

export interface ArticleSummary {
  id: string;
  /** Workspace-relative POSIX path, for display and export only. */
  path: string;
  title: string;
  format: string;
  paragraphCount: number;
  labelledCount: number;
  /** Set when the file could not be read; the article cannot be opened. */
  error?: string;
}

export interface WorkspaceView {
  name: string;
  root: string;
  labels: LabelDef[];
  articles: ArticleSummary[];
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
  paragraphs: ParagraphView[];
  /** paragraph id -> this annotator's labels. */
  labels: Record<string, string[]>;
  warnings: string[];
}

export interface AppState {
  version: string;
  annotator: string;
  recent: { name: string; root: string }[];
  workspace: WorkspaceView | null;
}

export interface SaveResult {
  savedAt: string;
  labelledCount: number;
}

export interface ExportResult {
  file: string;
  records: number;
  articles: number;
  skipped: { path: string; reason: string }[];
}
