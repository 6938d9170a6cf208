/**
 * The quote suggester: direct quotations in quotation marks, verbs of saying in Persian and
 * English (گفت، افزود، اظهار داشت، تصریح کرد, said, told…), attribution («به گفته», "according
 * to") and attributed belief («معتقدند»). One or two words in quotation marks are usually
 * emphasis or a term, not speech, so they stay below the default threshold.
 */
import type { ParagraphContext } from './context';
import { findPhrase } from './cues';
import { ATTRIBUTIONS, OPINIONS, SAYING_VERBS } from './speech-words';
import { quotedSpans } from './quoted-spans';
import type { SuggestionReason } from './reasons';
import type { Suggestion } from './types';

const SUGGESTER = 'quote-cues';
const LABEL = 'quote';
/** Words inside quotation marks from which they hold speech rather than a term. */
const SPEECH_WORDS = 3;

const make = (score: number, reason: SuggestionReason): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

function quotedWords(key: string): { longest: number; any: boolean } {
  let longest = 0;
  let any = false;
  for (const inner of quotedSpans(key)) {
    any = true;
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
  if (direct && source) return make(0.95, { code: 'quoted-attributed', phrase: source });
  if (verb && (p.cue.key.includes(`${verb}:`) || p.cue.key.includes(`${verb} :`))) return make(0.9, { code: 'saying-colon', phrase: verb });
  if (verb) return make(0.75, { code: 'saying', phrase: verb });
  if (attribution) return make(0.7, { code: 'attributed', phrase: attribution });
  if (direct) return make(0.7, { code: 'quoted' });
  const opinion = findPhrase(p.cue, OPINIONS);
  if (opinion) return make(0.6, { code: 'opinion', phrase: opinion });
  if (any) return make(0.3, { code: 'quoted-term' });
  return null;
}
