/**
 * Reading a saved page as a reader sees it (issue 14, item 1). Each case is a small page of our
 * own in test/fixtures/pages/; each failed before the fix it names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../../src-main/node/formats/html';
import type { ExtractedArticle } from '../../../../src-main/node/formats/extracted';
import { articleFromBytes } from '../../../support/article-from-bytes';
import { noteText } from '../../../../src-main/core/reading-notes';
import { english } from '../../../support/english';

const page = (name: string) => readFileSync(new URL(`../../../fixtures/pages/${name}`, import.meta.url), 'utf8');
const paragraphsOf = (article: ExtractedArticle) => article.blocks.map((b) => article.text.slice(b.start, b.end));

async function loaded(name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../fixtures/pages/${name}`, import.meta.url)));
  return articleFromBytes(bytes, 'html', name);
}

describe('reading a saved page as a reader sees it', () => {
  it('ends a paragraph at <br>s with only white space between them, NBSP included', () => {
    expect(paragraphsOf(extractHtml(page('br-runs.html')))).toEqual([
      'The harbour ferry returned to service on Monday after a month of repairs.',
      'Passengers queued at the pier before dawn.',
      'The operator said two more boats will follow in spring.',
      'Tickets cost the same as last year.\nThe timetable is unchanged.',
    ]);
  });

  it('leaves out what the page hides (hidden, aria-hidden, display:none, visibility:hidden, a closed dialog) and counts it', () => {
    const article = extractHtml(page('hidden.html'));
    expect(paragraphsOf(article)).toEqual([
      'The council voted on Tuesday to build a new library by 2027.',
      'The library will open next to the station.',
      "A collapsed section that the browser's search opens stays.",
      'Residents welcomed the vote.',
    ]);
    // 3 index lines, [update], WRONG…, the placeholder, "secretly", the dialog's line.
    expect(article.page?.hiddenLines).toBe(8);
  });

  it('says in the article how many hidden lines were left out, as a note, and not again among the warnings', async () => {
    const article = await loaded('hidden.html');
    expect(article.notes).toEqual([{ code: 'hidden-lines', count: 8 }]);
    expect(article.notes.map(noteText)).toEqual(['8 hidden lines were left out: the page hides them from its readers (hidden, aria-hidden, display:none).']);
    expect(english(article.warnings)).not.toContain('hidden lines');
    expect((await loaded('br-runs.html')).notes).toEqual([]);
  });

  it('shows the text of a page saved with its body hidden behind an open dialog, and says so', () => {
    const story = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to be read as running text by anyone, with a clause or two more.</p>`).join('');
    const page = `<body><div id="app" aria-hidden="true">${story}</div><div role="dialog"><p>We use cookies.</p><p>Accept</p></div></body>`;
    const article = extractHtml(page);
    expect(paragraphsOf(article)).toHaveLength(32);
    expect(article.page?.hiddenLines).toBe(0);
    expect(article.warnings.map(english)).toEqual(['The page hides most of its text (it was probably saved with a dialog open); the hidden text is shown.']);
    // A hidden block of a few lines is left out, however little the page shows beside it.
    const small = extractHtml('<body><p style="visibility:hidden">A hidden line that is longer than the visible one.</p><p>Shown.</p></body>');
    expect(paragraphsOf(small)).toEqual(['Shown.']);
  });

  it('leaves out form controls and the labels of controls, but keeps a label of nothing as text', () => {
    expect(paragraphsOf(extractHtml(page('controls.html')))).toEqual(['Bread prices rose in March for the third month in a row.', 'Bakers expect them to fall in summer.']);
  });

  it('keeps a citation whole when an inline-styled or empty box, or a div of inline text, sits in its line', () => {
    expect(paragraphsOf(extractHtml(page('inline-divs.html')))).toEqual([
      '"Harbour works finished" . Harbour Gazette. 3 May 2021.',
      'Smith, J. (2019). The tides of the bay. doi:10.1000/182 Retrieved 4 June 2020.',
      'Before an empty box the sentence goes on.',
      'A paragraph of its own.',
      'A block of its own.',
    ]);
  });

  it('reads MathML as its text, token by token, without its TeX annotation; alttext when it has no tokens', () => {
    expect(paragraphsOf(extractHtml(page('math.html')))).toEqual(['When a ≠ 0, there are two solutions to a x 2 + c = 0.', 'x = 1', 'Then y = 2 follows.']);
  });

  it('takes the language from the script when the page declares one its text is not written in', async () => {
    const zh = await loaded('zh-en-template.html');
    expect(zh.lang).toBe('zh');
    expect(zh.detected.lang).toBe('zh');
    expect((await loaded('ja.html')).lang).toBe('ja');
    expect((await loaded('br-runs.html')).lang).toBe('en');
  });
});
