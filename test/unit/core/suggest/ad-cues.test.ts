import { describe, expect, it } from 'vitest';
import { article, by, shown, STORY_EN, STORY_FA, suggestAll, why } from './helpers';

const A = 'ad-cues';

describe('ad suggester', () => {
  it('suggests Persian businesses and bare sponsor names after the end marker, not the site sections', () => {
    const all = suggestAll([article('fa/a.txt', [...STORY_FA, 'انتهای پیام/ش', 'اخبار روز اقتصادی', 'بانک ملت', 'فروشگاه اینترنتی دیجی‌كالا', 'فلای تو دی', 'تبلیغات'])]);
    expect(by(all, 'fa/a.txt#5', A)).toMatchObject({ label: 'ad', score: 0.9 });
    expect(why(by(all, 'fa/a.txt#5', A))).toContain('("بانک")');
    expect(why(by(all, 'fa/a.txt#6', A))).toContain('("فروشگاه اینترنتی")');
    expect(by(all, 'fa/a.txt#7', A)).toMatchObject({ score: 0.6 });
    expect(why(by(all, 'fa/a.txt#7', A))).toMatch(/bare name/);
    expect(by(all, 'fa/a.txt#4', A)).toBeUndefined();
    // «تبلیغات» is the site's "advertise with us" link, a section, not a sponsor.
    expect(by(all, 'fa/a.txt#8', A)).toBeUndefined();
  });

  it('suggests English sponsor lines, links and "Sponsored:" lines, even outside the footer', () => {
    const all = suggestAll([
      article('en/a.txt', [...STORY_EN, 'Sponsored: Northside Books, open late every day', 'END OF STORY', 'Coastline Insurance', 'www.brightway-solar.com', 'Weather']),
    ]);
    expect(by(all, 'en/a.txt#3', A)).toMatchObject({ score: 0.95 });
    expect(why(by(all, 'en/a.txt#3', A))).toContain('("sponsored")');
    expect(by(all, 'en/a.txt#5', A)).toMatchObject({ score: 0.9 });
    expect(by(all, 'en/a.txt#6', A)).toMatchObject({ score: 0.7 });
    expect(by(all, 'en/a.txt#7', A)).toBeUndefined();
  });

  it('does not take the unspaced sentences of a Chinese story for short sponsor names', () => {
    const lines = [
      'The city council votes for a new library next to the station',
      '市议会周二投票决定在火车站旁边建设一座新的图书馆',
      '居民们对这一决定表示欢迎许多人说他们已经等了很多年',
      '图书馆将有三层楼并设有儿童阅读区和咖啡馆',
    ];
    const all = suggestAll([article('zh/a.txt', lines)]);
    for (const i of [1, 2, 3]) expect(by(all, `zh/a.txt#${i}`, A)).toBeUndefined();
  });

  it('does not take a business named inside the story for an ad', () => {
    const all = suggestAll([
      article('fa/a.txt', [...STORY_FA, 'مدیر بانک مرکزی گفت نرخ تورم در ماه گذشته کاهش یافته است.', 'انتهای پیام']),
      article('en/b.txt', [...STORY_EN, 'The insurance company said claims had doubled since the floods.', 'END']),
    ]);
    expect(by(all, 'fa/a.txt#3', A)).toBeUndefined();
    expect(by(all, 'en/b.txt#3', A)).toBeUndefined();
  });

  it('is less sure of closing lines found without an end marker', () => {
    const all = suggestAll([article('en/a.txt', [...STORY_EN, 'Latest news', 'Coastline Insurance', 'Brightway'])]);
    expect(by(all, 'en/a.txt#4', A)).toMatchObject({ score: 0.8 });
    expect(by(all, 'en/a.txt#5', A)?.score).toBeCloseTo(0.55, 10);
    expect(shown(all, 'en/a.txt#3', A)).toBe(false);
  });
});
