/**
 * Paragraph identity: a paragraph is named by a hash of its normalised text plus an occurrence
 * number for repeats (news pages print the title twice), so labels survive paragraphs being
 * inserted or removed elsewhere in the file.
 */
import { hashId } from './hash';
import { toCodePointOffsets } from './offsets';
import type { Block } from './segment';

export interface Paragraph {
  index: number;
  id: string;
  text: string;
  /** Code-point offsets into the article text. */
  start: number;
  end: number;
}

/** NFC and collapsed white space: the text a paragraph id is computed from. */
export function identityText(text: string): string {
  const nfc = text.normalize('NFC');
  // Most paragraphs' white space is single spaces between words already: nothing to rebuild.
  return NOT_COLLAPSED.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc;
}

/** White space that collapsing and trimming would change: a run, anything but a space, or at an edge. */
const NOT_COLLAPSED = /\s\s|[^\S ]|^\s|\s$/;

export function paragraphIdFor(text: string, occurrence: number): string {
  return idOfIdentity(identityText(text), occurrence);
}

/** paragraphIdFor of a text whose identityText is `identity`. */
function idOfIdentity(identity: string, occurrence: number): string {
  const base = `p${hashId(identity)}`;
  return occurrence > 1 ? `${base}-${occurrence}` : base;
}

export function buildParagraphs(text: string, blocks: readonly Block[]): Paragraph[] {
  const edges = blocks.flatMap((b) => [b.start, b.end]);
  const points = toCodePointOffsets(text, edges);
  const seen = new Map<string, number>();
  return blocks.map((block, index) => {
    const paragraphText = text.slice(block.start, block.end);
    const key = identityText(paragraphText);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return {
      index,
      id: idOfIdentity(key, occurrence),
      text: paragraphText,
      start: points[index * 2] ?? 0,
      end: points[index * 2 + 1] ?? 0,
    };
  });
}
