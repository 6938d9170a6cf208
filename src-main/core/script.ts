/**
 * Guesses an article's writing direction and language from the letters it uses: the script
 * with the most letters decides (Han, kana and Hangul count three times, since one of those
 * characters carries about as much as three Latin letters), then letters only one language of
 * that script uses pick the language. A language the page declares (`<html lang>`) is kept
 * when its script is the one the text is written in; pages built from an English template
 * often say `en` over Chinese text.
 */
type Script =
  | 'arabic' | 'hebrew' | 'latin' | 'cyrillic' | 'greek' | 'han' | 'kana' | 'hangul' | 'thai' | 'lao' | 'khmer'
  | 'myanmar' | 'devanagari' | 'bengali' | 'gurmukhi' | 'gujarati' | 'tamil' | 'telugu' | 'kannada' | 'malayalam'
  | 'sinhala' | 'armenian' | 'georgian' | 'ethiopic' | 'thaana' | 'syriac';

/** Code point ranges [from, to, script], sorted by start. */
const RANGES: [number, number, Script][] = [
  [0x41, 0x5a, 'latin'], [0x61, 0x7a, 'latin'], [0xc0, 0x24f, 'latin'], [0x370, 0x3ff, 'greek'], [0x400, 0x52f, 'cyrillic'],
  [0x531, 0x58f, 'armenian'], [0x591, 0x5ff, 'hebrew'], [0x620, 0x64a, 'arabic'], [0x66e, 0x6d3, 'arabic'],
  [0x6d5, 0x6ff, 'arabic'], [0x700, 0x74f, 'syriac'], [0x750, 0x77f, 'arabic'], [0x780, 0x7bf, 'thaana'],
  [0x8a0, 0x8ff, 'arabic'], [0x900, 0x97f, 'devanagari'], [0x980, 0x9ff, 'bengali'], [0xa00, 0xa7f, 'gurmukhi'],
  [0xa80, 0xaff, 'gujarati'], [0xb80, 0xbff, 'tamil'], [0xc00, 0xc7f, 'telugu'], [0xc80, 0xcff, 'kannada'],
  [0xd00, 0xd7f, 'malayalam'], [0xd80, 0xdff, 'sinhala'], [0xe00, 0xe7f, 'thai'], [0xe80, 0xeff, 'lao'],
  [0x1000, 0x109f, 'myanmar'], [0x10a0, 0x10ff, 'georgian'], [0x1100, 0x11ff, 'hangul'], [0x1200, 0x139f, 'ethiopic'],
  [0x1780, 0x17ff, 'khmer'], [0x1e00, 0x1eff, 'latin'], [0x3040, 0x30ff, 'kana'], [0x3130, 0x318f, 'hangul'],
  [0x31f0, 0x31ff, 'kana'], [0x3400, 0x4dbf, 'han'], [0x4e00, 0x9fff, 'han'], [0xac00, 0xd7af, 'hangul'],
  [0xf900, 0xfaff, 'han'], [0xfb1d, 0xfb4f, 'hebrew'], [0xfb50, 0xfdff, 'arabic'], [0xfe70, 0xfeff, 'arabic'],
  [0xff21, 0xff3a, 'latin'], [0xff41, 0xff5a, 'latin'], [0xff66, 0xff9f, 'kana'],
];

const WEIGHT: Partial<Record<Script, number>> = { han: 3, kana: 3, hangul: 3 };
const RTL = new Set<Script>(['arabic', 'hebrew', 'syriac', 'thaana']);
/** The language a script alone names (Arabic, Cyrillic, Han and Latin are told apart below). */
const LANG: Partial<Record<Script, string>> = {
  hebrew: 'he', greek: 'el', hangul: 'ko', kana: 'ja', thai: 'th', lao: 'lo', khmer: 'km', myanmar: 'my',
  devanagari: 'hi', bengali: 'bn', gurmukhi: 'pa', gujarati: 'gu', tamil: 'ta', telugu: 'te', kannada: 'kn',
  malayalam: 'ml', sinhala: 'si', armenian: 'hy', georgian: 'ka', ethiopic: 'am', thaana: 'dv', syriac: 'syr',
};

