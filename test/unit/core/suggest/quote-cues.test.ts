import { describe, expect, it } from 'vitest';
import { article, by, shown, STORY_EN, STORY_FA, suggestAll, why } from './helpers';

const Q = 'quote-cues';

function quoteOf(lines: string[]) {
  const all = suggestAll([article('x.txt', [STORY_EN[0]!, ...lines])]);
  return lines.map((_, i) => by(all, `x.txt#${i + 1}`, Q));
}

describe('quote suggester', () => {
  it('scores Persian direct quotations, verbs of saying and attribution', () => {
    const [direct, colon, reported, according, believe, term, plain] = quoteOf([
      'وی افزود: «بیش از هفتاد درصد آب شرب شهر از همین پنج سد تأمین می‌شود.»',
      'ناجی اظهار داشت: مردم به دغدغه‌های مدیران آگاه هستند و باید دستاوردها تشریح شود.',
      'معاون وزیر امروز اعلام کرد که پیشرفت فیزیکی طرح به نیمه رسیده است.',
      'به گفته او، سرانه فضای آموزشی استان از میانگین کشوری بالاتر است.',
      'کارشناسان معتقدند بارش‌های پاییزی امسال کمتر از میانگین بوده است.',
      'رویکرد برنامه‌های مدیران در استان "مردم‌محور" باشد',
      'این مدرسه در زمینی بزرگ ساخته شده و دانش‌آموزان از هفته آینده در آن درس می‌خوانند.',
    ]);
    expect(direct).toMatchObject({ label: 'quote', score: 0.95 });
    expect(why(direct)).toContain('"افزود"');
    expect(colon).toMatchObject({ score: 0.9 });
    expect(reported).toMatchObject({ score: 0.75 });
    expect(according).toMatchObject({ score: 0.7 });
    expect(believe).toMatchObject({ score: 0.6 });
    expect(term).toMatchObject({ score: 0.3 });
    expect(plain).toBeUndefined();
  });

  it('matches legacy Arabic spellings and joined می', () => {
    const [legacy, joined, talk] = quoteOf([
      'او در نشست خبري گفت: «اگر الگوي مصرف تغيير نكند، ناچار به مديريت فشار خواهيم بود.»',
      'یک کارشناس میگوید که تأخیر در تأمین واگن‌ها بزرگ‌ترین خطر است.',
      'گفتگوی دو طرف درباره قرارداد جدید تا پایان هفته ادامه خواهد داشت و نتیجه اعلام می‌شود.',
    ]);
    expect(legacy).toMatchObject({ score: 0.95 });
    expect(joined).toMatchObject({ score: 0.75 });
    // «گفتگو» (talks) is not «گفت» (said).
    expect(talk).toBeUndefined();
  });

  it('scores English quotations, reported speech and "according to"', () => {
    const [direct, told, according, marks, plain] = quoteOf([
      '"This is the largest single investment in clean energy the region has seen," the council leader said.',
      'Local fishing groups told reporters they were still worried about access to the northern grounds.',
      'The project will cut emissions by 18 percent, according to the energy department.',
      'Residents called the plan "a bridge too far for a small town" at the meeting on Monday.',
      'Construction is expected to finish in March, two months earlier than first planned.',
    ]);
    expect(direct).toMatchObject({ score: 0.95 });
    expect(why(told)).toContain('"told"');
    expect(according).toMatchObject({ score: 0.7 });
    expect(marks).toMatchObject({ score: 0.7 });
    expect(plain).toBeUndefined();
  });

  it('never suggests a quote in the footer', () => {
    const all = suggestAll([article('fa/a.txt', [...STORY_FA, 'انتهای پیام', 'گفت و گو با مردم'])]);
    expect(shown(all, 'fa/a.txt#4', Q)).toBe(false);
  });
});
