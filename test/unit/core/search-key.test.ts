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
