/**
 * Text cues shared by the suggesters. Everything is matched on the Persian-aware search key
 * (core/search-key.ts), so ي/ی, ك/ک, Persian digits and ZWNJ spellings all meet: «می‌گوید»,
 * «می گوید» and legacy «مي‌گويد» are the same words here.
 */
import { searchKey } from '../search-key';
import { countWords, hasUnspacedScript } from '../words';

/** A paragraph's text as the suggesters see it. */
export interface Cued {
  /** searchKey of the text (lowercase, ASCII digits, ZWNJ as a space). */
  key: string;
  /** Its words: runs of letters, marks and digits. */
  tokens: string[];
  /**
   * How many words a reader counts: `tokens.length`, except that a run of Chinese, Japanese or
   * Thai (written without spaces) is cut into its words (core/words.ts).
   */
  words: number;
  /** What findPhrase found, per word list: computed once for all lists (see `scan`). */
  found?: { version: number; first: (string | null)[] };
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function cue(text: string): Cued {
  const key = searchKey(text);
  const tokens = key.match(WORD) ?? [];
  return { key, tokens, words: hasUnspacedScript(key) ? countWords(key) : tokens.length };
}

/**
 * Suffixes a word may carry and still be "that word": Persian plurals, comparatives and the ezafe
 * or indefinite ی, written joined when the scraper dropped the ZWNJ («استانها», «پربینندهترین»),
 * and English plurals.
 */
const SUFFIXES = ['ها', 'های', 'هایی', 'ترین', 'تر', 'ی', 'ای', 'ان', 's', 'es'];

/**
 * Every word list the suggesters look up, merged into one index so a paragraph's words are read
 * once for all of them: word form (with each suffix) -> the lists and words it stands for;
 * phrase -> by its first word. The bench runs this over 10k articles.
 */
const lists: (readonly string[])[] = [];
const listIds = new Map<readonly string[], number>();
const forms = new Map<string, { list: number; word: string }[]>();
const phrases = new Map<string, { list: number; phrase: string; rest: string[] }[]>();
let version = 0;

function idOf(list: readonly string[]): number {
  let id = listIds.get(list);
  if (id !== undefined) return id;
  id = lists.length;
  lists.push(list);
  listIds.set(list, id);
  version += 1;
  for (const entry of list) {
    const [first, ...rest] = entry.split(' ') as [string, ...string[]];
    if (rest.length > 0) {
      phrases.set(first, [...(phrases.get(first) ?? []), { list: id, phrase: entry, rest }]);
      continue;
    }
    for (const suffix of ['', ...SUFFIXES]) {
      const at = forms.get(entry + suffix) ?? [];
      if (!at.some((f) => f.list === id)) forms.set(entry + suffix, [...at, { list: id, word: entry }]);
    }
  }
  return id;
}

/** Whether `rest` is the words of `tokens` from `at` on. */
function restFollows(tokens: readonly string[], at: number, rest: readonly string[]): boolean {
  for (let j = 0; j < rest.length; j++) if (tokens[at + j] !== rest[j]) return false;
  return true;
}

/** One pass over the words: for every list, the first entry in text order (a phrase before a word). */
function scan(c: Cued): (string | null)[] {
  if (c.found?.version === version) return c.found.first;
  const first: (string | null)[] = new Array<string | null>(lists.length).fill(null);
  const tokens = c.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const starting = phrases.get(token);
    if (starting !== undefined) {
      for (const p of starting) if (first[p.list] === null && restFollows(tokens, i + 1, p.rest)) first[p.list] = p.phrase;
    }
    const standing = forms.get(token);
    if (standing !== undefined) for (const f of standing) if (first[f.list] === null) first[f.list] = f.word;
  }
  c.found = { version, first };
  return first;
}

/** The first entry of `list` in the text: a phrase as whole words, a single word also with a suffix. */
export function findPhrase(c: Cued, list: readonly string[]): string | null {
  const id = idOf(list);
  return scan(c)[id] ?? null;
}

const split = new WeakMap<readonly string[], string[][]>();

/** Whether the text starts with one of `phrases` (a label such as "Sponsored:" or «مطالب مرتبط»). */
export function startsWithPhrase(c: Cued, list: readonly string[]): string | null {
  let words = split.get(list);
  if (!words) split.set(list, (words = list.map((p) => p.split(' '))));
  for (let i = 0; i < words.length; i++) if (words[i]!.every((w, j) => c.tokens[j] === w)) return list[i]!;
  return null;
}

export function wordCount(c: Cued): number {
  return c.words;
}

/** A line that ends like a sentence (. ! ? ؟ … 。 ！ ？, or a closing quotation mark after one). */
export function endsLikeSentence(text: string): boolean {
  return /[.!?؟…。！？｡]["'»”’)\]」』）]*\s*$/u.test(text);
}

export function isQuestion(text: string): boolean {
  return /[?؟？]["'»”’)\]」』）]*\s*$/u.test(text);
}

/** A link: a URL, www., or a bare domain such as shop.ir (tried where a name starts: linear). */
export function hasLink(c: Cued): boolean {
  return /https?:\/\/|www\.|(?<![a-z0-9-])[a-z0-9-]+\.(com|ir|net|org|co|shop|store|info)\b/.test(c.key);
}
