import { describe, expect, it } from 'vitest';
import { acceptOffered, makeOffer, measuredAt, MIN_MEASURED, offerCounts, offeredThreshold, stepThreshold, toggleLabel, type OfferParagraph } from '../../../src-renderer/state/accept-offer';

const ORDER = ['quote', 'claim', 'boilerplate', 'ad'];
const s = (label: string, score: number, suggester = `${label}-cues`) => ({ label, score, suggester, reason: { code: 'saying' as const, phrase: label } });
const p = (index: number, ghosts: ReturnType<typeof s>[], current: OfferParagraph['current'] = null): OfferParagraph => ({ index, current, ghosts });

describe('the accept-all offer (Shift+A)', () => {
  it('trusts each score alone until enough decisions are measured: only ghosts reaching the setting', () => {
    expect(offeredThreshold([0.95, 0.75, 0.6], undefined, 0.9)).toBe(0.9);
    expect(measuredAt([{ score: 0.9, decided: MIN_MEASURED - 1, right: MIN_MEASURED - 1 }], 0.6)).toBeNull();
  });

  it('offers per label the lowest score from which the suggestions were right often enough on the decided paragraphs', () => {
    // Sponsor names: 0.6 by hand, but right 24 times of 24 here.
    const ad = [{ score: 0.97, decided: 24, right: 24 }];
    expect(offeredThreshold([0.97], ad, 0.9)).toBe(0.9);
    const levels = [
      { score: 0.96, decided: 30, right: 30 },
      { score: 0.8, decided: 50, right: 46 },
      { score: 0.55, decided: 70, right: 52 },
    ];
    // 46/50 = 92% from 0.8 up; 52/70 = 74% from 0.55 up.
    expect(offeredThreshold([0.96, 0.8, 0.55], levels, 0.9)).toBe(0.8);
    expect(offeredThreshold([0.96, 0.8, 0.55], levels, 0.7)).toBe(0.55);
  });

  it('never offers what would override the editor: "no label", and single-label answers', () => {
    const paragraphs = [p(0, [s('boilerplate', 0.95)]), p(1, [s('boilerplate', 0.95)], { labels: [] }), p(2, [s('ad', 0.95)], { labels: ['quote'] })];
    const multi = makeOffer(paragraphs, ORDER, {}, 0.9, 'multi')!;
    expect(offerCounts(multi, paragraphs, 'multi')).toEqual({ boilerplate: 1, ad: 1 });
    expect(acceptOffered(multi, { labels: [] }, [s('boilerplate', 0.95)], 'multi', ORDER)).toEqual({ labels: [] });
    expect(acceptOffered(multi, { labels: ['quote'] }, [s('ad', 0.95)], 'multi', ORDER)).toMatchObject({ labels: ['quote', 'ad'] });
    const single = makeOffer(paragraphs, ORDER, {}, 0.9, 'single')!;
    expect(single.labels.map((l) => l.label)).toEqual(['boilerplate']);
    expect(acceptOffered(single, { labels: ['quote'] }, [s('ad', 0.95)], 'single', ORDER)).toEqual({ labels: ['quote'] });
    expect(acceptOffered(single, { labels: [], via: 'done' }, [s('boilerplate', 0.95)], 'single', ORDER)).toMatchObject({ labels: ['boilerplate'], via: 'suggestion' });
  });

  it('lets the editor lower or raise a label’s score to the next ghost score, and leave a label out', () => {
    const paragraphs = [p(0, [s('quote', 0.95)]), p(1, [s('quote', 0.75)]), p(2, [s('ad', 0.6)])];
    let offer = makeOffer(paragraphs, ORDER, {}, 0.9, 'multi')!;
    expect(offer.labels.map((l) => [l.label, l.threshold])).toEqual([['quote', 0.9], ['ad', 0.9]]);
    expect(offerCounts(offer, paragraphs, 'multi')).toEqual({ quote: 1, ad: 0 });
    offer = stepThreshold(offer, -1);
    expect(offer.labels[0]!.threshold).toBe(0.75);
    expect(offerCounts(offer, paragraphs, 'multi')).toEqual({ quote: 2, ad: 0 });
    offer = stepThreshold(stepThreshold(offer, 1), 1);
    expect(offer.labels[0]!.threshold).toBe(0.95);
    offer = toggleLabel({ ...offer, focus: 1 }, 1);
    offer = stepThreshold(offer, -1);
    expect(offer.labels[1]).toMatchObject({ threshold: 0.6, excluded: true });
    expect(offerCounts(offer, paragraphs, 'multi')).toEqual({ quote: 1, ad: 0 });
    expect(acceptOffered(offer, null, [s('ad', 0.6)], 'multi', ORDER)).toBeNull();
  });

  it('has nothing to offer without ghosts on paragraphs it may change', () => {
    expect(makeOffer([p(0, [s('quote', 0.95)], { labels: [] })], ORDER, {}, 0.9, 'multi')).toBeNull();
  });
});
