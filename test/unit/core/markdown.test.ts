import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../../src-main/core/article';
import { markdownTitle, segmentMarkdown } from '../../../src-main/core/markdown';

const texts = (text: string) => segmentMarkdown(text).map((b) => text.slice(b.start, b.end));

describe('markdown (CommonMark blocks)', () => {
  it('keeps a soft-wrapped paragraph as one paragraph', () => {
    expect(texts('خط اول پاراگراف\nادامه‌ی همان پاراگراف\n\nپاراگراف دوم')).toEqual(['خط اول پاراگراف\nادامه‌ی همان پاراگراف', 'پاراگراف دوم']);
  });

  it('makes an ATX heading its own paragraph even without blank lines, leaving its # marks outside', () => {
    expect(texts('## تیتر خبر ##\nمتن زیر تیتر\n### \n')).toEqual(['تیتر خبر', 'متن زیر تیتر']);
  });

  it('makes a setext heading its own paragraph and drops the underline', () => {
    expect(texts('Harbour wind\n============\nThe ferry stopped.\n\nSecond\n---\n')).toEqual(['Harbour wind', 'The ferry stopped.', 'Second']);
  });

  it('drops thematic breaks', () => {
    expect(texts('الف\n\n* * *\n\nب\n\n___')).toEqual(['الف', 'ب']);
  });

  it('makes each list item a paragraph, with lazy continuation lines, bullet outside', () => {
    expect(texts('- نخست\n- دوم که\nادامه دارد\n1. شماره یک\n2) شماره دو')).toEqual(['نخست', 'دوم که\nادامه دارد', 'شماره یک', 'شماره دو']);
  });

  it('does not let "2019. …" interrupt a paragraph (only an item numbered 1 does)', () => {
    expect(texts('The season ended in\n2019. Then it began again.')).toEqual(['The season ended in\n2019. Then it began again.']);
  });

  it('keeps a fenced code block whole, blank lines and # lines inside included', () => {
    const text = 'Before\n\n```\n# not a heading\n\ncode\n```\nAfter';
    expect(texts(text)).toEqual(['Before', '```\n# not a heading\n\ncode\n```', 'After']);
  });

  it('keeps an unclosed fence to the end of the file', () => {
    expect(texts('a\n~~~\nb\n\nc')).toEqual(['a', '~~~\nb\n\nc']);
  });

  it('slices every block out of the original text, CRLF included, and offsets are code points', () => {
    const text = '# سرخط 😀\r\n\r\nمتن\r\nادامه';
    const article = segmentArticle(text, 'md');
    const points = [...text];
    for (const p of article.paragraphs) expect(points.slice(p.start, p.end).join('')).toBe(p.text);
    expect(article.paragraphs.map((p) => p.text)).toEqual(['سرخط 😀', 'متن\r\nادامه']);
  });

  it('takes the title from the first heading, else the first paragraph', () => {
    expect(markdownTitle('intro\n\n## Second heading')).toBe('Second heading');
    expect(segmentArticle('plain start\n\nmore', 'md').title).toBe('plain start');
  });

  it('lets an editor read a .md file line by line or by blank lines instead', () => {
    const text = '# T\nline one\nline two';
    expect(segmentArticle(text, 'md', 'lines').paragraphs.map((p) => p.text)).toEqual(['# T', 'line one', 'line two']);
    expect(segmentArticle(text, 'md', 'blocks').paragraphs).toHaveLength(1);
  });
});
