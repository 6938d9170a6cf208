/** Suggestion reasons in the editor's language: every reason code has an English and a Persian sentence. */
import { describe, expect, it } from 'vitest';
import { reasonText, type ReasonCode, type SuggestionReason } from '../../../src-main/core/suggest/reasons';
import { en } from '../../../src-renderer/i18n/en';
import { fa } from '../../../src-renderer/i18n/fa';

/** One reason of each code; typed by code, so a code added without a sample here fails typecheck. */
const SAMPLES: { [C in ReasonCode]: Extract<SuggestionReason, { code: C }> } = {
  'end-marker': { code: 'end-marker' },
  'repeated-navigation': { code: 'repeated-navigation', place: 'after-marker', word: 'صفحه اصلی', repeats: 12, articles: 40 },
  'repeated-name': { code: 'repeated-name', place: 'closing-lines', repeats: 3, articles: 5 },
  'repeated-footer': { code: 'repeated-footer', place: 'after-marker', repeats: 7, articles: 9 },
  'repeated-short': { code: 'repeated-short', repeats: 4, articles: 10 },
  'repeated-in-story': { code: 'repeated-in-story', repeats: 2, articles: 3 },
  navigation: { code: 'navigation', place: 'closing-lines', word: 'آرشیو' },
  paid: { code: 'paid', phrase: 'رپرتاژ' },
  'footer-business': { code: 'footer-business', place: 'after-marker', word: 'بانک' },
  'footer-link': { code: 'footer-link', place: 'closing-lines' },
  'footer-name': { code: 'footer-name', place: 'after-marker' },
  'selling-link': { code: 'selling-link', phrase: 'خرید' },
  'quoted-attributed': { code: 'quoted-attributed', phrase: 'گفت' },
  'saying-colon': { code: 'saying-colon', phrase: 'افزود' },
  saying: { code: 'saying', phrase: 'said' },
  attributed: { code: 'attributed', phrase: 'به گفته' },
  quoted: { code: 'quoted' },
  opinion: { code: 'opinion', phrase: 'معتقد است' },
  'quoted-term': { code: 'quoted-term' },
  percentage: { code: 'percentage', phrase: '45 درصد', comparison: 'بیش از' },
  'number-percent': { code: 'number-percent', number: '12', percent: 'درصد' },
  'figure-statistic': { code: 'figure-statistic', number: '480', statistic: 'میلیارد' },
  number: { code: 'number', phrase: '1402' },
  'number-words': { code: 'number-words', phrase: 'سه' },
  comparison: { code: 'comparison', phrase: 'کمتر از' },
  date: { code: 'date', phrase: '1402' },
  model: { code: 'model', model: 'bert-fa', score: 0.8 },
  'page-outside': { code: 'page-outside', place: 'after', region: 'footer', tag: 'role=contentinfo', word: 'share', links: 9, words: 10 },
  'page-ad': { code: 'page-ad', place: 'before', ad: 'advert', region: 'aside', tag: 'aside' },
};

/** The quoted words of the paragraph (and a model's name) are data: only the sentence around them is translated. */
const quoted = (reason: SuggestionReason) =>
  Object.entries(reason)
    .filter(([key]) => key !== 'code' && key !== 'place' && key !== 'region')
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string');

describe('suggestion reasons in the UI language', () => {
  it.each(Object.values(SAMPLES))('writes $code in English as the CLI does, and in Persian with no English word of its own', (reason) => {
    expect(en.suggest.reason(reason)).toBe(reasonText(reason));
    let persian = fa.suggest.reason(reason);
    for (const data of quoted(reason)) {
      expect(persian).toContain(`«${data}`);
      persian = persian.replace(data, '');
    }
    expect(persian).not.toMatch(/[A-Za-z0-9]/);
    expect(persian).toMatch(/[\u0600-\u06ff]{3}/);
  });

  it('names where a saved page puts a paragraph and what says so, in the words of the issue', () => {
    expect(reasonText(SAMPLES['page-outside'])).toBe(
      'After the article\'s last paragraph, in the page footer (role=contentinfo); in a block the page calls "share"; a list of links: 9 of 10 words are links.',
    );
    expect(reasonText({ code: 'page-outside', place: 'before', region: 'nav', tag: 'nav' })).toBe("Before the article's first paragraph, in the site's navigation (nav).");
    expect(fa.suggest.reason(SAMPLES['page-outside'])).toContain('۹ واژه از ۱۰ واژه پیوند است');
  });

  it('counts and scores in Persian digits in the Persian sentence', () => {
    expect(fa.suggest.reason(SAMPLES['repeated-footer'])).toContain('همین سطر در ۷ خبر از ۹ خبر');
    expect(fa.suggest.reason(SAMPLES.model)).toContain('۰٫۸۰');
    expect(en.suggest.reason(SAMPLES.model)).toBe('Predicted by the model "bert-fa" with score 0.80.');
  });
});
