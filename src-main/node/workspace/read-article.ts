/**
 * One article of the workspace, read: bytes checked (inside the workspace, a regular file, not
 * too large), decoded and split per format, then the editor's settings applied (segmentation,
 * splits and merges, direction, language). See docs/formats.md.
 */
import { createHash } from 'node:crypto';
import type { ArticleFormat, Segmentation } from '../../core/article';
import { applyEdits, describeFailedEdit } from '../../core/edits';
import type { PageEvidence } from '../../core/page/types';
import { buildParagraphs, type Paragraph } from '../../core/paragraphs';
import { noteText, type ReadingNote } from '../../core/reading-notes';
import { guessScript } from '../../core/script';
import type { Block } from '../../core/segment';
import { extractFile, type ExtractedFile, type ExtractedUnit } from '../articles/extract';
import type { ArticleSettings } from '../articles/settings';
import { readConfinedFile, RefusedFileError, type ReadLimit } from '../storage';
import { ArticleReadError, type EncodingName } from '../text/decode';
import { articleIdFor } from './article-id';
import { jsonlArticlePath, splitArticlePath } from './article-path';
import { confinePath, OutsideWorkspaceError } from './confine';
import { ARTICLE_EXTENSIONS, formatOf } from './scan';

export { formatOf };

/** Larger files are refused: no news article is 20 MB, and the editor would not load it. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
export const ARTICLE_LIMIT: ReadLimit = { maxBytes: MAX_ARTICLE_BYTES, what: 'articles', advice: 'split the file or remove it from the workspace' };

export interface LoadedArticle {
  id: string;
  /** The article's name: its file's workspace-relative path, or `<file>.jsonl#<key>`. */
  path: string;
  /** The file it lives in (the same as `path` except for JSON Lines). */
  file: string;
  format: ArticleFormat;
  encoding: EncodingName;
  encodingChoosable: boolean;
  text: string;
  title: string;
  direction: 'rtl' | 'ltr';
  lang: string;
  segmentation: Segmentation;
  paragraphs: Paragraph[];
  /** UTF-16 ranges of `text`, one per paragraph (for anchors and splits). */
  blocks: Block[];
  /** Everything the editor should know about the reading, in English (the CLI prints these). */
  warnings: string[];
  /** The reading notes among `warnings`, as data, for the header in the editor's language. */
  notes: ReadingNote[];
  /**
   * Saved pages: one per paragraph, what the page's structure says about it (main text or the
   * page around it). In memory only: never exported, never stored in label files.
   */
  evidence?: PageEvidence[];
  /** Saved pages: index of the first paragraph of the article's main text, where the view opens. */
  mainStart?: number;
  /** Bytes that became U+FFFD when decoding: shown as a problem in the article list. */
  replaced: number;
  /** SHA-256 of the file's bytes. */
  sha256: string;
  /** What Pilcrow found before the editor's overrides. */
  detected: { encoding: EncodingName; direction: 'rtl' | 'ltr'; lang: string };
  settings: ArticleSettings | null;
}

export interface FileBytes {
  bytes: Uint8Array;
  sha256: string;
  size: number;
  mtimeMs: number;
}

/**
 * Reads a workspace file's bytes after the checks every article file gets. A link to another
 * file of the workspace is resolved (realpath) and must stay inside it; the file it resolves to
 * is then read with no link followed (storage/confined-fs.ts), so a link swapped in meanwhile is
 * refused, a named pipe never blocks the read, and more than 20 MB is never read.
 */
export async function readArticleBytes(root: string, relPath: string): Promise<FileBytes> {
  const real = await confinePath(root, relPath);
  let read: { bytes: Buffer; mtimeMs: number };
  try {
    read = await readConfinedFile(root, real, ARTICLE_LIMIT);
  } catch (error) {
    if (!(error instanceof RefusedFileError)) throw error;
    if (error.kind === 'too-large') throw tooLarge(relPath, error.detail.size ?? 0);
    if (error.kind === 'special') throw new ArticleReadError('unreadable', `${relPath} is ${error.detail.is ?? 'not a file'}, not a regular file; Pilcrow reads only files.`);
    throw new ArticleReadError('unreadable', `${relPath} was not read: ${error.problem}.`);
  }
  const { bytes, mtimeMs } = read;
  if (bytes.length === 0) throw new ArticleReadError('empty', `${relPath} is empty.`);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtimeMs };
}

