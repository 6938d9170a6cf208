import { describe, expect, it } from 'vitest';
import { checkResolveSteps, resolveParagraph } from '../../../src-main/core/resolve';

const v = (annotator: string, ...labels: string[]) => ({ annotator, labels });

describe('resolution to one answer per paragraph', () => {
  it('takes gold whenever gold decided, even against a unanimous team', () => {
    expect(resolveParagraph(['gold', 'majority'], ['claim'], [v('a', 'ad'), v('b', 'ad')])).toMatchObject({ from: 'gold', labels: ['claim'] });
  });

  it('takes the label set most annotators chose, comparing whole sets in any order', () => {
    const r = resolveParagraph(['majority'], undefined, [v('a', 'quote', 'claim'), v('b', 'claim', 'quote'), v('c', 'quote')]);
    expect(r).toEqual({ from: 'majority', annotator: 'majority', labels: ['quote', 'claim'], agreeing: ['a', 'b'] });
  });

  it('does not let a tie or a lone vote decide a majority: the next step does', () => {
    expect(resolveParagraph(['majority'], undefined, [v('a', 'ad'), v('b', 'quote')])).toBeNull();
    expect(resolveParagraph(['majority'], undefined, [v('a', 'ad')])).toBeNull();
    expect(resolveParagraph(['majority', 'single'], undefined, [v('a', 'ad')])).toMatchObject({ from: 'single', annotator: 'a' });
    expect(resolveParagraph(['majority', 'b'], undefined, [v('a', 'ad'), v('b', 'quote')])).toMatchObject({ from: 'annotator', annotator: 'b', labels: ['quote'] });
  });

  it('treats reviewed-none as an answer of its own', () => {
    expect(resolveParagraph(['majority'], undefined, [v('a'), v('b'), v('c', 'ad')])).toMatchObject({ labels: [], agreeing: ['a', 'b'] });
  });

  it('names a step that is neither a rule nor an annotator', () => {
    expect(checkResolveSteps(['gold', 'majority', 'sara'], ['sara'])).toBeNull();
    expect(checkResolveSteps(['majorty'], ['sara', 'omid'])).toBe('--resolve step "majorty" is neither gold, majority, single nor an annotator of this workspace (sara, omid)');
  });
});
