/**
 * One article of the workspace, read: bytes checked (inside the workspace, a regular file, not
 * too large), decoded and split per format, then the editor's settings applied (segmentation,
 * splits and merges, direction, language). See docs/formats.md.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ArticleFormat, Segmentation } from '../../core/article';
import { applyEdits, describeFailedEdit } from '../../core/edits';
import { buildParagraphs, type Paragraph } from '../../core/paragraphs';
import { guessScript } from '../../core/script';
import type { Block } from '../../core/segment';
import { extractFile, type ExtractedFile, type ExtractedUnit } from '../articles/extract';
import type { ArticleSettings } from '../articles/settings';
import { ArticleReadError, type EncodingName } from '../text/decode';
import { englishText, type MainMessage } from '../../shared/messages';
import type { FileKind } from '../../shared/messages/articles';
import { articleIdFor } from './article-id';
import { jsonlArticlePath, splitArticlePath } from './article-path';
import { confinePath, OutsideWorkspaceError } from './confine';
import { ARTICLE_EXTENSIONS, formatOf } from './scan';

export { formatOf };

/** Larger files are refused: no news article is 20 MB, and the editor would not load it. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

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
  warnings: MainMessage[];
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

/** Reads a workspace file's bytes after the checks every article file gets. */
export async function readArticleBytes(root: string, relPath: string): Promise<FileBytes> {
  const real = await confinePath(root, relPath);
  const info = await stat(real);
  // stat, never open: opening a named pipe would wait for a writer forever.
  if (!info.isFile()) throw new ArticleReadError('unreadable', { code: 'not-regular-file', path: relPath, kind: kindOf(info) });
  if (info.size > MAX_ARTICLE_BYTES) throw tooLarge(relPath, info.size);
  if (info.size === 0) throw new ArticleReadError('empty', { code: 'article-empty', path: relPath });
  const bytes = await readFile(real);
  if (bytes.length > MAX_ARTICLE_BYTES) throw tooLarge(relPath, bytes.length);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: info.size, mtimeMs: info.mtimeMs };
}

function kindOf(info: Stats): FileKind {
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'pipe';
  if (info.isSocket()) return 'socket';
  return 'device';
}

function tooLarge(relPath: string, size: number): ArticleReadError {
  return new ArticleReadError('too-large', { code: 'article-too-large', path: relPath, megabytes: (size / 1048576).toFixed(1) });
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
  const script = guessScript(unit.text);
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
    warnings: [...extracted.warnings, ...unit.warnings, ...edited.failed.map(describeFailedEdit)],
    replaced: extracted.replaced,
    sha256: source.sha256,
    detected: { encoding: source.detectedEncoding, direction: detectedDirection, lang: script.lang },
    settings,
  };
}

/**
 * Reads one article by its path, without a Workspace and without the editor's settings (the
 * CLI, tests and benchmarks). Throws what readArticleBytes and the format readers throw.
 */
export async function readArticle(root: string, articlePath: string): Promise<LoadedArticle> {
  const { file, key } = splitArticlePath(articlePath);
  const format = formatOf(file);
  if (!format) throw new ArticleReadError('unreadable', { code: 'not-article-file', file, extensions: ARTICLE_EXTENSIONS.join(', ') });
  const { bytes, sha256 } = await readArticleBytes(root, file);
  const extracted = await extractFile(bytes, format, file);
  const unit = extracted.units.find((u) => (u.key === undefined ? file : jsonlArticlePath(file, u.key)) === articlePath);
  if (!unit || (key === undefined) !== (unit.key === undefined)) throw new ArticleReadError('bad-jsonl', { code: 'jsonl-no-such-article', article: articlePath, file });
  return buildArticle({ path: articlePath, file, sha256, extracted, unit, detectedEncoding: extracted.encoding }, null);
}

/** One line for the editor: which file and what is wrong, never a stack trace. */
export function describeReadError(relPath: string, error: unknown): string {
  return englishText(readErrorOf(relPath, error));
}

/** Why `relPath` could not be read as an article, for the editor (shared/messages/articles.ts). */
export function readErrorOf(relPath: string, error: unknown): MainMessage {
  if (error instanceof ArticleReadError) return error.message.includes(relPath) ? error.detail : { code: 'in-file', path: relPath, problem: error.detail };
  if (error instanceof OutsideWorkspaceError) return { code: 'outside-workspace', path: relPath };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { code: 'permission-denied', path: relPath };
  if (code === 'ENOENT') return { code: 'file-gone', path: relPath };
  if (code === 'ELOOP') return { code: 'link-loop', path: relPath };
  if (code === 'EISDIR') return { code: 'is-folder', path: relPath };
  return { code: 'read-failed', path: relPath, detail: (error as Error)?.message ?? String(error) };
}
