import { describe, expect, it } from 'vitest';
import { compactKey, searchKey, searchMatches } from '../../../src-main/core/search-key';

describe('searchKey', () => {
  it('gives «رئيس‌جمهور كشور ١٢٣» and «رئیس جمهور کشور ۱۲۳» the same key', () => {
    expect(searchKey('رئيس\u200cجمهور كشور ١٢٣')).toBe(searchKey('رئیس جمهور کشور ۱۲۳'));
    expect(searchKey('رئیس جمهور کشور ۱۲۳')).toBe('رئیس جمهور کشور 123');
  });

  it('maps Arabic yeh ي and alef maksura ى to Persian yeh ی, and Arabic kaf ك to ک', () => {
    expect(searchKey('علي مصطفى كتاب')).toBe('علی مصطفی کتاب');
  });

  it('keeps teh marbuta ة (a different letter, not a spelling variant)', () => {
    expect(searchKey('مدرسة')).toBe('مدرسة');
  });

  it('turns Persian and Arabic-Indic digits into ASCII digits', () => {
    expect(searchKey('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789');
  });

  it('drops harakat, superscript alef and tatweel', () => {
    expect(searchKey('كَتَبَ')).toBe('کتب');
    expect(searchKey('رحمٰن')).toBe('رحمن');
    expect(searchKey('خـــبر')).toBe('خبر');
  });

  it('drops ZWJ, LRM/RLM/ALM, bidi embeddings and isolates, BOM and soft hyphen', () => {
    const noisy = '\ufeff\u200fخبر\u200d\u061c \u202bفوری\u202c \u2067news\u2069\u200e in\u00adfo';
    expect(searchKey(noisy)).toBe('خبر فوری news info');
  });

  it('maps ZWNJ to a space and collapses white space, NBSP included', () => {
    expect(searchKey('  می\u200cروم\u00a0\u00a0به\n\tخانه  ')).toBe('می روم به خانه');
  });

  it('applies NFKC (Arabic presentation forms, full-width Latin) and lowercases', () => {
    expect(searchKey('\ufeeb\ufeb8\ufe8e\ufee2')).toBe('هشام'); // presentation forms of هشام
    expect(searchKey('ＮＥＷＳ Tehran')).toBe('news tehran');
  });
});

/** The key as it was first written, one regular expression a step: the one-pass searchKey must give the same. */
function searchKeyByRegex(text: string): string {
  const map: Record<string, string> = { '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9' };
  return text
    .normalize('NFKC')
    .replace(/[\u064a\u0649\u0643]/g, (ch) => map[ch] ?? ch)
    .replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (ch) => String(ch.charCodeAt(0) & 0xf))
    // eslint-disable-next-line no-misleading-character-class -- each mark is deleted on its own
    .replace(/[\u064b-\u065f\u0670\u0640\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g, '')
    .replace(/\u200c/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

describe('searchKey in one pass', () => {
  it('gives the key of the step-by-step definition on 20,000 seeded random strings of the characters it treats apart', () => {
    const alphabet = [...'aZİ1 \t\n\u00a0\u3000\u2028\ufeff\u200c\u200d\u200e\u064a\u0649\u0643\u06f3\u0665\u064e\u0670\u0640\u202b\u2067\u00adکةﻻＡ\ud83d\ude00'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      expect(searchKey(text), JSON.stringify(text)).toBe(searchKeyByRegex(text));
    }
  });
});

describe('compactKey and searchMatches', () => {
  it('lets «رئیس‌جمهور» (ZWNJ), «رئیس جمهور» (space) and «رئیسجمهور» (joined) all find each other', () => {
    const spellings = ['رئیس\u200cجمهور', 'رئیس جمهور', 'رئیسجمهور', 'رئيس\u200cجمهور'];
    for (const paragraph of spellings) {
      for (const query of spellings) expect(searchMatches(`دیدار ${paragraph} با مردم`, query)).toBe(true);
    }
    expect(compactKey('رئیس\u200cجمهور')).toBe(compactKey('رئیسجمهور'));
  });

  it('finds a legacy windows-1256 spelling from a query typed on a Persian keyboard', () => {
    expect(searchMatches('كشاورزان مي\u200cگويند', 'کشاورزان می‌گویند')).toBe(true);
  });

  it('does not match unrelated text, and an empty query matches nothing', () => {
    expect(searchMatches('بازار کتاب', 'رئیس جمهور')).toBe(false);
    expect(searchMatches('بازار کتاب', ' \u200c ')).toBe(false);
  });
});
