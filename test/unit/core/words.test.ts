import { describe, expect, it } from 'vitest';
import { cue, endsLikeSentence, isQuestion, wordCount } from '../../../src-main/core/suggest/cues';
import { isShortLine } from '../../../src-main/core/suggest/layout';
import { countWords } from '../../../src-main/core/words';

const segmented = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).length;

describe('counting words in every script', () => {
  it('counts spaced scripts by their runs of letters and digits', () => {
    expect(countWords('The council voted, 7 to 2.')).toBe(6);
    expect(countWords('شورای شهر به ساخت کتابخانه‌ای تازه رأی داد.')).toBe(8);
  });

  it('cuts unspaced Chinese, Japanese and Thai into words with Intl.Segmenter', () => {
    const zh = '市议会周二投票决定在火车站旁边建设一座新的图书馆，预计明年开放。';
    expect(countWords(zh)).toBe(segmented(zh));
    expect(countWords(zh)).toBeGreaterThan(12);
    expect(countWords('市議会は火曜日、駅の隣に新しい図書館を建てることを決めました。')).toBeGreaterThan(12);
    expect(countWords('สภาเมืองลงมติสร้างห้องสมุดใหม่ข้างสถานีรถไฟ')).toBeGreaterThan(6);
    expect(countWords('DeepMind新电脑已可利用记忆自学')).toBe(segmented('DeepMind新电脑已可利用记忆自学'));
  });

  it('cuts a long unspaced run in pieces, so a 50,000-character paragraph is counted in linear time', () => {
    const long = '市议会投票决定建设新的图书馆'.repeat(3_600);
    expect(countWords(long)).toBeGreaterThan(20_000);
  });

  it('makes an unspaced Chinese sentence a long line for the suggesters, not a short name', () => {
    const line = '市议会周二投票决定在火车站旁边建设一座新的图书馆';
    expect(wordCount(cue(line))).toBeGreaterThan(6);
    expect(isShortLine(line, cue(line))).toBe(false);
  });

  it('knows Chinese and Japanese full stops and question marks end sentences', () => {
    expect(endsLikeSentence('预计明年开放。')).toBe(true);
    expect(endsLikeSentence('「図書館を建てる」と決めました。」')).toBe(true);
    expect(isQuestion('什么时候开放？')).toBe(true);
    expect(endsLikeSentence('新闻')).toBe(false);
  });
});
