import { describe, expect, it } from 'vitest';
import { acceptGhosts, ghostsOf, GhostTally } from '../../../src-renderer/state/suggestion-logic';

const ORDER = ['quote', 'claim', 'boilerplate', 'ad'];
const s = (label: string, score: number, suggester = `${label}-cues`) => ({ label, score, suggester, reason: { code: 'saying' as const, phrase: label } });

describe('ghost labels', () => {
  it('offers one ghost per label, best score first, never a label the paragraph has, one turned down, or one the schema lacks', () => {
    const suggestions = [s('claim', 0.75), s('quote', 0.95), s('claim', 0.9, 'model:bert'), s('ad', 0.6), s('opinion', 0.99)];
    expect(ghostsOf(suggestions, null, undefined, ORDER).map((g) => [g.label, g.suggester])).toEqual([['quote', 'quote-cues'], ['claim', 'model:bert'], ['ad', 'ad-cues']]);
    expect(ghostsOf(suggestions, { labels: ['quote'] }, ['ad'], ORDER).map((g) => g.label)).toEqual(['claim']);
    expect(ghostsOf(undefined, null, undefined, ORDER)).toEqual([]);
  });

  it('accepting adds the ghosts\' labels with their suggesters (multi) or takes the best one (single)', () => {
    const ghosts = [s('claim', 0.9), s('quote', 0.7)];
    expect(acceptGhosts({ labels: ['ad'] }, ghosts, 'multi', ORDER)).toEqual({ labels: ['quote', 'claim', 'ad'], via: 'suggestion', suggested_by: { claim: 'claim-cues', quote: 'quote-cues' } });
    expect(acceptGhosts({ labels: ['quote'], via: 'suggestion', suggested_by: { quote: 'quote-cues' } }, [s('claim', 0.9)], 'multi', ORDER)).toEqual({ labels: ['quote', 'claim'], via: 'suggestion', suggested_by: { quote: 'quote-cues', claim: 'claim-cues' } });
    expect(acceptGhosts({ labels: ['ad'] }, ghosts, 'single', ORDER)).toEqual({ labels: ['claim'], via: 'suggestion', suggested_by: { claim: 'claim-cues' } });
    const none = { labels: [] };
    expect(acceptGhosts(none, [], 'multi', ORDER)).toBe(none);
  });

  it('the ghost tally follows each new decision, rejection, schema and threshold of a paragraph', () => {
    const tally = new GhostTally();
    const suggestions = [s('quote', 0.95), s('claim', 0.6)];
    expect(tally.count('p1', suggestions, undefined, undefined, ORDER, 0.9)).toMatchObject({ all: 2, strong: 1 });
    // A decision is replaced by a new value: the paragraph is counted again.
    expect(tally.count('p1', suggestions, { labels: ['quote'] }, undefined, ORDER, 0.9)).toMatchObject({ all: 1, strong: 0 });
    expect(tally.count('p1', suggestions, { labels: ['quote'] }, ['claim'], ORDER, 0.9)).toMatchObject({ all: 0, strong: 0 });
    expect(tally.count('p1', suggestions, undefined, undefined, ['claim'], 0.9)).toMatchObject({ all: 1, strong: 0 });
    expect(tally.count('p1', suggestions, undefined, undefined, ORDER, 0.5)).toMatchObject({ all: 2, strong: 2 });
    // "No label yet" (undecided) still shows every ghost.
    expect(tally.count('p1', suggestions, { labels: [], undecided: true }, undefined, ORDER, 0.9)).toMatchObject({ all: 2, strong: 1 });
    tally.clear();
    expect(tally.count('p1', [s('ad', 0.99)], undefined, undefined, ORDER, 0.9)).toMatchObject({ all: 1, strong: 1 });
  });
});
