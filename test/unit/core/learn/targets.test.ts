import { describe, expect, it } from 'vitest';
import { articleTargets } from '../../../../src-main/core/learn/targets';
import type { DecisionLayer } from '../../../../src-main/core/decisions';

const ids = ['p0', 'p1', 'p2', 'p3'];
const layer = (decisions: Record<string, string[]>, status: 'done' | 'in_progress' = 'in_progress'): DecisionLayer => ({ status, paragraphs: Object.fromEntries(Object.entries(decisions).map(([id, labels]) => [id, { labels }])) });
const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];

describe('what the model learns each paragraph to be', () => {
  it('takes gold first, over any majority of the editors', () => {
    const targets = articleTargets(ids, { gold: layer({ p0: ['claim'] }), editors: [layer({ p0: ['quote'] }), layer({ p0: ['quote'] })] }, LABELS);
    expect(targets).toEqual([{ paragraph: 0, labels: ['claim'], weight: 1, source: 'gold' }]);
  });

  it('takes the set most editors chose when there is no gold, and one editor alone as it is', () => {
    const targets = articleTargets(ids, { gold: null, editors: [layer({ p1: ['quote'], p2: ['ad'] }), layer({ p1: ['quote'] }), layer({ p1: ['claim'] })] }, LABELS);
    expect(targets).toEqual([
      { paragraph: 1, labels: ['quote'], weight: 1, source: 'majority' },
      { paragraph: 2, labels: ['ad'], weight: 1, source: 'editor' },
    ]);
  });

  it('weighs each of k editors who disagree with no majority 1/k, so a split team teaches "unsure"', () => {
    const targets = articleTargets(ids, { gold: null, editors: [layer({ p0: ['quote'] }), layer({ p0: ['claim'] })] }, LABELS);
    expect(targets).toEqual([
      { paragraph: 0, labels: ['quote'], weight: 0.5, source: 'editor' },
      { paragraph: 0, labels: ['claim'], weight: 0.5, source: 'editor' },
    ]);
  });

  it('counts an article marked done as "none" where nothing was decided, and learns nothing from undecided paragraphs', () => {
    const targets = articleTargets(ids, { gold: null, editors: [layer({ p0: ['ad'] }, 'done'), layer({ p1: ['quote'] })] }, LABELS);
    expect(targets.map((t) => [t.paragraph, t.labels])).toEqual([
      [0, ['ad']],
      [1, []],
      [1, ['quote']],
      [2, []],
      [3, []],
    ]);
  });

  it('leaves out labels that are not in the schema', () => {
    expect(articleTargets(ids, { gold: layer({ p0: ['quote', 'retired'] }), editors: [] }, LABELS)[0]!.labels).toEqual(['quote']);
  });
});
