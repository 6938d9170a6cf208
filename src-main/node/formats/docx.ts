/**
 * Word .docx to paragraphs. mammoth's extractRawText drops Word line breaks (<w:br/>), gluing
 * the words on either side together, so we convert to HTML and take the HTML path: headings,
 * list items, table cells and line breaks survive, and ZWNJ and digits come through unchanged.
 * mammoth drops Word's right-to-left flag, so the direction is inferred from the script.
 * The zip is checked for bombs, and against budgets of XML and text that keep mammoth well under
 * 1 GB of memory, before mammoth inflates anything (zip.ts).
 */
import mammoth from 'mammoth';
import { guessScript } from '../../core/script';
import { ArticleReadError } from '../text/errors';
import type { MainMessage } from '../../shared/messages';
import type { ExtractedArticle } from './extracted';
import { extractHtml } from './html';
import { notesAsParagraphs } from './docx-notes';
import { checkZipBomb } from './zip';

/** Images are not text; an empty src keeps mammoth from base64-encoding every picture. */
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** Style-map chatter ("Unrecognised paragraph style") means nothing to an editor. */
function isStyleNoise(message: string): boolean {
  return /style/i.test(message);
}

/**
 * One line for the editor. A part cut short (a download or copy that stopped halfway) makes
 * xmldom throw "[xmldom error]\telement parse error: …\n@#[line:…]": internal, two lines, and no
 * use to anyone; mammoth's own messages are kept to their first line.
 */
/** mammoth's failure in one line: a document cut short says so instead of xmldom's two lines. */
function damagedMessage(error: unknown): MainMessage {
  const message = error instanceof Error ? error.message : String(error);
  if (/xmldom|parse error|unclosed|not well-formed/i.test(message)) return { code: 'docx-cut-short' };
  return { code: 'docx-unreadable', detail: message.split('\n')[0]!.trim() };
}

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedArticle> {
  const entries = await checkZipBomb(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ArticleReadError('bad-docx', { code: 'docx-not-word' });
  }
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    result = await mammoth.convertToHtml({ buffer }, { convertImage: skipImages, externalFileAccess: false, transformDocument: notesAsParagraphs });
  } catch (error) {
    throw new ArticleReadError('bad-docx', damagedMessage(error));
  }
  // mammoth's HTML has no <title>; the first heading (or paragraph) names the article.
  const article = extractHtml(result.value);
  const messages = result.messages.filter((m) => !isStyleNoise(m.message)).map((m): MainMessage => ({ code: 'word-note', detail: m.message }));
  const direction = article.text ? guessScript(article.text).direction : undefined;
  return {
    ...article,
    ...(direction ? { direction } : {}),
    warnings: [...(article.blocks.length === 0 ? [{ code: 'word-no-text' } as const] : []), ...messages],
  };
}