function tooLarge(relPath: string, size: number): ArticleReadError {
  return new ArticleReadError('too-large', `${relPath} is ${(size / 1048576).toFixed(1)} MB; Pilcrow opens articles up to 20 MB. Split the file or remove it from the workspace.`);
}

export interface ArticleSource {
  path: string;
  file: string;
  sha256: string;
  extracted: ExtractedFile;
  unit: ExtractedUnit;
  /** The encoding detection chose (differs from extracted.encoding under an override). */
  detectedEncoding: EncodingName;
}

/** The article as the editor sees it: the extracted unit with their settings applied. */
export function buildArticle(source: ArticleSource, settings: ArticleSettings | null): LoadedArticle {
  const { unit, extracted } = source;
  const edited = applyEdits(unit.text, unit.blocks, settings?.edits ?? []);
  const script = guessScript(unit.text, unit.lang);
  const evidence = unit.evidence ? evidenceAfterEdits(unit.blocks, edited.blocks, unit.evidence) : undefined;
  const mainStart = evidence ? evidence.findIndex((e) => e.place === 'main') : -1;
  const detectedDirection = unit.direction ?? script.direction;
  const title = unit.title || source.path;
  return {
    id: articleIdFor(source.path),
    path: source.path,
    file: source.file,
    format: extracted.format,
    encoding: extracted.encoding,
    encodingChoosable: extracted.encodingChoosable,
    text: unit.text,
    title,
    direction: settings?.direction ?? detectedDirection,
    lang: settings?.lang ?? script.lang,
    segmentation: unit.segmentation,
    paragraphs: buildParagraphs(unit.text, edited.blocks),
    blocks: edited.blocks,
    warnings: [...extracted.warnings, ...unit.warnings, ...unit.notes.map(noteText), ...edited.failed.map(describeFailedEdit)],
    notes: unit.notes,
    ...(evidence ? { evidence } : {}),
    ...(mainStart >= 0 ? { mainStart } : {}),
    replaced: extracted.replaced,
    sha256: source.sha256,
    detected: { encoding: source.detectedEncoding, direction: detectedDirection, lang: script.lang },
    settings,
  };
}

/**
 * The page evidence of each block after the editor's splits and merges: a block takes the
 * evidence of the block of the file it starts in (both halves of a split keep it; a merge keeps
 * the first's).
 */
function evidenceAfterEdits(original: readonly Block[], edited: readonly Block[], evidence: readonly PageEvidence[]): PageEvidence[] {
  const out: PageEvidence[] = [];
  let j = 0;
  for (const block of edited) {
    while (j + 1 < original.length && original[j + 1]!.start <= block.start) j++;
    out.push(evidence[j]!);
  }
  return out;
}

/**
 * Reads one article by its path, without a Workspace and without the editor's settings (the
 * CLI, tests and benchmarks). Throws what readArticleBytes and the format readers throw.
 */
export async function readArticle(root: string, articlePath: string): Promise<LoadedArticle> {
  const { file, key } = splitArticlePath(articlePath);
  const format = formatOf(file);
  if (!format) throw new ArticleReadError('unreadable', `${file} is not an article file (expected ${ARTICLE_EXTENSIONS.join(', ')}).`);
  const { bytes, sha256 } = await readArticleBytes(root, file);
  const extracted = await extractFile(bytes, format, file);
  const unit = extracted.unit(extracted.keys.find((k) => (k === undefined ? file : jsonlArticlePath(file, k)) === articlePath));
  if (!unit || (key === undefined) !== (unit.key === undefined)) throw new ArticleReadError('bad-jsonl', `${articlePath}: no such article in ${file}.`);
  return buildArticle({ path: articlePath, file, sha256, extracted, unit, detectedEncoding: extracted.encoding }, null);
}

/** One line for the editor: which file and what is wrong, never a stack trace. */
export function describeReadError(relPath: string, error: unknown): string {
  if (error instanceof ArticleReadError) return error.message.includes(relPath) ? error.message : `${relPath}: ${error.message}`;
  if (error instanceof OutsideWorkspaceError) {
    return `${relPath} is a link to a file outside the workspace; Pilcrow does not follow it. Copy the file into the workspace instead.`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `${relPath}: permission denied; check the file's permissions.`;
  if (code === 'ENOENT') return `${relPath}: the file is gone, or is a link to a file that does not exist.`;
  if (code === 'ELOOP') return `${relPath} is a link that points to itself (a loop of links).`;
  if (code === 'EISDIR') return `${relPath}: is a folder, not an article file.`;
  return `${relPath}: ${(error as Error)?.message ?? String(error)}`;
}
