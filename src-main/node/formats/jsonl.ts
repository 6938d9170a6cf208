/**
 * JSON Lines: one article per line, `{"id"?, "title"?, "text"}` or `{"id"?, "title"?,
 * "paragraphs": [...]}` (other fields, such as url or date, are ignored). A bad line is
 * reported by its number and skipped; the other lines still load. `text` is split one
 * paragraph per non-blank line, like scraped news (core/segment.ts segmentByLine).
 */
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
  warnings: string[];
  /** The lines that were skipped, each with its problem (also in `warnings`). */
  skipped: { line: number; message: string }[];
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

/** A line of a JSON Lines file that is an article: where it is in the decoded text. */
export interface JsonlLine {
  key: string;
  /** 1-based line number in the file. */
  line: number;
  /** The line's UTF-16 range in the decoded text. */
  start: number;
  end: number;
  /** Said about the line itself (its id was already used). */
  note?: string;
}

export interface JsonlIndex {
  lines: JsonlLine[];
  warnings: string[];
  skipped: { line: number; message: string }[];
}

/**
 * Articles one JSON Lines file may hold: every article Pilcrow lists is read, counted and searched
 * (and the whole list sent to the window), so a file of a million one-line articles (19 MB) would
 * never finish opening. Five times the 10,000 articles the performance targets are set for.
 */
export const MAX_CONTAINER_ARTICLES = 50_000;

/**
 * Finds the articles of a JSON Lines file without keeping them: each line is checked (JSON, shape,
 * text) and only its key and place are kept; `jsonlArticle` reads one again when it is opened.
 * A file with more non-blank lines than `maxArticles` is refused before any line is parsed.
 */
export function indexJsonl(source: string, fileName: string, maxArticles = MAX_CONTAINER_ARTICLES): JsonlIndex {
  const lines: JsonlLine[] = [];
  const warnings: string[] = [];
  const skipped: JsonlIndex['skipped'] = [];
  const skip = (line: number, message: string) => {
    warnings.push(message);
    skipped.push({ line, message });
  };
  const count = nonBlankLines(source);
  if (count > maxArticles) {
    const name = fileName.split('/').pop() ?? fileName;
    throw new ArticleReadError('too-large', `${fileName} holds ${count.toLocaleString('en')} lines; Pilcrow opens JSON Lines files of up to ${maxArticles.toLocaleString('en')} articles, so none of them is listed. Split it into files of up to ${maxArticles.toLocaleString('en')} lines (for example: split -l ${maxArticles} --additional-suffix=.jsonl ${name} part-).`);
  }
  const keys = new Set<string>();
  let start = 0;
  for (let line = 1; start <= source.length; line++) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 ? source.length : newline;
    const next = newline < 0 ? source.length + 1 : newline + 1;
    const content = source.slice(start, end).replace(/\r$/, '');
    if (content.trim() !== '') {
      const where = `${fileName} line ${line}`;
      const read = readLine(content, where);
      if (typeof read === 'string') skip(line, read);
      else {
        let key = read.id ?? `line-${line}`;
        const entry: JsonlLine = { key, line, start, end };
        if (keys.has(key)) {
          entry.note = `${where}: id "${key}" was already used; this article is keyed "${key}#line-${line}".`;
          warnings.push(entry.note);
          key = `${key}#line-${line}`;
          entry.key = key;
        }
        keys.add(key);
        lines.push(entry);
      }
    }
    start = next;
  }
  if (lines.length === 0) {
    if (warnings.length === 0) throw new ArticleReadError('empty', `${fileName} has no articles.`);
    throw new ArticleReadError('bad-jsonl', `${fileName} has no readable article. ${warnings.slice(0, 3).join(' ')}`);
  }
  return { lines, warnings, skipped };
}

/** One indexed line's article, read again from the decoded text. */
export function jsonlArticle(source: string, entry: JsonlLine): ExtractedArticle {
  const read = readLine(source.slice(entry.start, entry.end).replace(/\r$/, ''), `line ${entry.line}`);
  if (typeof read === 'string') throw new ArticleReadError('bad-jsonl', read);
  return { ...read.article, warnings: entry.note ? [entry.note] : [] };
}

/** Every article of a JSON Lines file at once (small files, tests). */
export function extractJsonl(source: string, fileName: string): JsonlResult {
  const { lines, warnings, skipped } = indexJsonl(source, fileName, Infinity);
  return { articles: lines.map((entry) => ({ key: entry.key, line: entry.line, article: jsonlArticle(source, entry) })), warnings, skipped };
}

/** A line's article and id, or what is wrong with it. */
function readLine(content: string, where: string): { article: ExtractedArticle; id: string | undefined } | string {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return `${where}: not valid JSON (${error instanceof Error ? error.message : String(error)}); skipped.`;
  }
  const parsed = ArticleLine.safeParse(json);
  if (!parsed.success) return `${where}: ${describeIssues(parsed.error)}; skipped.`;
  const article = articleOf(parsed.data);
  if (article.blocks.length === 0) return `${where}: the article has no text; skipped.`;
  return { article, id: parsed.data.id === undefined ? undefined : String(parsed.data.id) };
}

function nonBlankLines(source: string): number {
  let count = 0;
  let blank = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      if (!blank) count++;
      blank = true;
    } else if (blank && c !== 32 && c !== 9 && c !== 13) blank = false;
  }
  return blank ? count : count + 1;
}
