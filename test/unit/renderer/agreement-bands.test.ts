import { describe, expect, it } from 'vitest';
import { bandOf, isGood } from '../../../src-renderer/state/agreement-bands';

describe('agreement in words', () => {
  it("reads κ against Landis & Koch's bands, closed above, and below 0 as below chance", () => {
    const bands = [-0.1, 0, 0.2, 0.21, 0.4, 0.41, 0.6, 0.61, 0.8, 0.81, 1].map((v) => bandOf('kappa', v)?.band);
    expect(bands).toEqual(['belowChance', 'slight', 'slight', 'fair', 'fair', 'moderate', 'moderate', 'substantial', 'substantial', 'almostPerfect', 'almostPerfect']);
    expect(bandOf('kappa', 0.5)?.source).toBe('landisKoch');
  });

  it("reads α against Krippendorff's 0.667 and 0.800", () => {
    const bands = [-0.2, 0.5, 0.666, 0.667, 0.799, 0.8, 1].map((v) => bandOf('alpha', v)?.band);
    expect(bands).toEqual(['belowChance', 'unreliable', 'unreliable', 'tentative', 'tentative', 'reliable', 'reliable']);
    expect(bandOf('alpha', 0.9)?.source).toBe('krippendorff');
  });

  it('gives raw percent agreement no band (it does not correct for chance), and calls only the top bands good', () => {
    expect(bandOf('percent', 0.75)).toBeNull();
    expect(['reliable', 'substantial', 'almostPerfect', 'tentative', 'moderate'].map((b) => isGood(b as never))).toEqual([true, true, true, false, false]);
  });
});
