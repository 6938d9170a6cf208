/**
 * JSON Lines: one article per line, `{"id"?, "title"?, "text"}` or `{"id"?, "title"?,
 * "paragraphs": [...]}` (other fields, such as url or date, are ignored). A bad line is
 * reported by its number and skipped; the other lines still load. `text` is split one
 * paragraph per non-blank line, like scraped news (core/segment.ts segmentByLine).
 */
import type { MainMessage } from '../../shared/messages';
import { z } from 'zod';
import { segmentByLine, trimmedBlock } from '../../core/segment';
import { ArticleReadError } from '../text/errors';
import { PARAGRAPH_SEPARATOR, titleLine, type ExtractedArticle } from './extracted';

const ArticleLine = z
  .object({
    id: z.union([z.string().trim().min(1), z.number()]).optional(),
    title: z.string().optional(),
    text: z.string().optional(),
    paragraphs: z.array(z.string()).optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.paragraphs === undefined), {
    message: 'needs exactly one of "text" (a string) or "paragraphs" (an array of strings)',
  });
type ArticleLine = z.infer<typeof ArticleLine>;

export interface JsonlArticle {
  /** The line's id (numbers as strings), else `line-N`; unique within the file. */
  key: string;
  /** 1-based line number in the file. */
  line: number;
  article: ExtractedArticle;
}

export interface JsonlResult {
  articles: JsonlArticle[];
  /** Problems with whole lines (bad JSON, wrong shape, no text, repeated id). */
  warnings: MainMessage[];
  /** The lines that were skipped, each with its problem (also in `warnings`). */
  skipped: { line: number; message: MainMessage }[];
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

function articleOf(value: ArticleLine): ExtractedArticle {
  let text: string;
  let blocks: ExtractedArticle['blocks'];
  if (value.text !== undefined) {
    text = value.text;
    blocks = segmentByLine(text);
  } else {
    // Paragraphs are kept as given (inner line breaks too); blank ones would be empty blocks.
    const kept = (value.paragraphs ?? []).filter((p) => trimmedBlock(p, 0, p.length) !== null);
    text = kept.join(PARAGRAPH_SEPARATOR);
    blocks = [];
    let offset = 0;
    for (const paragraph of kept) {
      const block = trimmedBlock(text, offset, offset + paragraph.length);
      if (block) blocks.push(block);
      offset += paragraph.length + PARAGRAPH_SEPARATOR.length;
    }
  }
  const first = blocks[0];
  const title = value.title?.trim() || (first ? titleLine(text.slice(first.start, first.end)) : '');
  return { text, blocks, title, warnings: [] };
}

export function extractJsonl(source: string, fileName: string): JsonlResult {
  const articles: JsonlArticle[] = [];
  const warnings: MainMessage[] = [];
  const skipped: JsonlResult['skipped'] = [];
  const skip = (line: number, message: MainMessage) => {
    warnings.push(message);
    skipped.push({ line, message });
  };
  const keys = new Set<string>();
  const lines = source.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    if (content.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      skip(line, { code: 'jsonl-bad-json', file: fileName, line, detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    const parsed = ArticleLine.safeParse(json);
    if (!parsed.success) {
      skip(line, { code: 'jsonl-bad-article', file: fileName, line, detail: describeIssues(parsed.error) });
      return;
    }
    const article = articleOf(parsed.data);
    if (article.blocks.length === 0) {
      skip(line, { code: 'jsonl-no-text', file: fileName, line });
      return;
    }
    let key = parsed.data.id === undefined ? `line-${line}` : String(parsed.data.id);
    if (keys.has(key)) {
      const note: MainMessage = { code: 'jsonl-repeated-id', file: fileName, line, key };
      warnings.push(note);
      article.warnings.push(note);
      key = `${key}#line-${line}`;
    }
    keys.add(key);
    articles.push({ key, line, article });
  });
  if (articles.length === 0) {
    if (warnings.length === 0) throw new ArticleReadError('empty', { code: 'jsonl-no-articles', file: fileName });
    throw new ArticleReadError('bad-jsonl', { code: 'jsonl-nothing-readable', file: fileName, first: warnings.slice(0, 3) });
  }
  return { articles, warnings, skipped };
}
