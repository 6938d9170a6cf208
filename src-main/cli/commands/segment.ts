/** `pilcrow segment FILE [--json] [--encoding NAME] [--segmentation RULE]`: how Pilcrow splits one file. */
import { englishText } from '../../shared/messages';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { TEXT_SEGMENTATIONS, type TextSegmentation } from '../../core/article';
import { noteText } from '../../core/reading-notes';
import { extractFile } from '../../node/articles/extract';
import { ENCODING_NAMES, encodingFromLabel } from '../../node/text/decode';
import { jsonlArticlePath } from '../../node/workspace/article-path';
import { readChosenFile, RefusedFileError } from '../../node/storage';
import { ARTICLE_LIMIT, buildArticle, describeReadError, type LoadedArticle } from '../../node/workspace/read-article';
import { ARTICLE_EXTENSIONS, formatOf } from '../../node/workspace/scan';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';

export const SEGMENT_HELP = `pilcrow segment FILE [--json] [--encoding NAME] [--segmentation lines|blocks|markdown]
  Splits FILE (.txt .md .markdown .html .htm .docx .jsonl) into paragraphs the way the app
  does. With --json prints {"file","format","segmentation","encoding","warnings","title",
  "direction","lang","text","paragraphs":[{"index","id","text","start","end"}]}, where
  start/end are code-point offsets into "text" (Python: text[start:end] == paragraph text);
  a .jsonl prints {"file","format","encoding","warnings","articles":[…],"skipped":[…]}.
  --encoding forces an encoding (${ENCODING_NAMES.join(', ')});
  warnings also go to stderr; a file that cannot be read exits 1.`;

export interface SegmentArgs {
  file: string;
  json: boolean;
  encoding?: string | undefined;
  segmentation?: string | undefined;
}

export async function segmentCommand(args: SegmentArgs, io: Pick<CliIo, 'out' | 'err'>): Promise<void> {
  const { file } = args;
  const format = formatOf(basename(file));
  if (!format) throw new CliError(`${file}: not an article file (expected ${ARTICLE_EXTENSIONS.join(', ')})`);
  const encoding = args.encoding === undefined ? undefined : encodingFromLabel(args.encoding);
  if (encoding === null) throw new CliError(`--encoding ${args.encoding}: Pilcrow cannot decode that; use one of ${ENCODING_NAMES.join(', ')}`);
  const segmentation = args.segmentation as TextSegmentation | undefined;
  if (segmentation !== undefined && !TEXT_SEGMENTATIONS.includes(segmentation)) {
    throw new CliError(`--segmentation ${args.segmentation}: use ${TEXT_SEGMENTATIONS.join(', ')}`);
  }
  const bytes = await readBytes(file);
  const extracted = await extractFile(bytes, format, file, { ...(encoding ? { encoding } : {}), ...(segmentation ? { segmentation } : {}) }).catch((error: unknown) => {
    throw new CliError(describeReadError(file, error));
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const articles = extracted.keys.map((key) => {
    const unit = extracted.unit(key)!;
    const path = unit.key === undefined ? file : jsonlArticlePath(file, unit.key);
    return { key: unit.key, article: buildArticle({ path, file, sha256, extracted, unit, detectedEncoding: extracted.encoding }, null) };
  });
  // Every warning the readers give (the file's, each article's, its reading notes, skipped lines), once each.
  const warnings = new Set([
    ...extracted.warnings.map((w) => englishText(w)),
    ...articles.flatMap(({ article }) => [...article.warnings.map((w) => englishText(w)), ...article.notes.map(noteText)]),
    ...extracted.skipped.map((s) => englishText(s.message)),
  ]);
  for (const warning of warnings) io.err(`pilcrow: warning: ${file}: ${warning}`);

  if (args.json) {
    const head = { file, format, encoding: extracted.encoding, warnings: extracted.warnings.map((w) => englishText(w)) };
    if (format === 'jsonl') {
      const lines = articles.map(({ key, article }) => ({ key, ...describe(article) }));
      io.out(JSON.stringify({ ...head, articles: lines, skipped: extracted.skipped.map((s) => ({ key: s.key, message: englishText(s.message) })) }, null, 2));
    } else {
      const only = articles[0]!.article;
      io.out(JSON.stringify({ ...head, ...describe(only), warnings: [...only.warnings.map((w) => englishText(w)), ...only.notes.map(noteText)] }, null, 2));
    }
    return;
  }
  for (const { key, article } of articles) {
    const name = key === undefined ? file : `${file} #${key}`;
    io.out(`${name}: ${article.paragraphs.length} paragraphs (${format}, ${article.segmentation}, ${extracted.encoding}, ${article.direction})`);
    for (const p of article.paragraphs) {
      const preview = p.text.length > 70 ? `${p.text.slice(0, 69)}…` : p.text;
      io.out(`${String(p.index).padStart(4)}  ${String(p.start).padStart(6)}–${String(p.end).padEnd(6)} ${preview.replace(/\s+/g, ' ')}`);
    }
  }
}

function describe(article: LoadedArticle) {
  return {
    segmentation: article.segmentation,
    title: article.title,
    direction: article.direction,
    lang: article.lang,
    text: article.text,
    paragraphs: article.paragraphs.map(({ index, id, text, start, end }) => ({ index, id, text, start, end })),
  };
}

/** The CLI reads any path it is given (no workspace to confine to), with the app's size limit. */
async function readBytes(file: string): Promise<Uint8Array> {
  const bytes = await readChosenFile(file, ARTICLE_LIMIT).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new CliError(`${file}: no such file`);
    if (error instanceof RefusedFileError && error.kind === 'too-large') throw new CliError(`${file}: ${((error.detail.size ?? 0) / 1048576).toFixed(1)} MB is larger than the 20 MB article limit`);
    if (error instanceof RefusedFileError || error.code === 'EISDIR') throw new CliError(`${file}: not a file`);
    throw new CliError(describeReadError(file, error));
  });
  if (bytes.length === 0) throw new CliError(`${file}: the file is empty`);
  return bytes;
}
