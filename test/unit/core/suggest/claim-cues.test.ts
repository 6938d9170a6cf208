import { describe, expect, it } from 'vitest';
import { article, by, STORY_EN, STORY_FA, suggestAll, why } from './helpers';

const C = 'claim-cues';

function claimOf(lines: string[]) {
  const all = suggestAll([article('x.txt', [STORY_FA[0]!, ...lines])]);
  return lines.map((_, i) => by(all, `x.txt#${i + 1}`, C));
}

describe('claim suggester', () => {
  it('scores Persian percentages, figures with units, bare numbers and number words, in Persian or Arabic-Indic digits', () => {
    const [percent, unit, bare, words, arabic] = claimOf([
      'کارشناسان معتقدند بارش‌های پاییزی امسال ۴۵ درصد کمتر از میانگین بلندمدت بوده است.',
      'طول این مسیر ۴۱۰ کیلومتر است و ظرفیت آن برآورد شده است.',
      'تا پایان سال، ۹ مدرسه دیگر نیز تحویل داده خواهد شد.',
      'مدیرعامل شرکت از کاهش محسوس ذخایر پنج سد اصلی استان خبر داد.',
      'حجم آب سدها به ٤٨٠ میلیون مترمکعب رسیده است.',
    ]);
    expect(percent).toMatchObject({ label: 'claim', score: 0.9 });
    expect(why(percent)).toContain('"45 درصد"');
    expect(unit).toMatchObject({ score: 0.85 });
    expect(bare).toMatchObject({ score: 0.75 });
    expect(words).toMatchObject({ score: 0.85 });
    expect(why(arabic)).toContain('"480"');
  });

  it('scores English percentages and figures, and names the number the percentage is of', () => {
    const all = suggestAll([article('en/a.txt', [STORY_EN[0]!, 'The project will cost 310 million dollars and cut emissions by an estimated 18 percent.', 'Evening visits rose by 27% during the trial.'])]);
    expect(why(by(all, 'en/a.txt#1', C))).toContain('"18 percent"');
    expect(why(by(all, 'en/a.txt#2', C))).toContain('"27%"');
  });

  it('keeps comparisons and dates without a figure below the threshold, as rhetoric often has them', () => {
    const [superlative, date, comparative] = claimOf([
      'مطمئن‌ترین و صمیمانه‌ترین آغوش، آغوش مردم است و باید به آن تکیه کرد.',
      'او در نشست خبری روز دوشنبه درباره برنامه‌های آینده صحبت کرد.',
      'This is the largest investment in clean energy the region has seen.',
    ]);
    expect(superlative).toMatchObject({ score: 0.45 });
    expect(date).toMatchObject({ score: 0.4 });
    expect(comparative).toMatchObject({ score: 0.45 });
  });

  it('does not take questions, short lines, footers or plain narration for claims', () => {
    const all = suggestAll([
      article('fa/a.txt', [...STORY_FA, 'آیا ۳۰ درصد مردم از این طرح راضی هستند؟', '۱۲ عکس', 'در این نشست مدیران فعالیت‌های خود را تشریح کردند.', 'انتهای پیام', 'قیمت ۲۴ عیار طلا در بازار']),
    ]);
    for (const i of [3, 4, 5, 7]) expect(by(all, `fa/a.txt#${i}`, C)).toBeUndefined();
  });
});
