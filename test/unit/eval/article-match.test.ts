import { describe, expect, it } from 'vitest';
import { articleParagraphs } from '../../eval/article-match';

describe('which shown paragraphs are the expected article in eval:pages', () => {
  const expected = ['The ferry returned to service on Monday after a month of repairs.', 'History', 'It first sailed in 1921, from the old pier.', 'Routes', 'It now crosses the bay six times a day.'];
  const text = expected.join('\n');

  it('gives a short heading to the line at its place in the story, not to the same words in a table of contents before it', () => {
    const shown = ['Contents', 'History', 'Routes', ...expected];
    expect(articleParagraphs(shown, expected, text)).toEqual([false, false, false, true, true, true, true, true]);
  });

  it('gives it to the line in the story, not to the same words in a navigation box after it', () => {
    const shown = [...expected, 'See also', 'Routes'];
    expect(articleParagraphs(shown, expected, text)).toEqual([true, true, true, true, true, false, false]);
  });

  it('still matches a short line shown away from its place when no line at its place takes it (a kicker moved above the headline)', () => {
    const shown = ['The ferry returned to service on Monday after a month of repairs.', 'It first sailed in 1921, from the old pier.', 'History', 'Routes', 'It now crosses the bay six times a day.'];
    expect(articleParagraphs(shown, expected, text)).toEqual([true, true, true, true, true]);
  });

  it('matches a long line whose words run in the article, across its paragraphs too', () => {
    const shown = ['It first sailed in 1921, from the old pier. Routes', 'It first sailed in 1921, from the new pier.'];
    expect(articleParagraphs(shown, expected, text)).toEqual([true, false]);
  });
});

describe('a page that shows the article\'s words twice shows the article once (eval:pages)', () => {
  const expected = [
    'The ferry returned to service on Monday after a month of repairs.',
    'Its owners named the talk Lifecycle of a ferry, as in past years.',
    'Lifecycle of a ferry',
    'It first sailed in 1921, from the old pier.',
    'See also',
    'Ferries of the bay area',
  ];
  const text = expected.join('\n');

  it('does not count a navigation box after the article that repeats an entry of its "See also" list', () => {
    const shown = [...expected, 'Ferries of the bay area'];
    expect(articleParagraphs(shown, expected, text)).toEqual([true, true, true, true, true, true, false]);
  });

  it('gives a heading to the line in the story, not to its copy in a table of contents before it, though a sentence has its words too', () => {
    const shown = ['Lifecycle of a ferry', ...expected];
    expect(articleParagraphs(shown, expected, text)).toEqual([false, true, true, true, true, true, true]);
  });

  it('gives a title shown in the page header and again above the story to the copy that stands with the story', () => {
    const story = ['A bridge for the old pier', 'The ferry returned to service on Monday after a month of repairs.', 'It first sailed in 1921, from the old pier.'];
    const shown = ['A bridge for the old pier', 'Share this story', ...story];
    expect(articleParagraphs(shown, story, story.join('\n'))).toEqual([false, false, true, true, true]);
  });

  it('does not count a teaser above the story that runs from its first paragraph into its second', () => {
    const story = ['The ferry returned to service on Monday after a month of repairs.', 'It first sailed in 1921, from the old pier.', 'It now crosses the bay six times a day.'];
    const shown = ['after a month of repairs. It first sailed in 1921', ...story];
    expect(articleParagraphs(shown, story, story.join('\n'))).toEqual([false, true, true, true]);
  });

  it('does not count a pull quote that repeats a sentence of a paragraph', () => {
    const story = ['The ferry returned to service on Monday. “We missed it every day,” a driver said. It now crosses the bay six times a day.', 'It first sailed in 1921, from the old pier.'];
    const shown = [story[0]!, '“We missed it every day,” a driver said.', story[1]!];
    expect(articleParagraphs(shown, story, story.join('\n'))).toEqual([true, false, true]);
  });

  it('counts a line the article has twice as often as the article has it, not as often as the page shows it', () => {
    const story = ['The ferry returned to service on Monday.', 'Continue reading the main story', 'It first sailed in 1921, from the old pier.', 'Continue reading the main story', 'It now crosses the bay six times a day.'];
    const shown = [...story, 'Continue reading the main story'];
    expect(articleParagraphs(shown, story, story.join('\n'))).toEqual([true, true, true, true, true, false]);
  });

  it('matches unspaced Japanese and Chinese lines by their words: a breadcrumb cut short and a share button inside an article line are copies', () => {
    const story = ['福娘童話集 > きょうのイソップ童話 > １月のイソップ童話 > 欲張りなイヌ', '肉をくわえたイヌが、橋を渡っていました。', '转播到腾讯微博'];
    const shown = ['福娘童話集 > きょうのイソップ童話', story[0]!, story[1]!, story[2]!, '腾讯微博'];
    expect(articleParagraphs(shown, story, story.join('\n'))).toEqual([false, true, true, true, false]);
  });
});
