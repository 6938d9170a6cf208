/** Paragraphs over the cue limit are not read by the text cues, and say why (core/suggest/cue-limit.ts, issue 21). */
import { describe, expect, it } from 'vitest';
import { CUE_LIMIT, notCuedParagraphs } from '../../../../src-main/core/suggest/cue-limit';
import { repetitionIndexOf, suggestArticle } from '../../../../src-main/core/suggest/suggest';
import { defaultSuggestSettings, type Suggestion } from '../../../../src-main/core/suggest/types';
import { article } from './helpers';

const QUOTE = 'وزیر گفت: «قیمت‌ها ۲۵ درصد بیشتر از سال گذشته شد» و به گفته او ۱۲۰۰ خانوار منتظرند. ';
const justUnder = QUOTE.repeat(Math.floor(CUE_LIMIT / QUOTE.length));
const over = QUOTE.repeat(Math.floor(CUE_LIMIT / QUOTE.length) + 1);

function suggest(lines: string[], learned?: Map<string, Suggestion[]>) {
  const a = article('a.txt', lines);
  const out = suggestArticle(a, repetitionIndexOf([a]), { settings: defaultSuggestSettings(), ...(learned ? { learned: new Map([['a.txt', learned]]) } : {}) });
  return { a, out, labels: (i: number) => (out[a.paragraphs[i]!.id] ?? []).map((s) => `${s.suggester}:${s.label}`) };
}

describe('the cue limit', () => {
  it('reads a paragraph at the limit and skips one over it, naming its length and the limit', () => {
    expect(justUnder.length).toBeLessThanOrEqual(CUE_LIMIT);
    expect(over.length).toBeGreaterThan(CUE_LIMIT);
    const { a, labels } = suggest(['Title of the story', justUnder, over, 'انتهای پیام/ش']);
    expect(labels(1)).toEqual(expect.arrayContaining(['quote-cues:quote', 'claim-cues:claim']));
    expect(labels(2)).toEqual([]);
    expect(a.paragraphs[2]!.text.length).toBeGreaterThan(CUE_LIMIT);
    expect(notCuedParagraphs(a)).toEqual({ [a.paragraphs[2]!.id]: { code: 'too-long', characters: a.paragraphs[2]!.text.length, limit: CUE_LIMIT } });
  });

  it('keeps the learned model off a paragraph it did not read, but not an imported model', () => {
    const a = article('a.txt', ['Title', over]);
    const id = a.paragraphs[1]!.id;
    const learned = new Map([[id, [{ label: 'quote', score: 0.9, suggester: 'learned', reason: { code: 'learned' as const, examples: 40, cues: [] } }]]]);
    const models = new Map([['a.txt', new Map([[id, [{ label: 'claim', score: 0.8, suggester: 'model:x', reason: { code: 'model' as const, model: 'x', score: 0.8 } }]]])]]);
    const out = suggestArticle(a, repetitionIndexOf([a]), { settings: defaultSuggestSettings(), learned: new Map([['a.txt', learned]]), models });
    expect(out[id]!.map((s) => s.suggester)).toEqual(['model:x']);
  });

  it('leaves the article around a long paragraph read as before: its end marker and footer are found', () => {
    const lines = ['Title of the story here', 'The mayor said on Monday that 40 percent of the roads were closed by the storm.', over, 'END OF STORY', 'Share this article'];
    const { labels } = suggest(lines);
    expect(labels(3)).toContain('repeated:boilerplate');
    expect(labels(4)).toContain('repeated:boilerplate');
  });
});
