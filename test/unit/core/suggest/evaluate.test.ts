import { describe, expect, it } from 'vitest';
import { evaluateSuggestions } from '../../../../src-main/core/suggest/evaluate';
import type { Suggestion } from '../../../../src-main/core/suggest/types';

const s = (suggester: string, label: string): Suggestion => ({ suggester, label, score: 0.9, reason: { code: 'quoted' } });

describe('suggestion evaluation', () => {
  it('computes P/R/F1 per label per suggester and combined, by hand: 2 tp, 1 fp, 1 fn', () => {
    const items = [
      { article: 'a', paragraphId: 'p1', truth: ['boilerplate'], suggestions: [s('repeated', 'boilerplate')] },
      { article: 'a', paragraphId: 'p2', truth: ['boilerplate'], suggestions: [s('repeated', 'boilerplate'), s('model:m', 'ad')] },
      { article: 'a', paragraphId: 'p3', truth: [], suggestions: [s('repeated', 'boilerplate')] },
      { article: 'b', paragraphId: 'p4', truth: ['boilerplate', 'ad'], suggestions: [s('model:m', 'boilerplate')] },
    ];
    const r = evaluateSuggestions('reference', items, ['repeated', 'model:m'], ['boilerplate', 'ad']);
    expect(r).toMatchObject({ against: 'reference', items: 4, articles: 2 });
    expect(r.suggesters.repeated).toEqual({ boilerplate: { tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 } });
    expect(Object.keys(r.suggesters['model:m']!)).toEqual(['boilerplate', 'ad']);
    expect(r.suggesters['model:m']!.ad).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(r.combined.boilerplate).toMatchObject({ tp: 3, fp: 1, fn: 0, precision: 0.75, recall: 1 });
  });

  it('gives null, not zero, where a figure is undefined', () => {
    const r = evaluateSuggestions('x', [{ article: 'a', paragraphId: 'p1', truth: [], suggestions: [] }], ['quote-cues'], ['quote']);
    expect(r.suggesters['quote-cues']!.quote).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
  });
});