const SORANI = /[\u0695\u06b5\u06c6\u06ce]/u; // ڕ ڵ ۆ ێ
const PASHTO = /[\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u06cd\u06d0]/u; // ټ ډ ړ ږ ښ ګ ڼ ۍ ې
const URDU = /[\u0679\u0688\u0691\u06ba\u06d2]/u; // ٹ ڈ ڑ ں ے
const PERSIAN_ONLY = /[\u067e\u0686\u0698\u06af\u06cc\u06a9]/u; // پ چ ژ گ ی ک
const UKRAINIAN = /[\u0456\u0457\u0454\u0491]/u; // і ї є ґ
const BELARUSIAN = /\u045e/u; // ў
const MACEDONIAN = /[\u0453\u045c\u0455]/u; // ѓ ќ ѕ
const SERBIAN = /[\u0452\u045b]/u; // ђ ћ

export interface ScriptGuess {
  direction: 'rtl' | 'ltr';
  lang: string;
}

function scriptOf(code: number): Script | null {
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to, script] = RANGES[mid]!;
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return script;
  }
  return null;
}

function countScripts(sample: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x41 || (code > 0x7a && code < 0xc0)) continue;
    const script = scriptOf(code);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/** The script of a declared language, for checking it against the text. */
function scriptOfLang(lang: string): Script {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  if (['ar', 'fa', 'ur', 'ps', 'ckb', 'ku', 'sd', 'ug'].includes(primary)) return 'arabic';
  if (['he', 'yi'].includes(primary)) return 'hebrew';
  if (['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'].includes(primary)) return 'cyrillic';
  if (['zh', 'yue', 'ja'].includes(primary)) return 'han';
  for (const [script, code] of Object.entries(LANG)) if (code === primary) return script as Script;
  return 'latin';
}

/** Han and kana are one written language family: a Japanese page is mostly Han with some kana. */
const family = (script: Script): Script => (script === 'kana' ? 'han' : script);

function languageOf(script: Script, counts: Map<Script, number>, sample: string): string {
  if (script === 'arabic') {
    if (SORANI.test(sample)) return 'ckb';
    if (PASHTO.test(sample)) return 'ps';
    if (URDU.test(sample)) return 'ur';
    return PERSIAN_ONLY.test(sample) ? 'fa' : 'ar';
  }
  if (script === 'cyrillic') {
    if (UKRAINIAN.test(sample)) return 'uk';
    if (BELARUSIAN.test(sample)) return 'be';
    if (MACEDONIAN.test(sample)) return 'mk';
    if (SERBIAN.test(sample)) return 'sr';
    return 'ru';
  }
  if (script === 'han' || script === 'kana') {
    // Japanese writes its grammar in kana; Chinese has none.
    const kana = counts.get('kana') ?? 0;
    return kana * 20 >= kana + (counts.get('han') ?? 0) ? 'ja' : 'zh';
  }
  if (script === 'latin') return 'en';
  return LANG[script] ?? 'und';
}

/** Direction and language of `text`; `declared` is what the file says (`<html lang>`), if anything. */
export function guessScript(text: string, declared?: string): ScriptGuess {
  const sample = text.slice(0, 20_000);
  const counts = countScripts(sample);
  let best: Script | null = null;
  let bestScore = 0;
  for (const [script, count] of counts) {
    const score = count * (WEIGHT[script] ?? 1);
    if (score > bestScore) {
      best = script;
      bestScore = score;
    }
  }
  if (best === null) return { direction: 'ltr', lang: declared || 'und' };
  const direction = RTL.has(best) ? 'rtl' : 'ltr';
  if (declared && family(scriptOfLang(declared)) === family(best)) return { direction, lang: declared };
  return { direction, lang: languageOf(best, counts, sample) };
}

/**
 * The direction a paragraph reads in: that of most of its letters (right-to-left scripts against
 * all others), or 'auto' when it has none. A Persian sentence that starts with "Wi-Fi" or a
 * Latin name reads right to left, where its first letter alone (dir="auto") would turn it left to
 * right; an English sentence that quotes a Persian word first stays left to right.
 */
export function paragraphDirection(text: string): 'rtl' | 'ltr' | 'auto' {
  let rtl = 0;
  let other = 0;
  for (const [script, count] of countScripts(text.length > 4_000 ? text.slice(0, 4_000) : text)) {
    if (RTL.has(script)) rtl += count;
    else other += count * (WEIGHT[script] ?? 1);
  }
  if (rtl === 0 && other === 0) return 'auto';
  return rtl >= other ? 'rtl' : 'ltr';
}
