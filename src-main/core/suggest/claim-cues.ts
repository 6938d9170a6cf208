/**
 * The claim suggester: figures in declarative sentences. A number with a percentage or a unit is
 * a figure someone can check; a bare number less so; a comparative or a date alone is as often
 * rhetoric («مطمئن‌ترین آغوش», "the largest investment") and stays below the default threshold.
 * Questions, end markers, footers and lines under four words are never claims.
 */
import type { ParagraphContext } from './context';
import { findPhrase, isQuestion, wordCount } from './cues';
import { COMPARATIVES, DATE_WORDS, NUMBER_WORDS, PERCENT_WORDS, STATISTICS_WORDS } from './speech-words';
import type { SuggestionReason } from './reasons';
import type { Suggestion } from './types';

const SUGGESTER = 'claim-cues';
const LABEL = 'claim';
const MIN_WORDS = 4;
/** Years in the Persian (13xx, 14xx) and Gregorian (19xx, 20xx) calendars. */
const YEAR = /(?<!\d)(1[34]\d\d|19\d\d|20\d\d)(?!\d)/;
const NUMBER = String.raw`\d+(?:[.,/٫٬]\d+)*`;
const DIGITS = new RegExp(NUMBER, 'u');
/**
 * A number tried only where one starts (not after a digit, nor after a digit and a separator):
 * tried from every digit of a run of 20,000 it took quadratic time (docs/reliability.md).
 */
const NUMBER_START = String.raw`(?<!\d|\d[.,/٫٬])`;
const PERCENTAGE = new RegExp(`${NUMBER_START}${NUMBER}\\s*(?:%|٪|درصد|per ?cent)|[%٪]\\s*${NUMBER}`, 'u');

const make = (score: number, reason: SuggestionReason): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

export function suggestClaim(p: ParagraphContext): Suggestion | null {
  if (p.isMarker || p.inFooter || p.titleCopy || wordCount(p.cue) < MIN_WORDS || isQuestion(p.text)) return null;
  const key = p.cue.key;
  const digits = DIGITS.exec(key)?.[0] ?? null;
  const numberWord = findPhrase(p.cue, NUMBER_WORDS);
  const number = digits ?? numberWord;
  const percent = /[%٪]/.test(key) ? '%' : findPhrase(p.cue, PERCENT_WORDS);
  // The number a percentage is of: the one written right before (or, for %, after) it.
  const percentage = PERCENTAGE.exec(key)?.[0] ?? null;
  const statistic = findPhrase(p.cue, STATISTICS_WORDS);
  const comparative = findPhrase(p.cue, COMPARATIVES);
  const date = YEAR.exec(key)?.[0] ?? findPhrase(p.cue, DATE_WORDS);
  const compared = comparative ? { comparison: comparative } : {};
  if (percentage) return make(0.9, { code: 'percentage', phrase: percentage, ...compared });
  if (number && percent) return make(0.85, { code: 'number-percent', number, percent, ...compared });
  if (number && statistic && statistic !== number) return make(0.85, { code: 'figure-statistic', number, statistic, ...compared });
  if (digits) return make(comparative ? 0.8 : 0.75, { code: 'number', phrase: digits, ...compared });
  if (numberWord) return make(comparative ? 0.7 : 0.65, { code: 'number-words', phrase: numberWord, ...compared });
  if (comparative) return make(0.45, { code: 'comparison', phrase: comparative });
  if (date) return make(0.4, { code: 'date', phrase: date });
  return null;
}
