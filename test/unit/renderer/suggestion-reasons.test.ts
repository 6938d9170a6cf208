/** Suggestion reasons in the editor's language: every reason code has an English and a Persian sentence. */
import { describe, expect, it } from 'vitest';
import { reasonText, type ReasonCode, type SuggestionReason } from '../../../src-main/core/suggest/reasons';
import { en } from '../../../src-renderer/i18n/en';
import { fa } from '../../../src-renderer/i18n/fa';

/** One reason of each code; typed by code, so a code added without a sample here fails typecheck. */
const SAMPLES: { [C in ReasonCode]: Extract<SuggestionReason, { code: C }> } = {
  'end-marker': { code: 'end-marker' },
  'title-repeated': { code: 'title-repeated' },
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
  'headline-echo': { code: 'headline-echo', phrase: 'با بیان اینکه' },
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
  learned: { code: 'learned', examples: 312, cues: [{ kind: 'words', text: 'به گزارش' }, { kind: 'place', place: 'first-lines' }, { kind: 'recurs', articles: 12, site: false }] },
  agreed: { code: 'agreed', first: { code: 'saying', phrase: 'گفت' }, other: { suggester: 'learned', score: 0.97, reason: { code: 'learned', examples: 40, cues: [] } } },
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
  // An agreed reason names a suggester (data, in Latin letters): checked on its own below.
  it.each(Object.values(SAMPLES).filter((r) => r.code !== 'agreed'))('writes $code in English as the CLI does, and in Persian with no English word of its own', (reason) => {
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

  it('says what a learned suggestion learned from and what drove it, in the editor\'s words', () => {
    expect(en.suggest.reason(SAMPLES.learned)).toBe("Learned from 312 of the team's labels: like other paragraphs with «به گزارش» in the first lines, that recur in 12 articles.");
    expect(fa.suggest.reason(SAMPLES.learned)).toBe('آموخته از ۳۱۲ برچسبِ تیم: مانند بندهای دیگری با «به گزارش» در سطرهای نخست، که در ۱۲ خبر تکرار می‌شوند.');
    const cues: SuggestionReason = { code: 'learned', examples: 25, cues: [{ kind: 'words', text: 'گفت' }, { kind: 'words', text: 'افزود' }, { kind: 'rule', rule: 'saying' }, { kind: 'beside', side: 'after', what: 'quote' }, { kind: 'evidence', name: 'nav' }, { kind: 'shape', shape: 'very-short' }] };
    expect(en.suggest.reason(cues)).toBe("Learned from 25 of the team's labels: like other paragraphs with «گفت» and «افزود» with a verb of saying, after a paragraph labelled quote, marked \"nav\" by the page's structure, of one to three words.");
    expect(fa.suggest.reason(cues)).toContain('با «گفت» و «افزود» با فعل گفتن، پس از بندی با برچسب «quote»، که ساختار صفحه «nav» نشانشان داده است، با یک تا سه واژه.');
    expect(en.suggest.reason({ code: 'learned', examples: 3, cues: [] })).toBe("Learned from 3 of the team's labels.");
  });

  it('gives both reasons when the rules and the learned model agree, the better one first', () => {
    expect(en.suggest.reason(SAMPLES.agreed)).toBe('Reported speech: a verb of saying ("گفت"). Also learned (0.97): Learned from 40 of the team\'s labels.');
    expect(fa.suggest.reason(SAMPLES.agreed)).toBe('نقل قول غیرمستقیم: فعل گفتن («گفت»). همچنین «learned» (۰٫۹۷): آموخته از ۴۰ برچسبِ تیم.');
  });
});
