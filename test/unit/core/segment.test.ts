import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTxtSegmentation, segmentArticle } from '../../../src-main/core/article';
import { codePointLength, toCodePointOffsets } from '../../../src-main/core/offsets';
import { segmentByBlankLine, segmentByLine } from '../../../src-main/core/segment';
import { hasSeedArticle, NEWS_ARTICLE, SEED_ARTICLE } from '../../support/seed-article';

const NEWS = readFileSync(NEWS_ARTICLE, 'utf8');
const slice = (text: string, b: { start: number; end: number }) => text.slice(b.start, b.end);
const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('plain-text segmentation', () => {
  it('splits a scraped news article into exactly its 22 non-empty lines, footer items one each', () => {
    const article = segmentArticle(NEWS, 'txt');
    const lines = NEWS.split('\n').filter((l) => l.trim() !== '');
    expect(article.segmentation).toBe('lines');
    expect(article.paragraphs).toHaveLength(22);
    expect(article.paragraphs.map((p) => p.text)).toEqual(lines.map((l) => l.trim()));
    expect(article.paragraphs.at(-1)?.text).toBe('khabarnet');
  });

  it.skipIf(!hasSeedArticle)('splits the real seed article into exactly its 27 non-empty lines, footer items one each', () => {
    const seed = readFileSync(SEED_ARTICLE, 'utf8');
    const article = segmentArticle(seed, 'txt');
    expect(article.segmentation).toBe('lines');
    expect(article.paragraphs.map((p) => p.text)).toEqual(seed.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim()));
    expect(article.paragraphs).toHaveLength(27);
    for (const p of article.paragraphs) expect(cpSlice(seed, p.start, p.end)).toBe(p.text);
  });

  it('gives the repeated title the same id with an occurrence number', () => {
    const [first, second] = segmentArticle(NEWS, 'txt').paragraphs;
    expect(second?.id).toBe(`${first?.id}-2`);
  });

  it('treats CRLF and CR as line breaks and counts offsets in the original text', () => {
    const text = 'اول\r\nدوم\rسوم\n';
    const blocks = segmentByLine(text);
    expect(blocks.map((b) => slice(text, b))).toEqual(['اول', 'دوم', 'سوم']);
    expect(blocks[1]).toEqual({ start: 5, end: 8 });
  });

  it('trims NBSP and spaces at the edges but keeps ZWNJ inside and at the edges', () => {
    const text = '\u00a0 می‌روم \n\u200cکتاب‌ها\u200c';
    expect(segmentByLine(text).map((b) => slice(text, b))).toEqual(['می‌روم', '\u200cکتاب‌ها\u200c']);
  });

  it('skips lines that hold only white space, NBSP or a BOM', () => {
    expect(segmentByLine('\ufeff\n \u00a0\t\nمتن\n   ')).toHaveLength(1);
  });

  const articleFixture = (name: string) => readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');

  it('joins hard-wrapped lines (72 columns, stopping mid-sentence) into one paragraph per blank-line block', () => {
    const text = articleFixture('hard-wrapped-72.txt');
    expect(detectTxtSegmentation(text)).toBe('blocks');
    const article = segmentArticle(text, 'txt');
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[0]?.text.split('\n')).toHaveLength(5);
    expect(article.paragraphs[2]?.text).toMatch(/^The operator said[\s\S]*in April\.$/);
  });

  it.each(['brief-en.txt', 'brief-fa.txt'])('reads a four-line brief of whole sentences (%s, 80–115 characters a line, no blank lines) one paragraph per line', (name) => {
    const text = articleFixture(name);
    expect(detectTxtSegmentation(text)).toBe('lines');
    expect(segmentArticle(text, 'txt').paragraphs).toHaveLength(4);
  });

  it('does not take lines that each end a sentence for hard wrapping, however even their width', () => {
    const para = (n: number) => Array.from({ length: 4 }, (_, i) => `Line ${i} of paragraph ${n} is near sixty columns and ends a sentence.`).join('\n');
    expect(detectTxtSegmentation(`${para(1)}\n\n${para(2)}`)).toBe('lines');
  });

  it('keeps one paragraph per line when short footer lines follow long news lines', () => {
    expect(detectTxtSegmentation(NEWS)).toBe('lines');
  });

  it('lets the caller force a segmentation', () => {
    expect(segmentArticle('a\nb\n\nc', 'txt', 'blocks').paragraphs.map((p) => p.text)).toEqual(['a\nb', 'c']);
  });
});

describe('markdown segmentation', () => {
  it('makes headings and blank-line blocks paragraphs and takes the title from the first heading', () => {
    const text = '# عنوان خبر\n\nپاراگراف اول\nادامه همان پاراگراف\n\n> نقل قول';
    const article = segmentArticle(text, 'md');
    expect(article.title).toBe('عنوان خبر');
    expect(article.segmentation).toBe('markdown');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['عنوان خبر', 'پاراگراف اول\nادامه همان پاراگراف', '> نقل قول']);
  });

  it('segments blank lines made of spaces as separators', () => {
    expect(segmentByBlankLine('a\n   \nb')).toHaveLength(2);
  });
});

describe('code-point offsets', () => {
  it('exports code-point offsets for text with emoji', () => {
    const text = 'خبر 😀 فوری\nدوم';
    const [first, second] = segmentArticle(text, 'txt').paragraphs;
    expect(first).toMatchObject({ start: 0, end: 10 });
    expect(second).toMatchObject({ start: 11, end: 14 });
    expect(cpSlice(text, second!.start, second!.end)).toBe('دوم');
    expect(text.indexOf('فوری')).toBe(7);
    expect(toCodePointOffsets(text, [7])).toEqual([6]);
  });

  it('slices every paragraph of a news article (NBSP-led line included) back out of the text by code points', () => {
    const paragraphs = segmentArticle(NEWS, 'txt').paragraphs;
    expect(paragraphs.some((p) => NEWS.includes(`\u00a0${p.text}`))).toBe(true);
    for (const p of paragraphs) expect(cpSlice(NEWS, p.start, p.end)).toBe(p.text);
  });

  it('counts a lone surrogate as one code point, as Python does', () => {
    expect(codePointLength('a\ud800b')).toBe(3);
    expect(toCodePointOffsets('a\ud800b', [3])).toEqual([3]);
  });

  it('refuses offsets that go backwards', () => {
    expect(() => toCodePointOffsets('abc', [2, 1])).toThrow(RangeError);
  });
});
