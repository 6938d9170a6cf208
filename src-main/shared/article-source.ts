/**
 * What the renderer sees about how an article's file was read (docs/formats.md) and what
 * happened to its labels when the file changed. Part of ArticleView, as `source`.
 */
import type { ReadingNote } from '../core/reading-notes';

export interface OrphanView {
  /** Position in the layer's `orphans` list, to re-attach it. */
  index: number;
  paragraphId: string;
  labels: string[];
  decided: boolean;
  /** The paragraph's text when the label was saved ('' if none was recorded). */
  text: string;
  reason: string;
  orphanedAt: string;
  note?: string;
}

export interface ArticleSourceView {
  /** The file the article lives in (for JSON Lines, the .jsonl file). Display only. */
  file: string;
  encoding: string;
  detectedEncoding: string;
  /** Encodings the editor may choose; empty when the format fixes it (Word). */
  encodingChoices: string[];
  segmentation: string;
  /** Rules the editor may switch between; empty when the file's own structure decides. */
  segmentationChoices: string[];
  detectedDirection: 'rtl' | 'ltr';
  detectedLang: string;
  /** What the editor chose; absent fields follow detection. */
  overrides: { encoding?: string; segmentation?: string; direction?: 'rtl' | 'ltr'; lang?: string };
  /** The editor's splits and merges in force. */
  edits: number;
  /** Bytes that became U+FFFD when decoding. */
  replaced: number;
  /** What the editor should know about the reading (hidden lines left out, hard wrapping assumed), for the header in the UI language. */
  notes: ReadingNote[];
  /** This annotator's decisions whose paragraph is gone: kept, shown, exportable. */
  orphans: OrphanView[];
}

export interface SearchHit {
  articleId: string;
  path: string;
  title: string;
  where: 'title' | 'paragraph';
  paragraphId?: string;
  index?: number;
  /** The paragraph (or title) text, shortened around the match. */
  text: string;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
  /** More matches exist than were returned. */
  truncated: boolean;
  /** Articles searched (unreadable files are skipped). */
  articles: number;
}

export interface ReanchorCounts {
  unchanged: number;
  moved: number;
  reanchored: number;
  orphaned: number;
  restored: number;
}

/** Pushed for each article whose file changed or disappeared. */
export interface ArticleChangedEvent {
  articleId: string;
  change: 'changed' | 'deleted';
  counts?: ReanchorCounts;
  /** One sentence for the editor. */
  message: string;
}
