import { describe, expect, it } from 'vitest';
import { guessScript, paragraphDirection } from '../../../src-main/core/script';

describe('guessing the language by the script of the text', () => {
  it.each([
    ['市议会周二投票决定在火车站旁边建设一座新的图书馆，预计明年开放。', 'zh', 'ltr'],
    ['市議会は火曜日、駅の隣に新しい図書館を建てることを決めました。', 'ja', 'ltr'],
    ['시의회는 화요일에 역 옆에 새 도서관을 짓기로 결정했습니다.', 'ko', 'ltr'],
    ['สภาเมืองลงมติสร้างห้องสมุดใหม่ข้างสถานีรถไฟ', 'th', 'ltr'],
    ['Городской совет проголосовал за новую библиотеку.', 'ru', 'ltr'],
    ['Міська рада проголосувала за нову бібліотеку і її відкриття.', 'uk', 'ltr'],
    ['Το δημοτικό συμβούλιο ψήφισε για νέα βιβλιοθήκη.', 'el', 'ltr'],
    ['नगर परिषद ने नए पुस्तकालय के लिए मतदान किया।', 'hi', 'ltr'],
    ['המועצה הצביעה בעד ספרייה חדשה.', 'he', 'rtl'],
    ['شورای شهر به ساخت کتابخانه‌ای تازه رأی داد.', 'fa', 'rtl'],
    ['صوت المجلس البلدي لصالح مكتبة جديدة.', 'ar', 'rtl'],
    ['The council voted for a new library.', 'en', 'ltr'],
  ])('%s → %s', (text, lang, direction) => {
    expect(guessScript(text)).toEqual({ lang, direction });
  });

  it('reads a Chinese page with English navigation as Chinese: one Han character weighs about three Latin letters', () => {
    const page = 'Home News Sport Login Register DeepMind 新电脑已可利用记忆自学 人工智能迈上新台阶 研究人员表示这是重要的一步';
    expect(guessScript(page).lang).toBe('zh');
  });

  it('keeps the language the page declares when the text is in its script, and not otherwise', () => {
    expect(guessScript('Le conseil a voté pour une nouvelle bibliothèque.', 'fr')).toEqual({ lang: 'fr', direction: 'ltr' });
    expect(guessScript('新竹尖石美樹營地賞楓，這是一個美麗的地方。', 'zh-TW')).toEqual({ lang: 'zh-TW', direction: 'ltr' });
    expect(guessScript('欲張りなイヌが肉をくわえて橋を渡っていました。', 'ja')).toEqual({ lang: 'ja', direction: 'ltr' });
    // Templates say `en` over Chinese text; the script wins.
    expect(guessScript('新竹尖石美樹營地賞楓，這是一個美麗的地方。', 'en')).toEqual({ lang: 'zh', direction: 'ltr' });
    expect(guessScript('شورای شهر رأی داد.', 'en')).toEqual({ lang: 'fa', direction: 'rtl' });
  });
});

describe('the direction a paragraph reads in', () => {
  it('is that of most of its letters, not of its first one', () => {
    // The sample's rail article: a Persian sentence that starts with a Latin word.
    expect(paragraphDirection('Wi-Fi رایگان در همه واگن‌ها ارائه خواهد شد و بلیت‌ها از طریق سامانه اینترنتی فروخته می‌شود.')).toBe('rtl');
    expect(paragraphDirection('۱۴۰۷: قطار سریع‌السیر به بهره‌برداری می‌رسد')).toBe('rtl');
    expect(paragraphDirection('«تهران» is where the line starts, the ministry said on Monday.')).toBe('ltr');
    expect(paragraphDirection('שלום עולם, hello')).toBe('rtl');
    expect(paragraphDirection('Plain English.')).toBe('ltr');
  });

  it('is left to the browser for text without letters', () => {
    expect(paragraphDirection('123 — 456 … 7.5%')).toBe('auto');
    expect(paragraphDirection('')).toBe('auto');
  });
});
