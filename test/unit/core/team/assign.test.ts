import { describe, expect, it } from 'vitest';
import { assignArticle, planAssignment, parseShare, queueOrder, type AssignOptions, type Assignments } from '../../../../src-main/core/team/assign';

const articles = Array.from({ length: 100 }, (_, i) => `news/${String(i).padStart(3, '0')}.txt`);
const options = (o: Partial<AssignOptions> = {}): AssignOptions => ({ annotators: ['sara', 'omid', 'reza'], perArticle: 1, overlap: 0, seed: 7, onlyUnassigned: false, ...o });

const articlesOf = (plan: Assignments) => Object.fromEntries(Object.entries(plan).map(([n, items]) => [n, queueOrder(items).map((i) => i.article)]));
const copies = (plan: Assignments) => {
  const n = new Map<string, number>();
  for (const items of Object.values(plan)) for (const i of items) n.set(i.article, (n.get(i.article) ?? 0) + 1);
  return n;
};

describe('planAssignment', () => {
  it('gives the same plan for the same seed, whatever order the articles come in, and another plan for another seed', () => {
    const a = planAssignment(articles, {}, options());
    expect(planAssignment([...articles].reverse(), {}, options())).toEqual(a);
    expect(articlesOf(planAssignment(articles, {}, options({ seed: 8 })))).not.toEqual(articlesOf(a));
  });

  it('gives every article to exactly one annotator, balanced to within one article', () => {
    const plan = planAssignment(articles, {}, options());
    expect([...copies(plan).values()].every((n) => n === 1)).toBe(true);
    expect(copies(plan).size).toBe(100);
    const sizes = Object.values(plan).map((items) => items.length).sort();
    expect(sizes).toEqual([33, 33, 34]);
  });

  it('gives a seeded 20% sample to two distinct annotators each, marked as overlap, still balanced', () => {
    const plan = planAssignment(articles, {}, options({ overlap: 0.2, perArticle: 2 }));
    const shared = [...copies(plan)].filter(([, n]) => n === 2).map(([a]) => a);
    expect(shared).toHaveLength(20);
    expect([...copies(plan).values()].every((n) => n === 1 || n === 2)).toBe(true);
    for (const [, items] of Object.entries(plan)) for (const i of items) expect(i.overlap).toBe(shared.includes(i.article));
    const sizes = Object.values(plan).map((items) => items.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(120);
  });

  it('numbers each queue 1…n with no gaps', () => {
    const plan = planAssignment(articles, {}, options({ overlap: 0.3, perArticle: 3 }));
    for (const items of Object.values(plan)) expect(queueOrder(items).map((i) => i.queue)).toEqual(items.map((_, i) => i + 1));
  });

  it('with onlyUnassigned keeps every existing assignment and deals only new articles, to the least loaded first', () => {
    const first = planAssignment(articles.slice(0, 60), {}, options({ annotators: ['sara', 'omid'] }));
    const next = planAssignment(articles, first, options({ annotators: ['sara', 'omid', 'reza'], onlyUnassigned: true }));
    for (const [name, items] of Object.entries(first)) expect(next[name]!.slice(0, items.length)).toEqual(items);
    expect(Object.values(next).map((items) => items.length).sort()).toEqual([33, 33, 34]);
    expect([...copies(next).values()].every((n) => n === 1)).toBe(true);
    expect(copies(next).size).toBe(100);
    // New articles continue each queue after what it had.
    expect(queueOrder(next.sara!).at(-1)!.queue).toBe(next.sara!.length);
  });

  it('refuses options that cannot be met, saying which', () => {
    expect(() => planAssignment(articles, {}, options({ perArticle: 4 }))).toThrow('--per-article 4 needs at least 4 annotators');
    expect(() => planAssignment(articles, {}, options({ overlap: 0.2 }))).toThrow('an overlap needs --per-article 2 or more');
    expect(() => planAssignment(articles, {}, options({ annotators: ['sara', 'sara'] }))).toThrow('named twice');
  });
});

describe('assignArticle', () => {
  it('moves one article to exactly the named annotators and leaves every other line alone', () => {
    const plan = planAssignment(articles.slice(0, 10), {}, options());
    const article = plan.sara![0]!.article;
    const next = assignArticle(plan, article, ['omid', 'reza']);
    expect(next.sara!.map((i) => i.article)).not.toContain(article);
    expect(next.sara).toHaveLength(plan.sara!.length - 1);
    for (const name of ['omid', 'reza']) expect(queueOrder(next[name]!).at(-1)).toMatchObject({ article, overlap: true });
  });
});

describe('parseShare', () => {
  it('reads 20%, 20 and 0.2 as a fifth, and refuses what is not a share', () => {
    expect(parseShare('20%')).toBe(0.2);
    expect(parseShare('20')).toBe(0.2);
    expect(parseShare('0.2')).toBe(0.2);
    expect(parseShare('120%')).toBeNull();
    expect(parseShare('a lot')).toBeNull();
  });
});
