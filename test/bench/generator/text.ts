/**
 * Synthetic article text: one paragraph per line (as scraped news is), Persian or English,
 * with the features that cost something in the app: ZWNJ, legacy Arabic spellings, Persian
 * digits, «» quotes, a repeated title, footer lines and an end marker.
 */
import type { Prng } from './prng';
import { ARABIC_SPELLINGS, ENGLISH_FOOTERS, ENGLISH_WORDS, PERSIAN_DIGITS, PERSIAN_FOOTERS, PERSIAN_WORDS, ZWNJ_WORDS } from './words';

export type Lang = 'fa' | 'en';
/** What a paragraph is, so annotators' simulated labels follow the content like real ones do. */
export type Kind = 'title' | 'body' | 'quote' | 'figure' | 'footer' | 'ad';

export interface GeneratedLine {
  text: string;
  kind: Kind;
}

function persianNumber(rng: Prng): string {
  const n = String(rng.int(2, 98_000));
  return [...n].map((d) => PERSIAN_DIGITS[Number(d)]).join('');
}

function word(rng: Prng, lang: Lang): string {
  if (lang === 'en') return rng.pick(ENGLISH_WORDS);
  const roll = rng.next();
  if (roll < 0.06) return rng.pick(ZWNJ_WORDS);
  if (roll < 0.08) return rng.pick(ARABIC_SPELLINGS);
  return rng.pick(PERSIAN_WORDS);
}

function words(rng: Prng, lang: Lang, min: number, max: number): string {
  const out: string[] = [];
  for (let i = rng.int(min, max); i > 0; i--) out.push(word(rng, lang));
  return out.join(' ');
}

function sentence(rng: Prng, lang: Lang): string {
  const body = words(rng, lang, 6, 14);
  if (lang === 'en') return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
  return `${body}.`;
}

function paragraph(rng: Prng, lang: Lang): GeneratedLine {
  const sentences: string[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) sentences.push(sentence(rng, lang));
  const roll = rng.next();
  if (roll < 0.15) {
    const speech = words(rng, lang, 6, 16);
    sentences.push(lang === 'fa' ? `او گفت: «${speech}».` : `"${speech}," she said.`);
    return { text: sentences.join(' '), kind: 'quote' };
  }
  if (roll < 0.35) {
    const n = lang === 'fa' ? `${persianNumber(rng)} درصد` : `${rng.int(2, 98_000)} per cent`;
    sentences.splice(rng.int(0, sentences.length), 0, lang === 'fa' ? `این رقم ${n} است.` : `The figure was ${n}.`);
    return { text: sentences.join(' '), kind: 'figure' };
  }
  return { text: sentences.join(' '), kind: 'body' };
}

/** Exactly `count` non-blank lines: title, body, then footers and an end marker. */
export function articleLines(rng: Prng, lang: Lang, count: number): GeneratedLine[] {
  const title: GeneratedLine = { text: words(rng, lang, 6, 12), kind: 'title' };
  const lines: GeneratedLine[] = [title];
  // News pages often print the title twice; the second copy gets an occurrence suffix id.
  if (count > 4 && rng.chance(0.1)) lines.push({ ...title });
  const footers = count > 6 ? rng.int(2, 4) : 0;
  while (lines.length < count - footers) lines.push(paragraph(rng, lang));
  const pool = lang === 'fa' ? PERSIAN_FOOTERS : ENGLISH_FOOTERS;
  for (let i = 0; i < footers - 1; i++) {
    const text = rng.pick(pool).replace('{n}', lang === 'fa' ? persianNumber(rng) : String(rng.int(1000, 99_999)));
    lines.push({ text, kind: /تبلیغات|Advertisement/.test(text) ? 'ad' : 'footer' });
  }
  if (footers > 0) lines.push({ text: lang === 'fa' ? 'انتهای پیام' : 'END', kind: 'footer' });
  return lines;
}
