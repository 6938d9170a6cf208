import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../support/mulberry32';
import { AgreementTallier, computeAgreement, goldFromTallies, goldScores, reportFromTallies, type AgreementItem, type ArticleTally } from '../../../../src-main/core/agreement';

/** A seeded PRNG, so a failure names the seed that reproduces it. */
const prng = mulberry32;

interface Case {
  annotators: string[];
  labels: string[];
  items: AgreementItem[];
}

/** Random decisions (missing, "none", label sets with unchosen labels) on items spread over random, interleaved articles. */
function randomCase(seed: number): Case {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const annotators = ['ann', 'bo', 'cy', 'di', 'gold'].slice(0, 2 + Math.floor(random() * 4));
  const pool = ['quote', 'claim', 'ad', '__proto__', 'other'];
  const labels = pool.filter(() => random() < 0.6);
  const articles = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => `a${i}.txt`);
  const items: AgreementItem[] = [];
  const count = Math.floor(random() * 120);
  for (let i = 0; i < count; i++) {
    const decisions: Record<string, string[] | undefined> = {};
    for (const a of annotators) {
      const r = random();
      if (r < 0.25) continue;
      if (r < 0.3) decisions[a] = undefined;
      else decisions[a] = pool.filter(() => random() < 0.3);
    }
    items.push({ id: `p${i}`, article: pick(articles), decisions });
  }
  return { annotators, labels, items };
}

/** Articles in the order computeAgreement lists them: by their first item two annotators decided. */
function articleOrder(c: Case, annotators: string[]): string[] {
  const first = new Map<string, number>();
  c.items.forEach((item, i) => {
    const decided = annotators.filter((a) => Array.isArray(item.decisions[a])).length;
    if (!first.has(item.article)) first.set(item.article, Infinity);
    if (decided >= 2 && first.get(item.article) === Infinity) first.set(item.article, i);
  });
  return [...first].sort((x, y) => (x[1] === y[1] ? 0 : x[1] < y[1] ? -1 : 1)).map(([article]) => article);
}

/** Each article tallied on its own, kept as JSON (as the app keeps them on disk) and read back. */
function tallies(c: Case, annotators: string[], order: string[], gold?: string): [string, ArticleTally][] {
  const tallier = new AgreementTallier({ annotators, labels: c.labels, gold });
  return order.map((article) => [article, JSON.parse(JSON.stringify(tallier.tally(c.items.filter((i) => i.article === article)))) as ArticleTally]);
}

describe('article tallies merged', () => {
  it('give exactly the one-pass report, for random items split into random articles', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const c = randomCase(seed);
      const annotators = c.annotators.filter((a) => a !== 'gold');
      if (annotators.length < 2) continue;
      const oneShot = computeAgreement({ annotators, labels: c.labels, items: c.items });
      const merged = reportFromTallies({ annotators, labels: c.labels }, tallies(c, annotators, articleOrder(c, annotators)));
      expect(merged, `seed ${seed}`).toEqual(oneShot);
    }
  });

  it('give the same figures whatever order the articles are merged in (integer sums)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const c = randomCase(seed);
      const annotators = c.annotators.filter((a) => a !== 'gold');
      if (annotators.length < 2) continue;
      const order = articleOrder(c, annotators);
      const forward = reportFromTallies({ annotators, labels: c.labels }, tallies(c, annotators, order));
      const backward = reportFromTallies({ annotators, labels: c.labels }, tallies(c, annotators, [...order].reverse()));
      expect({ ...backward, per_article: [...backward.per_article].reverse() }, `seed ${seed}`).toEqual(forward);
    }
  });

  it('give each annotator the same scores against the gold as goldScores over all items', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const c = randomCase(seed);
      if (!c.annotators.includes('gold')) continue;
      const annotators = c.annotators.filter((a) => a !== 'gold');
      const merged = goldFromTallies({ annotators, labels: c.labels, gold: 'gold' }, tallies(c, annotators, articleOrder(c, annotators), 'gold'));
      expect(merged, `seed ${seed}`).toEqual(annotators.map((annotator) => goldScores({ annotator, gold: 'gold', labels: c.labels, items: c.items })));
    }
  });

  it('refuses a tally made for another choice of annotators or labels', () => {
    const items: AgreementItem[] = [{ id: 'p1', article: 'a.txt', decisions: { x: ['quote'], y: ['quote'], z: [] } }];
    const tally = new AgreementTallier({ annotators: ['x', 'y', 'z'], labels: ['quote'] }).tally(items);
    expect(() => reportFromTallies({ annotators: ['x', 'y'], labels: ['quote'] }, [['a.txt', tally]])).toThrow(/another choice/);
    expect(() => reportFromTallies({ annotators: ['x', 'y', 'z'], labels: ['quote', 'claim'] }, [['a.txt', tally]])).toThrow(/another choice/);
  });
});
