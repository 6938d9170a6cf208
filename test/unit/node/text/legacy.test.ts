import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../src-main/node/text/decode';
import { guessLegacyEncoding } from '../../../../src-main/node/text/legacy';
import { hasSeedArticle, NEWS_ARTICLE, SEED_ARTICLE } from '../../../support/seed-article';
import { english } from '../../../support/english';

const cp1256 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1256'));

describe('guessLegacyEncoding', () => {
  // Measured with jschardet 4.1.0: for these short Persian words it answers ISO-8859-6.
  it.each(['سپهر', 'کاشان'])('corrects the detector\'s ISO-8859-6 guess for «%s» to windows-1256', (word) => {
    const guess = guessLegacyEncoding(cp1256(word));
    expect(guess.detected).toBe('iso-8859-6');
    expect(guess.encoding).toBe('windows-1256');
    expect(guess.correction).toBe('persian-letters');
    expect(decodeBytes(cp1256(word)).text).toBe(word);
  });

  it('names the correction in the decode warning, so the guess is never silent', () => {
    const { warnings } = decodeBytes(cp1256('کاشان'));
    expect(english(warnings)).toMatch(/the detector said iso-8859-6; chose windows-1256/);
  });

  /**
   * Legacy files carry Arabic yeh (windows-1256 has no ی). Lines without any Arabic-script byte
   * are pure ASCII and never reach the detector. Known residue: very short lines with none of
   * پ چ ژ گ ک (e.g. a two-word menu item) can still be called ISO-8859-6; the whole file is
   * detected correctly.
   */
  function expectLegacyDetection(text: string): void {
    const legacy = text.replace(/ی/g, 'ي');
    const lines = legacy.split('\n').filter((line) => /[\u0600-\u06ff]/.test(line));
    const wrong = lines.filter((line) => guessLegacyEncoding(cp1256(line)).encoding !== 'windows-1256');
    expect(wrong.every((line) => line.trim().split(/\s+/).length <= 3)).toBe(true);
    expect(wrong.length).toBeLessThanOrEqual(2);
    expect(guessLegacyEncoding(cp1256(legacy)).encoding).toBe('windows-1256');
  }

  it('detects a news article re-encoded as windows-1256, and all its lines but two very short ones', () => {
    expectLegacyDetection(readFileSync(NEWS_ARTICLE, 'utf8'));
  });

  it.skipIf(!hasSeedArticle)('detects the real seed article re-encoded as windows-1256, and all its lines but two very short ones', () => {
    expectLegacyDetection(readFileSync(SEED_ARTICLE, 'utf8'));
  });

  it('keeps a genuine ISO-8859-6 Arabic guess', () => {
    const arabic = 'قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا في العاصمة لمناقشة الأوضاع الاقتصادية.';
    const guess = guessLegacyEncoding(new Uint8Array(iconv.encode(arabic, 'iso-8859-6')));
    expect(guess).toMatchObject({ encoding: 'iso-8859-6', detected: 'iso-8859-6' });
    expect(guess.correction).toBeUndefined();
  });
});
