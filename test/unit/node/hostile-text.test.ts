/**
 * Every path untrusted text takes — reading a file (txt, md, html), the suggesters, search and
 * the guidelines panel's markdown — finishes on a 200 kB paragraph of one pathological pattern
 * (issue 21). Each pattern made some regular expression quadratic before: 40,000 “ took 28 s in
 * `pilcrow suggest`, 64,000 [ froze the guidelines panel for 2 s, 20,000 NBSP in one HTML
 * paragraph took 1.7 s. At 200 kB a quadratic path takes minutes, so the per-case timeout
 * (generous, 20× what a linear path needs on a loaded machine) fails it; speed itself is
 * measured by `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { repetitionIndexOf, suggestArticle } from '../../../src-main/core/suggest/suggest';
import { defaultSuggestSettings } from '../../../src-main/core/suggest/types';
import { locateMatch, searchMatches } from '../../../src-main/core/search-key';
import { articleFromBytes } from '../../support/article-from-bytes';
import { suggestArticleOf } from '../../../src-main/node/suggest/gather';
import { parseInline, parseMarkdown } from '../../../src-renderer/features/annotate/guidelines/markdown';

const SIZE = 200_000;
const CASE_TIMEOUT = 20_000;
/** Runs of one pattern, each with nothing to close or end it. */
const PATTERNS = ['“', '«', '„', '"', '۱', '1,', '1.', '\u00a0', ' ', '\t', '[', '[a](', '**', '*a', '_a', '`a', '<a ', '&a', '# ', '- ', ':', '.', '!', '؟', '.\u200c', 'ا ', 'a-', 'http://', 'www.', '@a', '#a', '\u202e', '، '];

const paragraphOf = (pattern: string): string => pattern.repeat(Math.ceil(SIZE / pattern.length));

async function readAndSuggest(text: string, format: 'txt' | 'md' | 'html'): Promise<number> {
  const bytes = new TextEncoder().encode(format === 'html' ? `<html><body><p>Title</p><p>${text}</p><p>End.</p></body></html>` : `Title\n\n${text}\n\nEnd.\n`);
  const article = await articleFromBytes(bytes, format, `hostile.${format}`);
  const forSuggest = suggestArticleOf(article);
  // The cues themselves are held to linear time here, past the length the app gives them (cue-limit.ts).
  suggestArticle(forSuggest, repetitionIndexOf([forSuggest]), { settings: defaultSuggestSettings(), cueLimit: Infinity });
  return article.paragraphs.length;
}

describe('a 200 kB paragraph of one pathological pattern', () => {
  for (const pattern of PATTERNS) {
    const name = JSON.stringify(pattern);
    it(`is read as txt and html and given suggestions: ${name}`, { timeout: CASE_TIMEOUT }, async () => {
      const text = paragraphOf(pattern);
      expect(await readAndSuggest(text, 'txt')).toBeGreaterThan(0);
      expect(await readAndSuggest(text, 'html')).toBeGreaterThan(0);
    });

    it(`is searched and shown as guidelines markdown: ${name}`, { timeout: CASE_TIMEOUT }, () => {
      const text = paragraphOf(pattern);
      // A word after the run is still found, where it is.
      expect(searchMatches(`${text} needle`, 'needle')).toBe(true);
      expect(locateMatch(`${text} needle`, 'needle')).toEqual({ start: text.length + 1, end: text.length + 7 });
      expect(searchMatches(text, `${pattern}x`)).toBe(false);
      expect(parseMarkdown(`# Guide\n\n${text}\n`).length).toBeGreaterThan(0);
    });
  }

  it('is read as markdown for the patterns markdown gives meaning to', { timeout: CASE_TIMEOUT * 3 }, async () => {
    for (const pattern of ['[', '[a](', '**', '*a', '_a', '`a', '# ', '- ', '> ', '1. ', '    ']) expect(await readAndSuggest(paragraphOf(pattern), 'md')).toBeGreaterThan(0);
  });
});

describe('guidelines inline marks, read in one pass', () => {
  it('reads bold, italic, code and links as the four marks, first closing one wins', () => {
    expect(parseInline('a **b** _c_ `d` [e](https://f.test) g')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'e', href: 'https://f.test' },
      { kind: 'text', text: ' g' },
    ]);
  });

  it('leaves marks that do not close, empty ones and links with a space in the address as text', () => {
    expect(parseInline('[[[a] (b) ** `` [c](d e)')).toEqual([{ kind: 'text', text: '[[[a] (b) ** `` [c](d e)' }]);
    expect(parseInline('***a**')).toEqual([{ kind: 'strong', text: '*a' }]);
    expect(parseInline('**a*')).toEqual([{ kind: 'em', text: '*a' }]);
    expect(parseInline('*a\n*')).toEqual([{ kind: 'text', text: '*a\n*' }]);
  });
});
