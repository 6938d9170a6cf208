import { describe, expect, it } from 'vitest';
import { buildParagraphs, identityText, paragraphIdFor } from '../../../src-main/core/paragraphs';
import { segmentByLine } from '../../../src-main/core/segment';
import { guessScript } from '../../../src-main/core/script';
import { sortBySchema, toggleLabel } from '../../../src-main/core/labels';

describe('paragraph identity', () => {
  it('keeps a paragraph id when other paragraphs are inserted before it', () => {
    const before = buildParagraphs('الف\nب\n', segmentByLine('الف\nب\n'));
    const text = 'تازه\nالف\nب\n';
    const after = buildParagraphs(text, segmentByLine(text));
    expect(after[2]?.id).toBe(before[1]?.id);
    expect(after[2]?.index).toBe(2);
  });

  it('ignores white-space differences and Unicode composition in the id', () => {
    expect(paragraphIdFor('e\u0301  x', 1)).toBe(paragraphIdFor('\u00e9 x', 1));
    expect(identityText('  a \t b  ')).toBe('a b');
  });

  it('distinguishes Arabic yeh from Persian yeh: the text is kept exactly', () => {
    expect(paragraphIdFor('علي', 1)).not.toBe(paragraphIdFor('علی', 1));
  });

  it('numbers repeats so identical paragraphs get distinct ids', () => {
    const text = 'x\ny\nx\nx';
    expect(buildParagraphs(text, segmentByLine(text)).map((p) => p.id.split('-')[1] ?? '1')).toEqual(['1', '1', '2', '3']);
  });
});

describe('script guess', () => {
  it('reads Persian as right-to-left fa, Arabic as ar, English as ltr en', () => {
    expect(guessScript('این یک خبر است که گفت')).toEqual({ direction: 'rtl', lang: 'fa' });
    expect(guessScript('قال الوزير إن الاقتصاد')).toEqual({ direction: 'rtl', lang: 'ar' });
    expect(guessScript('The minister said')).toEqual({ direction: 'ltr', lang: 'en' });
  });

  it('keeps a Persian article right-to-left when it has a few Latin words', () => {
    expect(guessScript('Wi-Fi رایگان در همه واگن‌ها ارائه خواهد شد').direction).toBe('rtl');
  });
});

describe('label sets', () => {
  const schema = ['quote', 'claim', 'boilerplate', 'ad'];
  it('toggles a label on and off and keeps schema order', () => {
    expect(toggleLabel(['claim'], 'quote', schema)).toEqual(['quote', 'claim']);
    expect(toggleLabel(['quote', 'claim'], 'quote', schema)).toEqual(['claim']);
  });

  it('keeps labels that are not in the schema instead of dropping them', () => {
    expect(sortBySchema(['zeta', 'ad', 'alpha', 'ad'], schema)).toEqual(['ad', 'alpha', 'zeta']);
  });
});
