/**
 * The bytes of one article file to the text Pilcrow keeps and its paragraph blocks, per format
 * (docs/formats.md). A JSON Lines file gives one unit per line; every other file gives one.
 */
import type { MainMessage } from '../../shared/messages';
import { defaultSegmentation, plainTextTitle, segmentText, type ArticleFormat, type Segmentation, type TextSegmentation } from '../../core/article';
import { buildParagraphs } from '../../core/paragraphs';
import type { Block } from '../../core/segment';
import { extractDocx } from '../formats/docx';
import { extractHtml } from '../formats/html';
import { extractJsonl } from '../formats/jsonl';
import { decodeBytes, type EncodingName } from '../text/decode';

export interface ExtractedUnit {
  /** The JSON Lines key (`id`, else `line-N`); absent for other formats. */
  key?: string;
  text: string;
  blocks: Block[];
  title: string;
  direction?: 'rtl' | 'ltr';
  segmentation: Segmentation;
  warnings: MainMessage[];
}

export interface ExtractedFile {
  format: ArticleFormat;
  encoding: EncodingName;
  /** Whether the editor may choose another encoding (not for Word, whose XML is always Unicode). */
  encodingChoosable: boolean;
  /** File-level notes: a guessed encoding, replaced bytes, skipped JSONL lines. */
  warnings: MainMessage[];
  /** Bytes decoded to U+FFFD: the text lost something. */
  replaced: number;
  units: ExtractedUnit[];
  /** JSON Lines lines that are not articles, keyed `line-N`, each with what is wrong. */
  skipped: { key: string; message: MainMessage }[];
}

export interface ExtractOptions {
  encoding?: EncodingName;
  segmentation?: TextSegmentation;
}

export async function extractFile(bytes: Uint8Array, format: ArticleFormat, fileName: string, options: ExtractOptions = {}): Promise<ExtractedFile> {
  if (format === 'docx') {
    const article = await extractDocx(bytes);
    return { format, encoding: 'utf-8', encodingChoosable: false, warnings: [], replaced: 0, skipped: [], units: [{ ...article, segmentation: 'structure' }] };
  }
  const decoded = decodeBytes(bytes, { html: format === 'html', ...(options.encoding ? { override: options.encoding } : {}) });
  const base = { format, encoding: decoded.encoding, encodingChoosable: true, warnings: decoded.warnings, replaced: decoded.replaced, skipped: [] };
  if (format === 'html') {
    return { ...base, units: [{ ...extractHtml(decoded.text), segmentation: 'structure' }] };
  }
  if (format === 'jsonl') {
    const { articles, skipped } = extractJsonl(decoded.text, fileName);
    const units = articles.map(({ key, article }) => ({ key, ...article, segmentation: 'structure' as const }));
    return { ...base, units, skipped: skipped.map(({ line, message }) => ({ key: `line-${line}`, message })) };
  }
  const segmentation = options.segmentation ?? defaultSegmentation(decoded.text, format);
  const blocks = segmentText(decoded.text, segmentation);
  // The title needs paragraphs only for its first line; building them twice costs little.
  const title = plainTextTitle(decoded.text, buildParagraphs(decoded.text, blocks.slice(0, 1)), format);
  return { ...base, units: [{ text: decoded.text, blocks, title, segmentation, warnings: [] }] };
}
