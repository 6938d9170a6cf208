import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildParagraphs } from '../../../../src-main/core/paragraphs';
import { extractJsonl, indexJsonl, jsonlArticle, type JsonlArticle } from '../../../../src-main/node/formats/jsonl';
import { ArticleReadError } from '../../../../src-main/node/text/errors';

const source = readFileSync(new URL('../../../fixtures/articles/articles.jsonl', import.meta.url), 'utf8');
const paragraphsOf = ({ article }: JsonlArticle) => article.blocks.map((b) => article.text.slice(b.start, b.end));

function readError(run: () => unknown): ArticleReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArticleReadError) return error;
    throw error;
  }
  throw new Error('expected an ArticleReadError');
}

describe('extractJsonl', () => {
  const { articles, warnings } = extractJsonl(source, 'batch.jsonl');

  it('loads the good lines and keys them by id, else by line number', () => {
    expect(articles.map((a) => [a.key, a.line])).toEqual([
      ['a1', 1],
      ['line-2', 2],
      ['7', 5],
      ['a1#line-7', 7],
    ]);
  });

  it('splits a "text" line one paragraph per non-blank line (CRLF too), keeping ZWNJ', () => {
    const first = articles[0];
    expect(first && paragraphsOf(first)).toEqual(['گزارشگر ما خبر می\u200cدهد که برداشت چای آغاز شد.', 'کشاورزان راضی هستند.', 'صفحه اول', 'تماس با ما']);
    expect(first?.article.title).toBe('چای لاهیجان');
  });

  it('keeps each "paragraphs" entry as one paragraph (inner line breaks too), skipping blank ones', () => {
    const second = articles[1];
    expect(second && paragraphsOf(second)).toEqual([
      'Heavy rain closed the mountain road on Sunday.',
      'Drivers were told to wait.\nA second line stays in the paragraph.',
    ]);
    expect(second?.article.title).toBe('Heavy rain closed the mountain road on Sunday.');
  });

  it('trims a paragraph\'s block but keeps its text as given', () => {
    const lone = articles[2];
    expect(lone?.article.text).toBe('  بند تنها  ');
    expect(lone && paragraphsOf(lone)).toEqual(['بند تنها']);
    expect(lone && buildParagraphs(lone.article.text, lone.article.blocks)[0]).toMatchObject({ start: 2, end: 10 });
  });

  it('reports each bad line by number and what is wrong, and skips it', () => {
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/^batch\.jsonl line 3: text: .*string/);
    expect(warnings[1]).toMatch(/^batch\.jsonl line 4: not valid JSON/);
    expect(warnings[2]).toMatch(/^batch\.jsonl line 7: id "a1" was already used/);
    expect(warnings[3]).toMatch(/^batch\.jsonl line 8: needs exactly one of "text"/);
    expect(warnings[4]).toMatch(/^batch\.jsonl line 9: the article has no text/);
  });

  it('refuses a file in which no line is readable, quoting the problems', () => {
    const error = readError(() => extractJsonl('{"title":"بی متن"}\n[1,2]\n', 'bad.jsonl'));
    expect(error.code).toBe('bad-jsonl');
    expect(error.message).toMatch(/line 1/);
  });

  it('calls a file with only blank lines empty', () => {
    expect(readError(() => extractJsonl('\n  \n', 'blank.jsonl')).code).toBe('empty');
  });
});

describe('indexJsonl on a large file', () => {
  it('keeps only the place of each line and reads an article again from its line', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `خبر ${i}\nپاراگراف دوم` }));
    const source = `${lines.join('\n')}\n`;
    const index = indexJsonl(source, 'feed.jsonl');
    expect(index.lines).toHaveLength(20_000);
    expect(index.lines[19_999]).toEqual({ key: 'n19999', line: 20_000, start: expect.any(Number), end: expect.any(Number) });
    expect(Object.keys(index.lines[0]!)).not.toContain('article');
    const article = jsonlArticle(source, index.lines[19_999]!);
    expect(article.blocks.map((b) => article.text.slice(b.start, b.end))).toEqual(['خبر 19999', 'پاراگراف دوم']);
  });

  it('refuses more than 50,000 articles in one file before parsing a line, naming the file and how to split it', () => {
    const source = '{"text":"a"}\n'.repeat(50_001);
    const error = readError(() => indexJsonl(source, 'feeds/feed.jsonl'));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('feeds/feed.jsonl holds 50,001 lines; Pilcrow opens JSON Lines files of up to 50,000 articles, so none of them is listed. Split it into files of up to 50,000 lines (for example: split -l 50000 --additional-suffix=.jsonl feed.jsonl part-).');
    expect(indexJsonl('{"text":"a"}\n\n  \n'.repeat(50_000), 'ok.jsonl').lines).toHaveLength(50_000); // blank lines do not count
  });
});
