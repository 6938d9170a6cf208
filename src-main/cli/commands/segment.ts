/** `pilcrow segment FILE [--json]`: how Pilcrow splits one file, with code-point offsets. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { segmentArticle } from '../../core/article';
import { decodeBytes } from '../../node/text/decode';
import { formatOf, MAX_ARTICLE_BYTES } from '../../node/workspace/read-article';
import { isArticleName } from '../../node/workspace/scan';
import { CliError } from '../cli-error';

export const SEGMENT_HELP = `pilcrow segment FILE [--json]
  Splits FILE into paragraphs the way the app does. With --json prints
  {"file","format","encoding","text","warnings","paragraphs":[{"index","id","text","start","end"}]}
  where start/end are code-point offsets into "text" (Python: text[start:end] == paragraph text).`;

export async function segmentCommand(args: { file: string; json: boolean }, out: (s: string) => void): Promise<void> {
  const { file } = args;
  if (!isArticleName(basename(file))) throw new CliError(`${file}: not an article file (expected .txt, .md or .markdown)`);
  const info = await stat(file).catch(() => {
    throw new CliError(`${file}: no such file`);
  });
  if (!info.isFile()) throw new CliError(`${file}: not a file`);
  if (info.size > MAX_ARTICLE_BYTES) throw new CliError(`${file}: larger than the 20 MB article limit`);
  const decoded = decodeBytes(await readFile(file));
  const segmented = segmentArticle(decoded.text, formatOf(file));
  if (args.json) {
    out(JSON.stringify({ file, format: segmented.format, segmentation: segmented.segmentation, encoding: decoded.encoding, warnings: decoded.warnings, text: decoded.text, paragraphs: segmented.paragraphs }, null, 2));
    return;
  }
  out(`${file}: ${segmented.paragraphs.length} paragraphs (${segmented.format}, ${segmented.segmentation}, ${decoded.encoding})`);
  for (const p of segmented.paragraphs) {
    const preview = p.text.length > 70 ? `${p.text.slice(0, 69)}…` : p.text;
    out(`${String(p.index).padStart(4)}  ${String(p.start).padStart(6)}–${String(p.end).padEnd(6)} ${preview.replace(/\s+/g, ' ')}`);
  }
}
