/** Reads one article file from disk into decoded text and paragraphs. */
import { readFile, stat } from 'node:fs/promises';
import { segmentArticle, type ArticleFormat, type Segmentation } from '../../core/article';
import type { Paragraph } from '../../core/paragraphs';
import { guessScript } from '../../core/script';
import { ArticleReadError, decodeBytes } from '../text/decode';
import { articleIdFor } from './article-id';
import { confinePath } from './confine';

/** Larger files are refused: no news article is 20 MB, and the editor would not load it. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export interface LoadedArticle {
  id: string;
  path: string;
  format: ArticleFormat;
  encoding: string;
  text: string;
  title: string;
  direction: 'rtl' | 'ltr';
  lang: string;
  segmentation: Segmentation;
  paragraphs: Paragraph[];
  warnings: string[];
}

export function formatOf(relPath: string): ArticleFormat {
  return /\.(md|markdown)$/i.test(relPath) ? 'md' : 'txt';
}

export async function readArticle(root: string, relPath: string): Promise<LoadedArticle> {
  const real = await confinePath(root, relPath);
  const info = await stat(real);
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new ArticleReadError('too-large', `${relPath} is ${(info.size / 1048576).toFixed(1)} MB; Pilcrow opens articles up to 20 MB. Split the file or remove it from the workspace.`);
  }
  const bytes = await readFile(real);
  const decoded = decodeBytes(bytes);
  const format = formatOf(relPath);
  const segmented = segmentArticle(decoded.text, format);
  const script = guessScript(decoded.text);
  return {
    id: articleIdFor(relPath),
    path: relPath,
    format,
    encoding: decoded.encoding,
    text: decoded.text,
    title: segmented.title || relPath,
    direction: script.direction,
    lang: script.lang,
    segmentation: segmented.segmentation,
    paragraphs: segmented.paragraphs,
    warnings: decoded.warnings,
  };
}

/** One line for the editor: which file and what is wrong, never a stack trace. */
export function describeReadError(relPath: string, error: unknown): string {
  if (error instanceof ArticleReadError) return error.message.includes(relPath) ? error.message : `${relPath}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `${relPath}: permission denied; check the file's permissions.`;
  if (code === 'ENOENT') return `${relPath}: the file is gone (moved or deleted).`;
  if (code === 'EISDIR') return `${relPath}: is a folder, not an article file.`;
  return `${relPath}: ${(error as Error)?.message ?? String(error)}`;
}
