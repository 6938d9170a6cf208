import { describe, expect, it } from 'vitest';
import { articleFeatures, featureIndexes, GROUP, siteOf, type FeatureArticle, type FeatureName } from '../../../../src-main/core/learn/features';
import { MatrixBuilder } from '../../../../src-main/core/learn/matrix';
import { article } from '../suggest/helpers';

function featuresOf(articles: FeatureArticle[], which = 0): { names: FeatureName[][]; indices: number[][] } {
  const matrix = new MatrixBuilder();
  const names: FeatureName[][] = [];
  articleFeatures(articles[which]!, featureIndexes(articles), matrix, names);
  const m = matrix.build();
  const indices = Array.from({ length: m.rows }, (_, r) => Array.from(m.indices.subarray(m.offsets[r]!, m.offsets[r + 1]!)));
  return { names, indices };
}

const has = (names: FeatureName[], group: number, text: string) => names.some((n) => n.group === group && n.text === text);

const STORY = ['عنوان خبر امروز درباره آب', 'به گزارش خبرگزاری نمونه، مدیر شرکت آب از کاهش ذخایر سدها خبر داد.', 'او گفت: «مردم باید در مصرف آب صرفه‌جویی کنند.»', 'انتهای پیام', 'صفحه اصلی', 'پربیننده‌ترین اخبار'];

describe('what the learned model sees of a paragraph', () => {
  it('reads words on the search key: «می‌گوید», «می گوید» and legacy «ميگويد» give the same word features', () => {
    const a = featuresOf([article('a.txt', ['عنوان', 'وزیر می‌گوید کار تمام است'])]).indices[1]!;
    const b = featuresOf([article('b.txt', ['عنوان', 'وزير مي گويد كار تمام است'])]).indices[1]!;
    expect(new Set(a)).toEqual(new Set(b));
  });

  it('turns figures into one word, so «۴۸۰» and «۳۰» teach the same thing', () => {
    const { names } = featuresOf([article('a.txt', ['عنوان', 'ذخایر به ۴۸۰ میلیون رسید', 'ذخایر به 30 میلیون رسید'])]);
    expect(has(names[1]!, GROUP.word, '0')).toBe(true);
    expect(names[1]!.filter((n) => n.group === GROUP.pair).map((n) => n.text)).toEqual(names[2]!.filter((n) => n.group === GROUP.pair).map((n) => n.text));
  });

  it('knows the place: the title, the first lines, after the end marker, the last lines', () => {
    const { names } = featuresOf([article('a.txt', STORY)]);
    expect(has(names[0]!, GROUP.place, 'title')).toBe(true);
    expect(has(names[1]!, GROUP.place, 'first-lines')).toBe(true);
    expect(has(names[3]!, GROUP.shape, 'end-marker')).toBe(true);
    expect(has(names[4]!, GROUP.place, 'after-marker')).toBe(true);
    expect(has(names[5]!, GROUP.place, 'last-lines')).toBe(true);
    expect(has(names[4]!, GROUP.nearby, 'before:end-marker')).toBe(true);
  });

  it('counts how often a line recurs across the workspace and within its site', () => {
    const articles = [
      article('isna/1.txt', ['یک', 'خط مشترک سایت']),
      article('isna/2.txt', ['دو', 'خط مشترک سایت']),
      article('isna/3.txt', ['سه', 'خط مشترک سایت']),
      article('irna/1.txt', ['چهار', 'خط دیگر']),
    ];
    const { names } = featuresOf(articles);
    const line = names[1]!;
    expect(line.find((n) => n.group === GROUP.repeats && n.text === 'recurs')?.count).toBe(3);
    expect(line.find((n) => n.group === GROUP.site)?.count).toBe(3);
    expect(siteOf({ path: 'isna/1.txt' })).toBe('isna');
    expect(siteOf({ path: 'top.txt' })).toBe('');
  });

  it("reads the rules' findings as features, whatever their threshold", () => {
    const { names } = featuresOf([article('a.txt', STORY)]);
    expect(has(names[2]!, GROUP.rule, 'quoted-attributed')).toBe(true);
    expect(has(names[3]!, GROUP.rule, 'end-marker')).toBe(true);
  });

  it('takes page-structure evidence where a reader gives it, and works without it', () => {
    const plain = article('a.txt', STORY);
    const main = { place: 'main', words: 20, links: 0 } as const;
    const nav = { place: 'after', region: 'nav', tag: 'nav', word: 'menu', words: 10, links: 9 } as const;
    const withEvidence: FeatureArticle = { ...plain, evidence: [main, main, main, main, nav] };
    const { names } = featuresOf([withEvidence]);
    expect(has(names[4]!, GROUP.evidence, 'nav')).toBe(true);
    expect(has(names[4]!, GROUP.evidence, 'link-dense')).toBe(true);
    expect(has(names[4]!, GROUP.evidence, 'after-article')).toBe(true);
    expect(has(names[4]!, GROUP.evidence, 'menu')).toBe(true);
    expect(has(names[4]!, GROUP.evidence, 'main-text')).toBe(false);
    expect(has(names[1]!, GROUP.evidence, 'main-text')).toBe(true);
    expect(featuresOf([plain]).names[4]!.some((n) => n.group === GROUP.evidence)).toBe(false);
  });
});
