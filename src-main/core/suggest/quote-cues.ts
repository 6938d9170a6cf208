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
/** A quoted span's words: its runs of letters, marks and digits. */
const WORD_RUNS = /[\p{L}\p{M}\p{N}]+/gu;

const make = (score: number, reason: SuggestionReason): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

function quotedWords(key: string): { longest: number; any: boolean } {
  let longest = 0;
  let any = false;
  for (const inner of quotedSpans(key)) {
    any = true;
    longest = Math.max(longest, inner.match(WORD_RUNS)?.length ?? 0);
  }
  return { longest, any };
}

/** The first verb of saying (in SAYING_VERBS order) written right before a colon, or null. */
function sayingBeforeColon(key: string): string | null {
  // Most paragraphs have no colon: then no verb stands before one, and the 2 × 60 searches are skipped.
  if (!key.includes(':')) return null;
  return SAYING_VERBS.find((v) => key.includes(`${v}:`) || key.includes(`${v} :`)) ?? null;
}

export function suggestQuote(p: ParagraphContext): Suggestion | null {
  if (p.isMarker || p.inFooter || p.titleCopy) return null;
  const { longest, any } = quotedWords(p.cue.key);
  const direct = longest >= SPEECH_WORDS;
  const verb = findPhrase(p.cue, SAYING_VERBS);
  const attribution = findPhrase(p.cue, ATTRIBUTIONS);
  const source = verb ?? attribution;
  if (direct && source) return make(0.95, { code: 'quoted-attributed', phrase: source });
  // Any verb of saying before a colon, not only the first one found: «… اشاره کرد و اظهار داشت: …».
  const colon = verb ? sayingBeforeColon(p.cue.key) : null;
  if (colon) return make(0.9, { code: 'saying-colon', phrase: colon });
  if (verb) return make(0.75, { code: 'saying', phrase: verb });
  // A title that repeats words the lead attributes to someone is that person's words.
  if (p.headlineEcho) return make(0.7, { code: 'headline-echo', phrase: p.headlineEcho });
  if (attribution) return make(0.7, { code: 'attributed', phrase: attribution });
  if (direct) return make(0.7, { code: 'quoted' });
  const opinion = findPhrase(p.cue, OPINIONS);
  if (opinion) return make(0.6, { code: 'opinion', phrase: opinion });
  if (any) return make(0.3, { code: 'quoted-term' });
  return null;
}
