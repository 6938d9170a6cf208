/**
 * The quote suggester: direct quotations in quotation marks, verbs of saying in Persian and
 * English (گفت، افزود، اظهار داشت، تصریح کرد, said, told…), attribution («به گفته», "according
 * to") and attributed belief («معتقدند»). One or two words in quotation marks are usually
 * emphasis or a term, not speech, so they stay below the default threshold.
 */
import type { ParagraphContext } from './context';
import { findPhrase } from './cues';
import { ATTRIBUTIONS, OPINIONS, QUOTED_SPANS, SAYING_VERBS } from './speech-words';
import type { Suggestion } from './types';

const SUGGESTER = 'quote-cues';
const LABEL = 'quote';
/** Words inside quotation marks from which they hold speech rather than a term. */
const SPEECH_WORDS = 3;

const make = (score: number, reason: string): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

function quotedWords(key: string): { longest: number; any: boolean } {
  let longest = 0;
  let any = false;
  for (const m of key.matchAll(QUOTED_SPANS)) {
    any = true;
    const inner = m.slice(1).find((g) => g !== undefined) ?? '';
    longest = Math.max(longest, inner.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).length);
  }
  return { longest, any };
}

export function suggestQuote(p: ParagraphContext): Suggestion | null {
  if (p.isMarker || p.inFooter) return null;
  const { longest, any } = quotedWords(p.cue.key);
  const direct = longest >= SPEECH_WORDS;
  const verb = findPhrase(p.cue, SAYING_VERBS);
  const attribution = findPhrase(p.cue, ATTRIBUTIONS);
  const source = verb ?? attribution;
  if (direct && source) return make(0.95, `A direct quotation in quotation marks, attributed with "${source}".`);
  if (verb && (p.cue.key.includes(`${verb}:`) || p.cue.key.includes(`${verb} :`))) return make(0.9, `A verb of saying introduces speech ("${verb}:").`);
  if (verb) return make(0.75, `Reported speech: a verb of saying ("${verb}").`);
  if (attribution) return make(0.7, `Words attributed to a source ("${attribution}").`);
  if (direct) return make(0.7, 'Three or more words in quotation marks: likely a direct quotation.');
  const opinion = findPhrase(p.cue, OPINIONS);
  if (opinion) return make(0.6, `A view attributed to someone ("${opinion}").`);
  if (any) return make(0.3, 'Quotation marks around a word or two: often a term or emphasis, not speech.');
  return null;
}
