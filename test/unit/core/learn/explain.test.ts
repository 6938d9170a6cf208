import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../../src-main/core/learn/dataset';
import { featureIndexes } from '../../../../src-main/core/learn/features';
import { denseWeights, trainModel } from '../../../../src-main/core/learn/model';
import { articleUncertainty, scoreArticle, type ScoringModel } from '../../../../src-main/core/learn/score';
import type { LearnedCue } from '../../../../src-main/core/suggest/reasons';
import { siteInMemory, siteInput } from './helpers';

const SITE = siteInMemory(40);
const trained = trainModel(buildDataset(siteInput(SITE, 30)), { seed: 1 });
const model: ScoringModel = { labels: trained.labels, weights: denseWeights(trained.vocabulary, trained.weights, trained.labels.length), bias: trained.bias };
const indexes = featureIndexes(SITE.articles);

/** The learned suggestions of a paragraph of kind `kind` in the unlabelled articles. */
function suggestionsOfKind(kind: string) {
  for (let a = 30; a < 40; a++) {
    const i = SITE.kinds[a]!.indexOf(kind as never);
    if (i >= 0) return { a, i, found: scoreArticle(model, SITE.articles[a]!, indexes).suggestions[i]! };
  }
  throw new Error(`no ${kind} paragraph in the unlabelled articles`);
}

describe('scoring with the learned model, and saying why', () => {
  it("suggests the site's lead paragraph as a claim because of the words «به گزارش خبرگزاری» that start it", () => {
    const { found } = suggestionsOfKind('lead');
    const claim = found.find((s) => s.label === 'claim')!;
    expect(claim.suggester).toBe('learned');
    expect(claim.score).toBeGreaterThan(0.5);
    const reason = claim.reason as { code: 'learned'; examples: number; cues: LearnedCue[] };
    expect(reason.code).toBe('learned');
    expect(reason.examples).toBe(trained.labels.find((l) => l.name === 'claim')!.positives);
    expect(reason.cues.length).toBeGreaterThan(0);
    expect(reason.cues.length).toBeLessThanOrEqual(3);
    const words = reason.cues.find((c) => c.kind === 'words');
    expect(words?.kind === 'words' && /گزارش|خبرگزاری|آفتاب/.test(words.text)).toBe(true);
  });

  it('names no letter alone among the words that drove a score (a desk code «م» after the end marker), nor a shape a rule cue already says', () => {
    let named = 0;
    for (const article of SITE.articles.slice(30)) {
      for (const list of scoreArticle(model, article, indexes).suggestions) {
        for (const s of list) {
          const cues = (s.reason as { cues: LearnedCue[] }).cues;
          for (const c of cues) if (c.kind === 'words') for (const word of c.text.split(' ')) expect(word.length).toBeGreaterThan(1);
          if (cues.some((c) => c.kind === 'rule' && c.rule === 'figure-statistic')) expect(cues).not.toContainEqual({ kind: 'shape', shape: 'figures' });
          named += cues.length;
        }
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it("uses the decided labels of the paragraphs beside it, and says so when they drove the score", () => {
    const { a, i } = suggestionsOfKind('ad');
    const decided = SITE.articles[a]!.paragraphs.map((_, j) => (j === i - 1 ? ['ad'] : undefined));
    const cold = scoreArticle(model, SITE.articles[a]!, indexes).probabilities;
    const warm = scoreArticle(model, SITE.articles[a]!, indexes, { decided }).probabilities;
    const ad = trained.labels.findIndex((l) => l.name === 'ad');
    expect(warm[i * trained.labels.length + ad]).not.toBe(cold[i * trained.labels.length + ad]);
  });

  it('makes suggestions from the floor up only', () => {
    const all = scoreArticle(model, SITE.articles[35]!, indexes, { floor: 0 }).suggestions.flat();
    const none = scoreArticle(model, SITE.articles[35]!, indexes, { floor: 1.01 }).suggestions.flat();
    expect(all.length).toBe(SITE.articles[35]!.paragraphs.length * trained.labels.length);
    expect(none).toEqual([]);
  });

  it('measures how unsure it is over the paragraphs nobody decided: coin tosses count most, decided paragraphs not at all', () => {
    const probabilities = Float32Array.from([0.5, 0.5, 0.99, 0.01, 0.9, 0.1]);
    expect(articleUncertainty(probabilities, 2, () => true)).toBeCloseTo((1 + 0.02 + 0.2) / 3, 5);
    expect(articleUncertainty(probabilities, 2, (i) => i !== 0)).toBeCloseTo((0.02 + 0.2) / 2, 5);
    expect(articleUncertainty(probabilities, 2, () => false)).toBeNull();
  });
});
