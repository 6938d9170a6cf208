import { describe, expect, it } from 'vitest';
import { LONE_LEARNED_MIN_EXAMPLES, mergeAgreeing } from '../../../../src-main/core/suggest/agree';
import type { Suggestion } from '../../../../src-main/core/suggest/types';

const rule: Suggestion = { label: 'quote', score: 0.75, suggester: 'quote-cues', reason: { code: 'saying', phrase: 'گفت' } };
const learned: Suggestion = { label: 'quote', score: 0.93, suggester: 'learned', reason: { code: 'learned', examples: 40, cues: [] } };
const claim: Suggestion = { label: 'claim', score: 0.8, suggester: 'learned', reason: { code: 'learned', examples: 60, cues: [] } };

describe('one ghost per label when the rules and the model agree', () => {
  it('keeps the better-scored suggestion and gives both reasons, the better first', () => {
    expect(mergeAgreeing([rule, learned, claim])).toEqual([
      { ...learned, reason: { code: 'agreed', first: learned.reason, other: { suggester: 'quote-cues', score: 0.75, reason: rule.reason } } },
      claim,
    ]);
    const strongRule = { ...rule, score: 0.95 };
    expect(mergeAgreeing([learned, strongRule])[0]).toEqual({ ...strongRule, reason: { code: 'agreed', first: strongRule.reason, other: { suggester: 'learned', score: 0.93, reason: learned.reason } } });
  });

  it('leaves two rules (or a rule and an imported model) as they are: only the learned model is merged', () => {
    const model: Suggestion = { label: 'quote', score: 0.6, suggester: 'model:fa-bert', reason: { code: 'model', model: 'fa-bert', score: 0.6 } };
    expect(mergeAgreeing([rule, model])).toEqual([rule, model]);
  });

  it('shows a young model\'s ghost only where a rule agrees: learned from fewer positives, a lone learned ghost costs the editor keys', () => {
    const young: Suggestion = { label: 'claim', score: 0.81, suggester: 'learned', reason: { code: 'learned', examples: LONE_LEARNED_MIN_EXAMPLES - 1, cues: [] } };
    const quote: Suggestion = { ...rule, score: 0.96 };
    expect(mergeAgreeing([quote, young])).toEqual([quote]);
    const claimRule: Suggestion = { label: 'claim', score: 0.71, suggester: 'claim-cues', reason: { code: 'opinion', phrase: 'باید' } };
    expect(mergeAgreeing([claimRule, young])).toEqual([{ ...young, reason: { code: 'agreed', first: young.reason, other: { suggester: 'claim-cues', score: 0.71, reason: claimRule.reason } } }]);
    expect(mergeAgreeing([quote, { ...young, reason: { code: 'learned', examples: LONE_LEARNED_MIN_EXAMPLES, cues: [] } }]).map((s) => s.label)).toEqual(['quote', 'claim']);
  });
});
