/**
 * Tools that label spans of a whole document (doccano, Prodigy, Label Studio's Text) know no
 * paragraphs. Their document is split into paragraphs as Pilcrow splits plain text into lines
 * (one paragraph per non-blank line, trimmed), and each paragraph takes the labels of every span
 * that overlaps it; a paragraph no span touches is "none" (`[]`): the annotator saw the whole
 * document. Records are then matched to the workspace's paragraphs by text.
 */

export interface Span {
  start: number;
  end: number;
  labels: string[];
}

export interface SpanParagraph {
  index: number;
  text: string;
  labels: string[];
}

/** `unit`: what the tool's offsets count, code points (Python: doccano, Prodigy) or UTF-16 units (JavaScript: Label Studio). */
export function spansToParagraphs(text: string, spans: readonly Span[], unit: 'code-point' | 'utf16'): SpanParagraph[] {
  const units = unit === 'utf16' ? null : [...text];
  const length = units ? units.length : text.length;
  const out: SpanParagraph[] = [];
  let lineStart = 0;
  for (let at = 0; at <= length; at++) {
    const ch = at < length ? (units ? units[at]! : text[at]!) : '\n';
    if (ch !== '\n' && ch !== '\r') continue;
    const line = units ? units.slice(lineStart, at).join('') : text.slice(lineStart, at);
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed) {
      // The trimmed line's extent in the tool's offsets.
      const from = lineStart + (units ? [...line.slice(0, lead)].length : lead);
      const to = from + (units ? [...trimmed].length : trimmed.length);
      const labels = new Set<string>();
      for (const s of spans) if (s.start < to && s.end > from) for (const l of s.labels) labels.add(l);
      out.push({ index: out.length, text: trimmed, labels: [...labels] });
    }
    lineStart = at + 1;
  }
  return out;
}
