import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildParagraphs } from '../../../../src-main/core/paragraphs';
import { extractJsonl, type JsonlArticle } from '../../../../src-main/node/formats/jsonl';
import { ArticleReadError } from '../../../../src-main/node/text/errors';
import { english } from '../../../support/english';

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
    expect(english(warnings[0])).toMatch(/^batch\.jsonl line 3: text: .*string/);
    expect(english(warnings[1])).toMatch(/^batch\.jsonl line 4: not valid JSON/);
    expect(english(warnings[2])).toMatch(/^batch\.jsonl line 7: id "a1" was already used/);
    expect(english(warnings[3])).toMatch(/^batch\.jsonl line 8: needs exactly one of "text"/);
    expect(english(warnings[4])).toMatch(/^batch\.jsonl line 9: the article has no text/);
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
