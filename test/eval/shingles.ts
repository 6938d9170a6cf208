/**
 * The article-extraction score (issue 14, item 5), written from its definition: the words of the
 * extracted text and of the expected text, their word 4-gram shingles counted as multisets, and
 * per page the shared shingles (tp), the extra ones (fp) and the missing ones (fn), normalised to
 * sum to 1 so a long page weighs no more than a short one. Over pages, precision and recall are
 * averaged (a page without extracted text has no precision; one without expected text no recall)
 * and F1 is their harmonic mean. Words are Intl.Segmenter's word-like segments, so unspaced
 * Chinese and Japanese text is cut into words rather than counted as one long token.
 */
const SHINGLE = 4;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Segmenting a long string at once takes time quadratic in its length (V8's Intl.Segmenter), so
 * the text is cut first at white space and, inside a long unspaced run, after punctuation.
 */
const RUN = 200;

export function words(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFC').split(/\s+/)) {
    if (!run) continue;
    const pieces = run.length <= RUN ? [run] : run.split(/(?<=\p{P})/u);
    for (const piece of pieces) {
      for (let i = 0; i < piece.length; i += RUN) {
        for (const s of segmenter.segment(piece.slice(i, i + RUN))) if (s.isWordLike) out.push(s.segment);
      }
    }
  }
  return out;
}

/** Word n-grams as a multiset; a text shorter than n is one shingle of all its words. */
export function shingles(tokens: readonly string[], n = SHINGLE): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

/** tp/fp/fn of the extracted text's shingles against the expected text's, normalised to sum 1. */
export function shingleMatch(expected: string, extracted: string): ShingleMatch {
  const truth = shingles(words(expected));
  const found = shingles(words(extracted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of found) {
    const t = truth.get(key) ?? 0;
    tp += Math.min(t, count);
    fp += Math.max(0, count - t);
  }
  for (const [key, count] of truth) fn += Math.max(0, count - (found.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fn === 0 ? 0 : tp / (tp + fn);
}

export interface ShingleScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Mean precision over pages that extracted something, mean recall over pages that expect something, F1 of the two. */
export function averageScores(matches: readonly ShingleMatch[]): ShingleScores {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
