import { describe, expect, it } from 'vitest';
import { hash53 } from '../../../src-main/core/hash';
import { identityText, paragraphIdFor } from '../../../src-main/core/paragraphs';
import { searchKey } from '../../../src-main/core/search-key';
import { lineKey, lineKeyOf } from '../../../src-main/core/suggest/repetition';

/**
 * Label files name paragraphs by id, and the repetition counts compare line keys: both are
 * computed in place for speed, and must stay the values the plain definitions give.
 */
const SAMPLES = [
  'Hello world',
  '  Hello \t world\n',
  'two  spaces',
  'a\u00a0no-break space',
  'line\u2028separator',
  ' lead',
  'trail ',
  'رئیس‌جمهور گفت: «سلام»',
  '«پربیننده‌ترین» ،',
  '— 2024 —',
  '—',
  '',
  'e\u0301 composed',
];

/** The plain definition: collapse white space and trim. */
const plainIdentity = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Lines and the string their key hashes: the search key without spaces, trimmed to its first and last letter or digit. */
const LINES: [string, string][] = [
  ['Hello  world', 'helloworld'],
  ['  «پربیننده‌ترین» ،', 'پربینندهترین'],
  ['رئیس‌جمهور گفت: «سلام»', 'رئیسجمهورگفت:«سلام'],
  ['— 2024 —', '2024'],
  ['—', ''],
];

describe('stable paragraph ids and line keys', () => {
  it('keeps the paragraph ids existing label files hold', () => {
    expect(paragraphIdFor('Hello world', 1)).toBe('p0yekku5o2mw');
    expect(paragraphIdFor('  Hello \t world\n', 2)).toBe('p0yekku5o2mw-2');
    expect(paragraphIdFor('رئیس‌جمهور گفت: «سلام»', 1)).toBe('p244ti9bp71o');
  });

  it('collapses and trims white space in the identity text exactly as the plain definition does', () => {
    for (const text of SAMPLES) expect(identityText(text), JSON.stringify(text)).toBe(plainIdentity(text));
  });

  it('hashes a line key without its spaces and edge punctuation, as the plain definition does', () => {
    for (const [text, compact] of LINES) expect(lineKeyOf(searchKey(text)), text).toBe(hash53(compact));
    expect(lineKey('Hello world')).toBe(4623861315801481);
    expect(lineKey('رئیس‌جمهور گفت: «سلام»')).toBe(1870945328757759);
    expect(lineKey('—')).toBe(lineKey(''));
  });
});
