import { describe, expect, it } from 'vitest';
import { recurrenceThreshold } from '../../../../src-main/core/suggest/repetition';
import { article, by, shown, STORY_EN, STORY_FA, suggestAll, why } from './helpers';

const R = 'repeated';

describe('boilerplate suggester (repeated across the workspace)', () => {
  it('counts a line as recurring in 3 articles, or 20% of a small workspace, never fewer than 2', () => {
    expect([1, 5, 10, 11, 100, 10_000].map(recurrenceThreshold)).toEqual([2, 2, 2, 3, 3, 3]);
  });

  it('marks Persian end markers with any desk code, and English ones, as boilerplate', () => {
    const all = suggestAll([
      article('fa/a.txt', [...STORY_FA, 'انتهای پیام/ش']),
      article('fa/b.txt', [...STORY_FA, 'انتهاي خبر']),
      article('en/c.txt', [...STORY_EN, '— End —']),
      article('en/d.txt', [...STORY_EN, 'END OF STORY']),
    ]);
    for (const key of ['fa/a.txt#3', 'fa/b.txt#3', 'en/c.txt#3', 'en/d.txt#3']) {
      expect(by(all, key, R)).toMatchObject({ label: 'boilerplate', score: 0.95 });
      expect(why(by(all, key, R))).toMatch(/end-of-story marker/);
    }
    // «انتهای» inside a sentence is not a marker.
    const sentence = suggestAll([article('fa/e.txt', [...STORY_FA, 'در انتهای پیام خود از همه مردم برای همکاری تشکر کرد.'])]);
    expect(by(sentence, 'fa/e.txt#3', R)).toBeUndefined();
  });

  it('finds a footer line repeated across articles even when one scraper dropped the ZWNJ', () => {
    const all = suggestAll([
      article('fa/a.txt', [...STORY_FA, 'انتهای پیام/ش', 'پربیننده‌ترین اخبار استان‌ها']),
      article('fa/b.txt', [...STORY_FA, 'انتهای پیام/ک', 'پربینندهترین اخبار استانها']),
      article('fa/c.txt', [...STORY_FA, 'انتهای پیام/ف', 'پربيننده ترين اخبار استان ها']),
    ]);
    expect(by(all, 'fa/b.txt#4', R)).toMatchObject({ score: 0.95 });
    expect(why(by(all, 'fa/b.txt#4', R))).toContain('The same line is in 3 of 3 articles, after the end marker');
  });

  it('suggests a standing short line repeated at the top of English articles, but not a story filed twice', () => {
    const menu = 'Home | World | Local | Sport';
    const sameStory = 'The mayor said the bridge would reopen after repairs that took most of the spring and cost the city dearly.';
    const all = suggestAll([
      article('en/a.txt', [STORY_EN[0]!, menu, sameStory, ...STORY_EN.slice(1)]),
      article('en/b.txt', ['Bridge to reopen after repairs', menu, sameStory, 'Drivers had waited months for the work to end.']),
      article('en/c.txt', ['Bridge to reopen after repairs', menu, sameStory, 'The council will hold a ceremony.']),
    ]);
    expect(shown(all, 'en/a.txt#1', R)).toBe(true);
    expect(why(by(all, 'en/a.txt#2', R))).toMatch(/inside the story/);
    expect(shown(all, 'en/a.txt#2', R)).toBe(false);
    // A title shared by copies of one story is the story, not the site.
    expect(by(all, 'en/b.txt#0', R)).toBeUndefined();
  });

  it('leaves a common short line that recurs by chance in a large workspace to the story: alone between its paragraphs, in few of the articles', () => {
    // 40 articles of different stories; three of them caption a photo with the bare word "Photo".
    const stories = Array.from({ length: 40 }, (_, i) => article(`en/${i}.txt`, [`Story number ${i} of the day`, `The council met on day ${i} and agreed a plan for the district after a long debate.`, ...(i < 3 ? ['Photo'] : []), `Residents of street ${i} said they would wait and see what the plan brings them.`]));
    const alone = suggestAll(stories);
    expect(shown(alone, 'en/1.txt#2', R)).toBe(false);
    // The same word inside a block of recurring lines (a site's menu) is the site's.
    const menus = stories.map((a, i) => (i < 3 ? article(`en/${i}.txt`, [`Story number ${i} of the day`, 'Home', 'Photo', 'Video', `The council met on day ${i} and agreed a plan for the district after a long debate.`]) : a));
    expect(by(suggestAll(menus), 'en/1.txt#2', R)).toMatchObject({ score: 0.8, reason: { code: 'repeated-short' } });
    // A short line in a tenth of the articles is standing even alone.
    const tenth = Array.from({ length: 40 }, (_, i) => article(`en/${i}.txt`, [`Story number ${i} of the day`, `The council met on day ${i} and agreed a plan for the district after a long debate.`, ...(i < 4 ? ['Listen to this story'] : [])]));
    expect(by(suggestAll(tenth), 'en/1.txt#2', R)).toMatchObject({ score: 0.8 });
  });

  it('does not offer the short lines of a story filed again as the site’s: its running text recurs too', () => {
    const copy = (path: string) => article(path, ['Bridge to reopen', 'Links', 'The mayor said the bridge would reopen after repairs that took most of the spring.', 'link', 'link', 'Drivers had waited months for the work on the bridge to end at last.']);
    const all = suggestAll([copy('en/a.txt'), copy('en/b.txt'), copy('en/c.txt')]);
    for (const key of ['en/a.txt#1', 'en/a.txt#3', 'en/a.txt#4']) expect(shown(all, key, R)).toBe(false);
  });

  it('offers navigation after the end marker even in one article, and leaves sponsors and names to the ad suggester', () => {
    const all = suggestAll([
      article('fa/a.txt', [...STORY_FA, 'انتهای پیام/ش', 'آخرین اخبار ورزشی', 'هواشناسی', 'بیمه آسیا', 'رایتل']),
      article('en/b.txt', [...STORY_EN, 'END', 'Most read', 'Subscribe to our newsletter', 'Coastline Insurance', 'Brightway']),
    ]);
    expect(by(all, 'fa/a.txt#4', R)).toMatchObject({ score: 0.75 });
    expect(why(by(all, 'fa/a.txt#5', R))).toContain('("هواشناسی")');
    expect(by(all, 'en/b.txt#4', R)).toMatchObject({ score: 0.75 });
    expect(shown(all, 'en/b.txt#5', R)).toBe(true);
    for (const key of ['fa/a.txt#6', 'fa/a.txt#7', 'en/b.txt#6', 'en/b.txt#7']) expect(by(all, key, R)).toBeUndefined();
  });

  it('keeps a sponsor name that recurs in every footer below the threshold: it is an ad as often as a link', () => {
    const articles = Array.from({ length: 12 }, (_, i) => article(`fa/${i}.txt`, [...STORY_FA, `خبر شماره ${i} از استان`, 'انتهای پیام/ش', 'اخبار روز', 'همراه اول', 'پاکسان']));
    const all = suggestAll(articles);
    expect(by(all, 'fa/3.txt#5', R)).toMatchObject({ score: 0.95 });
    expect(by(all, 'fa/3.txt#6', R)?.score).toBe(0.45);
    expect(shown(all, 'fa/3.txt#6', R)).toBe(false);
    expect(shown(all, 'fa/3.txt#6', 'ad-cues')).toBe(true);
  });

  it('takes a run of three short closing lines as the footer when there is no end marker, with less confidence', () => {
    const all = suggestAll([article('en/a.txt', [...STORY_EN, 'Latest news', 'Weather', 'Contact us'])]);
    expect(by(all, 'en/a.txt#3', R)).toMatchObject({ score: 0.6 });
    expect(why(by(all, 'en/a.txt#3', R))).toContain('in the closing lines');
    // Two short lines are not enough to call it a footer.
    const two = suggestAll([article('en/b.txt', [...STORY_EN, 'Latest news', 'Weather'])]);
    expect(by(two, 'en/b.txt#3', R)).toBeUndefined();
  });
});
