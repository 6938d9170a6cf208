import { describe, expect, it } from 'vitest';
import { mergeLayers, parsePredictions, predictionLayers } from '../../../../src-main/core/suggest/predictions';
import { suggestArticles } from '../../../../src-main/core/suggest/suggest';
import { article, STORY_FA } from './helpers';

const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];
const fa = article('fa/a.txt', [...STORY_FA, 'انتهای پیام']);
const articles = new Map([[fa.path, fa]]);

function jsonl(...records: unknown[]): string {
  return records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
}

describe('imported model predictions', () => {
  it('loads records by index or by paragraph id as a layer named after the file, or the model field', () => {
    const text = jsonl(
      { article: 'fa/a.txt', paragraph: 1, labels: ['quote', 'claim'], score: 0.8 },
      { article: 'fa/a.txt', paragraph_id: fa.paragraphs[3]!.id, labels: ['boilerplate'] },
      { article: 'fa/a.txt', paragraph: 2, labels: ['claim'], score: 0.4, model: 'parsbert v2' },
    );
    const { records, problems } = parsePredictions(text, 'bert-fa.jsonl');
    expect(problems).toEqual([]);
    const layers = predictionLayers(records, articles, LABELS);
    expect(layers.layers).toEqual(['model:bert-fa', 'model:parsbert-v2']);
    expect(layers.matched).toBe(3);
    const byId = layers.suggestions.get('fa/a.txt')!;
    expect(byId.get(fa.paragraphs[1]!.id)).toEqual([
      { label: 'quote', score: 0.8, suggester: 'model:bert-fa', reason: { code: 'model', model: 'bert-fa', score: 0.8 } },
      { label: 'claim', score: 0.8, suggester: 'model:bert-fa', reason: { code: 'model', model: 'bert-fa', score: 0.8 } },
    ]);
    // No score: the model asserted the label.
    expect(byId.get(fa.paragraphs[3]!.id)?.[0]).toMatchObject({ label: 'boilerplate', score: 1 });
  });

  it('reports every record it cannot use, with its line and what to fix, and keeps the rest', () => {
    const text = jsonl(
      '{not json',
      { article: 'fa/a.txt', labels: ['quote'] },
      { article: 'fa/a.txt', paragraph: 1, labels: 'quote' },
      { article: 'fa/a.txt', paragraph: 1, labels: ['quote'], score: 7 },
      { article: 'fa/missing.txt', paragraph: 0, labels: ['quote'] },
      { article: 'fa/a.txt', paragraph: 40, labels: ['quote'] },
      { article: 'fa/a.txt', paragraph_id: 'pzzzzzzzzzzz', labels: ['quote'] },
      { article: 'fa/a.txt', paragraph: 0, paragraph_id: fa.paragraphs[1]!.id, labels: ['quote'] },
      { article: 'fa/a.txt', paragraph: 1, labels: ['opinion', 'quote'] },
      '',
      { article: 'fa/a.txt', paragraph: 2, labels: [] },
    );
    const { records, problems } = parsePredictions(text, 'm.jsonl');
    const layers = predictionLayers(records, articles, LABELS);
    const messages = [...problems, ...layers.problems].sort((a, b) => a.line - b.line).map((p) => p.message);
    expect(messages).toEqual([
      'line 1 is not valid JSON',
      'line 2 names no paragraph: give "paragraph" (index) or "paragraph_id"',
      'line 3 "labels" must be a list of label names',
      'line 4 "score" must be a number from 0 to 1',
      'line 5: no article "fa/missing.txt" in the workspace (paths are workspace-relative, with /)',
      'line 6: fa/a.txt has 4 paragraphs; there is no paragraph 40',
      'line 7: fa/a.txt has no paragraph pzzzzzzzzzzz; the file may have changed since the model ran',
      `line 8: paragraph 0 of fa/a.txt is ${fa.paragraphs[0]!.id}, not ${fa.paragraphs[1]!.id}; the file may have changed since the model ran`,
      'line 9: "opinion" is not a label of this workspace; kept out of the suggestions',
    ]);
    // Line 9 still gives its known label; line 11 (labels: []) matched and suggests nothing.
    expect(layers.matched).toBe(2);
    expect(layers.suggestions.get('fa/a.txt')?.get(fa.paragraphs[1]!.id)?.map((s) => s.label)).toEqual(['quote']);
  });

  it('keeps the higher score of a repeated record and of the same model across files, saying so', () => {
    const one = predictionLayers(parsePredictions(jsonl({ article: 'fa/a.txt', paragraph: 1, labels: ['quote'], score: 0.3 }, { article: 'fa/a.txt', paragraph: 1, labels: ['quote'], score: 0.9 }), 'm.jsonl').records, articles, LABELS);
    expect(one.problems.map((p) => p.message)).toEqual(['line 2: repeats "quote" for paragraph 1 of fa/a.txt; the higher score is kept']);
    const two = predictionLayers(parsePredictions(jsonl({ article: 'fa/a.txt', paragraph: 1, labels: ['quote'], score: 0.95 }), 'm.jsonl').records, articles, LABELS);
    const merged = mergeLayers(one, two);
    expect(merged.suggestions.get('fa/a.txt')?.get(fa.paragraphs[1]!.id)).toMatchObject([{ score: 0.95 }]);
  });

  it('shows model suggestions with the built-in ones, at the label thresholds, and lets a team turn a model off', () => {
    const layers = predictionLayers(parsePredictions(jsonl({ article: 'fa/a.txt', paragraph: 2, labels: ['claim'], score: 0.6 }), 'm.jsonl').records, articles, LABELS);
    const id = fa.paragraphs[2]!.id;
    const shown = (settings: { enabled: Record<string, boolean>; thresholds: Record<string, number> }) =>
      (suggestArticles([fa], { settings, models: layers.suggestions }).get('fa/a.txt')?.[id] ?? []).map((s) => s.suggester);
    expect(shown({ enabled: {}, thresholds: {} })).toEqual(['model:m']);
    expect(shown({ enabled: {}, thresholds: { claim: 0.7 } })).toEqual([]);
    expect(shown({ enabled: { 'model:m': false }, thresholds: {} })).toEqual([]);
  });
});
