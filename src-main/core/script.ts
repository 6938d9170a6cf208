/** Guesses an article's writing direction and language from the letters it uses. */
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/gu;
const PERSIAN_ONLY = /[\u067e\u0686\u0698\u06af\u06cc\u06a9]/u; // پ چ ژ گ ی ک
const HEBREW = /[\u0590-\u05ff]/gu;
const LATIN = /[A-Za-z\u00c0-\u024f]/gu;

export interface ScriptGuess {
  direction: 'rtl' | 'ltr';
  lang: string;
}

export function guessScript(text: string): ScriptGuess {
  const sample = text.slice(0, 20_000);
  const arabic = sample.match(ARABIC_SCRIPT)?.length ?? 0;
  const hebrew = sample.match(HEBREW)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (arabic >= latin && arabic >= hebrew && arabic > 0) {
    return { direction: 'rtl', lang: PERSIAN_ONLY.test(sample) ? 'fa' : 'ar' };
  }
  if (hebrew > latin) return { direction: 'rtl', lang: 'he' };
  return { direction: 'ltr', lang: latin > 0 ? 'en' : 'und' };
}
