/**
 * The bytes of one article file to the text Pilcrow keeps and its paragraph blocks, per format
 * (docs/formats.md). A JSON Lines file gives one unit per line; every other file gives one.
 * The HTML and Word readers (parse5, mammoth) are loaded on the first such file: every CLI
 * command and the app open a workspace through here, and loading them took ~0.25 s of CPU at
 * start whether or not the workspace holds a page or a document.
 */
import type { MainMessage } from '../../shared/messages';
import { defaultSegmentation, plainTextTitle, segmentText, type ArticleFormat, type Segmentation, type TextSegmentation } from '../../core/article';
import type { PageEvidence } from '../../core/page/types';
import { buildParagraphs } from '../../core/paragraphs';
import type { ReadingNote } from '../../core/reading-notes';
import type { Block } from '../../core/segment';
import { indexJsonl, jsonlArticle } from '../formats/jsonl';
import { decodeBytes, type EncodingName } from '../text/decode';

export interface ExtractedUnit {
  /** The JSON Lines key (`id`, else `line-N`); absent for other formats. */
  key?: string;
  text: string;
  blocks: Block[];
  title: string;
  direction?: 'rtl' | 'ltr';
  /** The language the file declares (HTML `lang`). */
  lang?: string;
  segmentation: Segmentation;
  warnings: MainMessage[];
  /** What the editor should know about the reading: hidden lines left out, hard wrapping assumed. */
  notes: ReadingNote[];
  /** Saved pages: what the page's structure says about each block (core/page/main-text.ts). */
  evidence?: PageEvidence[];
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
  /** The articles' keys in file order: JSON Lines line keys; `[undefined]` for a file that is one article. */
  keys: (string | undefined)[];
  /**
   * The article of a key, built when asked: a JSON Lines file keeps its decoded text and the place
   * of each line, not 50,000 articles (formats/jsonl.ts).
   */
  unit(key: string | undefined): ExtractedUnit | undefined;
  /** JSON Lines lines that are not articles, keyed `line-N`, each with what is wrong. */
  skipped: { key: string; message: MainMessage }[];
}

export interface ExtractOptions {
  encoding?: EncodingName;
  segmentation?: TextSegmentation;
}

export async function extractFile(bytes: Uint8Array, format: ArticleFormat, fileName: string, options: ExtractOptions = {}): Promise<ExtractedFile> {
  if (format === 'docx') {
    const { extractDocx } = await import('../formats/docx');
    const article = await extractDocx(bytes);
    return { format, encoding: 'utf-8', encodingChoosable: false, warnings: [], replaced: 0, skipped: [], ...single({ ...article, segmentation: 'structure', notes: [] }) };
  }
  const decoded = decodeBytes(bytes, { html: format === 'html', ...(options.encoding ? { override: options.encoding } : {}) });
  const base = { format, encoding: decoded.encoding, encodingChoosable: true, warnings: decoded.warnings, replaced: decoded.replaced, skipped: [] };
  if (format === 'html') {
    const { extractHtml } = await import('../formats/html');
    const { page, ...article } = extractHtml(decoded.text);
    const notes: ReadingNote[] = page && page.hiddenLines > 0 ? [{ code: 'hidden-lines', count: page.hiddenLines }] : [];
    return { ...base, ...single({ ...article, segmentation: 'structure', notes, ...(page ? { evidence: page.evidence } : {}) }) };
  }
  if (format === 'jsonl') {
    const { lines, skipped } = indexJsonl(decoded.text, fileName);
    const byKey = new Map(lines.map((line) => [line.key, line]));
    const unit = (key: string | undefined): ExtractedUnit | undefined => {
      const line = key === undefined ? undefined : byKey.get(key);
      return line ? { key: line.key, ...jsonlArticle(decoded.text, line, fileName), segmentation: 'structure', notes: [] } : undefined;
    };
    return { ...base, keys: lines.map((l) => l.key), unit, skipped: skipped.map(({ line, message }) => ({ key: `line-${line}`, message })) };
  }
  const segmentation = options.segmentation ?? defaultSegmentation(decoded.text, format);
  const blocks = segmentText(decoded.text, segmentation);
  // The title needs paragraphs only for its first line; building them twice costs little.
  const title = plainTextTitle(decoded.text, buildParagraphs(decoded.text, blocks.slice(0, 1)), format);
  // Hard wrapping joins lines: when Pilcrow chose it, the editor is told, and how to undo it.
  const notes: ReadingNote[] = segmentation === 'blocks' && !options.segmentation ? [{ code: 'hard-wrapped' }] : [];
  return { ...base, ...single({ text: decoded.text, blocks, title, segmentation, warnings: [], notes }) };
}

/** A file that is one article. */
function single(unit: ExtractedUnit): Pick<ExtractedFile, 'keys' | 'unit'> {
  return { keys: [undefined], unit: (key) => (key === undefined ? unit : undefined) };
}
