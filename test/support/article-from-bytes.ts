import type { ArticleFormat } from '../../src-main/core/article';
import type { ArticleSettings } from '../../src-main/node/articles/settings';
import { extractFile } from '../../src-main/node/articles/extract';
import { buildArticle, type LoadedArticle } from '../../src-main/node/workspace/read-article';

/**
 * Bytes read as the app reads a file that is one article (every format but JSON Lines): extracted,
 * then built into paragraphs with `settings`. For tests, the bench and the evaluations.
 */
export async function articleFromBytes(bytes: Uint8Array, format: Exclude<ArticleFormat, 'jsonl'>, path: string, settings: ArticleSettings | null = null): Promise<LoadedArticle> {
  const extracted = await extractFile(bytes, format, path);
  return buildArticle({ path, file: path, sha256: '', extracted, unit: extracted.unit(undefined)!, detectedEncoding: extracted.encoding }, settings);
}
