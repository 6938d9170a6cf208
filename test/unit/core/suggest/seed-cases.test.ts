/**
 * The three suggestions the real seed article got wrong (issue 17), checked on our own news
 * fixture and on lines written for the test, so a clone with nothing beside it checks them: a
 * sponsor whose name holds a section word, a verb of saying with a colon after another verb, and
 * a title printed twice.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NEWS_ARTICLE } from '../../../support/seed-article';
import { article, by, STORY_FA, suggestAll, why } from './helpers';

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe('the seed article’s cases', () => {
  it('reads a two-word sponsor with a section word inside a sponsor list as an ad, not navigation', () => {
    const all = suggestAll([article('fa/a.txt', [...STORY_FA, 'انتهای پیام/ش', 'اخبار روز استانها', 'تبلیغات', 'همراه اول', 'رازی', 'شهر خبر', 'فونیکس', 'پاکسان'])]);
    expect(by(all, 'fa/a.txt#8', 'ad-cues')).toMatchObject({ label: 'ad', score: 0.6 });
    expect(by(all, 'fa/a.txt#8', 'repeated')).toBeUndefined();
    // The section lines around the list stay navigation, «تبلیغات» too.
    expect(by(all, 'fa/a.txt#4', 'repeated')).toMatchObject({ label: 'boilerplate' });
    expect(by(all, 'fa/a.txt#5', 'repeated')).toMatchObject({ label: 'boilerplate' });
    expect(by(all, 'fa/a.txt#5', 'ad-cues')).toBeUndefined();
  });

  it('ends a sponsor list with such a name too', () => {
    const all = suggestAll([article('fa/a.txt', [...STORY_FA, 'انتهای پیام', 'رازی', 'فونیکس', 'شهر خبر'])]);
    expect(by(all, 'fa/a.txt#6', 'ad-cues')).toMatchObject({ label: 'ad' });
    expect(by(all, 'fa/a.txt#6', 'repeated')).toBeUndefined();
  });

  it('scores a colon after a verb of saying 0.9 even when another verb of saying comes first', () => {
    const all = suggestAll([article('fa/a.txt', [STORY_FA[0]!, 'ناجی در جلسه شورا به ضرورت هماهنگی دستگاه‌ها اشاره کرد و اظهار داشت: برای اجرای بهتر برنامه‌ها باید در یک مسیر حرکت کرد.'])]);
    const quote = by(all, 'fa/a.txt#1', 'quote-cues');
    expect(quote).toMatchObject({ label: 'quote', score: 0.9 });
    expect(why(quote)).toContain('"اظهار داشت:"');
  });

  it('suggests the title printed a second time as boilerplate only, and the title as a quote when the lead attributes its words', async () => {
    const news = lines(await readFile(NEWS_ARTICLE, 'utf8'));
    const all = suggestAll([article('fa/news-fa.txt', news)]);
    expect(by(all, 'fa/news-fa.txt#1', 'repeated')).toMatchObject({ label: 'boilerplate', score: 0.9 });
    expect(why(by(all, 'fa/news-fa.txt#1', 'repeated'))).toMatch(/title printed a second time/);
    expect(all.get('fa/news-fa.txt#1')!.map((s) => s.label)).toEqual(['boilerplate']);
    // «… با اشاره به اینکه طرح توسعه حمل‌ونقل عمومی این استان باید "شهروندمحور" اجرا شود …»
    expect(by(all, 'fa/news-fa.txt#0', 'quote-cues')).toMatchObject({ label: 'quote', score: 0.7 });
    expect(why(by(all, 'fa/news-fa.txt#0', 'quote-cues'))).toContain('"با اشاره به اینکه"');
    expect(by(all, 'fa/news-fa.txt#0', 'repeated')).toBeUndefined();
  });

  it('leaves a title alone when the lead does not attribute it, and a repeated line further down is no title copy', () => {
    const all = suggestAll([article('fa/a.txt', [...STORY_FA, 'این مدرسه در زمینی به مساحت زیاد ساخته شده است.', 'افتتاح مدرسه جدید در شهر'])]);
    expect(by(all, 'fa/a.txt#0', 'quote-cues')).toBeUndefined();
    expect(by(all, 'fa/a.txt#4', 'repeated')).toBeUndefined();
  });

  it('takes no paragraph of story for a title: a file that opens with a passage printed twice has no title copy', () => {
    const passage = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.';
    const all = suggestAll([article('en/a.txt', [passage, passage, passage])]);
    for (const key of ['en/a.txt#1', 'en/a.txt#2']) expect(by(all, key, 'repeated')).toBeUndefined();
  });
});
