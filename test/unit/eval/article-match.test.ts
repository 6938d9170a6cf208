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
