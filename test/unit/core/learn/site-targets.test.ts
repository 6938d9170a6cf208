/**
 * The quality targets, on the generated site (test/bench/generator/site.ts: template
 * text of one imagined Persian news site, labels following our rules): trained on 20 labelled
 * articles, the learned suggestions on the other articles reach F1 ≥ 0.9 for boilerplate and
 * ≥ 0.75 for quote and claim, at the default thresholds. docs/suggestions.md gives the figures.
 */
import { describe, expect, it } from 'vitest';
import { scoresFromCounts } from '../../../../src-main/core/agreement/gold';
import { buildDataset } from '../../../../src-main/core/learn/dataset';
import { denseWeights, trainModel } from '../../../../src-main/core/learn/model';
import { scoreArticle } from '../../../../src-main/core/learn/score';
import { LABELS, siteInMemory, siteInput } from './helpers';

describe('the learned suggester on one site, 20 articles labelled', () => {
  it('reaches F1 ≥ 0.9 for boilerplate and ≥ 0.75 for quote and claim on the other articles', () => {
    const site = siteInMemory(80, 2024);
    const data = buildDataset(siteInput(site, 20));
    const trained = trainModel(data, { seed: 1 });
    const model = { labels: trained.labels, weights: denseWeights(trained.vocabulary, trained.weights, trained.labels.length), bias: trained.bias };
    const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
    site.articles.slice(20).forEach((article, k) => {
      const { suggestions } = scoreArticle(model, article, data.indexes);
      suggestions.forEach((found, i) => {
        const truth = site.truth[20 + k]![i]!;
        for (const label of LABELS) {
          const shown = found.some((s) => s.label === label);
          const c = counts[label]!;
          if (shown && truth.includes(label)) c.tp += 1;
          else if (shown) c.fp += 1;
          else if (truth.includes(label)) c.fn += 1;
        }
      });
    });
    const f1 = (label: string) => scoresFromCounts(counts[label]!.tp, counts[label]!.fp, counts[label]!.fn).f1 ?? 0;
    expect(f1('boilerplate')).toBeGreaterThanOrEqual(0.9);
    expect(f1('quote')).toBeGreaterThanOrEqual(0.75);
    expect(f1('claim')).toBeGreaterThanOrEqual(0.75);
  });
});
