/**
 * Who labels what (docs/teams.md, "Assignments"): each article goes to one annotator, a seeded
 * sample of them (the overlap) to `perArticle` annotators so the team's agreement can be
 * measured. Pure: the same articles, annotators, options and seed always give the same plan.
 */
import { seededRandom, shuffle } from '../learn/random';
import { nameRecord } from '../../shared/name-record';

/** One article in one annotator's queue. */
export interface QueueItem {
  article: string;
  /** Position in the annotator's queue: 1 is labelled first. */
  queue: number;
  /** Also assigned to other annotators, for agreement. */
  overlap: boolean;
}

/** Annotator → their articles (any order; `queue` says the order of work). */
export type Assignments = Record<string, QueueItem[]>;

export interface AssignOptions {
  annotators: readonly string[];
  /** Annotators each overlap article goes to (2 or more when there is an overlap). */
  perArticle: number;
  /** Share of the articles (0…1) that go to `perArticle` annotators. */
  overlap: number;
  seed: number;
  /** Keep every existing assignment and deal out only articles nobody has. */
  onlyUnassigned: boolean;
}

export class AssignOptionsError extends Error {
  override readonly name = 'AssignOptionsError';
}

export function checkAssignOptions(o: AssignOptions): void {
  if (o.annotators.length === 0) throw new AssignOptionsError('name at least one annotator (--annotators a,b,c)');
  if (new Set(o.annotators).size !== o.annotators.length) throw new AssignOptionsError('an annotator is named twice in --annotators');
  if (!Number.isInteger(o.perArticle) || o.perArticle < 1) throw new AssignOptionsError('--per-article must be a whole number of 1 or more');
  if (o.perArticle > o.annotators.length) throw new AssignOptionsError(`--per-article ${o.perArticle} needs at least ${o.perArticle} annotators; ${o.annotators.length} named`);
  if (!(o.overlap >= 0 && o.overlap <= 1)) throw new AssignOptionsError('--overlap must be between 0% and 100%');
  if (o.overlap > 0 && o.perArticle < 2) throw new AssignOptionsError('an overlap needs --per-article 2 or more (each overlap article goes to that many annotators)');
}

/** Which articles nobody has yet. */
export function assignedArticles(current: Assignments): Set<string> {
  const taken = new Set<string>();
  for (const items of Object.values(current)) for (const i of items) taken.add(i.article);
  return taken;
}

/**
 * A new assignment of `articles`. Without `onlyUnassigned` it replaces `current` whole (every
 * article dealt again among `annotators`); with it, `current` stays and only articles nobody has
 * are dealt, each to the annotator with the fewest articles so far. Labels are never involved:
 * reassigning moves an article between queues, and whatever anyone decided stays in their file.
 */
export function planAssignment(articles: readonly string[], current: Assignments, o: AssignOptions): Assignments {
  checkAssignOptions(o);
  const random = seededRandom(o.seed);
  const plan: Assignments = nameRecord(); // keyed by annotator names: `toString` is one like any other
  if (o.onlyUnassigned) for (const [name, items] of Object.entries(current)) plan[name] = items.map((i) => ({ ...i }));
  for (const name of o.annotators) plan[name] ??= [];
  const taken = o.onlyUnassigned ? assignedArticles(current) : new Set<string>();
  // Sorted first, so the plan depends on the set of articles and not on the order they were listed in.
  const order = [...new Set(articles)].filter((a) => !taken.has(a)).sort(byCodePoint);
  const dealt = shuffle(order.map((_, i) => i), random).map((i) => order[i]!);
  const overlapCount = o.perArticle > 1 ? Math.round(dealt.length * o.overlap) : 0;
  const inOverlap = new Set(dealt.slice(0, overlapCount));
  // Load-balanced dealing: fewest articles first; ties go by a seeded order of the annotators,
  // rotated as it is used, so no one is always first.
  const load = new Map(o.annotators.map((a) => [a, plan[a]!.length] as const));
  const ties = shuffle(o.annotators.map((_, i) => i), random).map((i) => o.annotators[i]!);
  const nextQueue = new Map(o.annotators.map((a) => [a, lastQueue(plan[a]!) + 1] as const));
  let turn = 0;
  for (const article of dealt) {
    const k = inOverlap.has(article) ? o.perArticle : 1;
    const chosen = leastLoaded(ties, load, k, turn++);
    for (const name of chosen) {
      const queue = nextQueue.get(name)!;
      nextQueue.set(name, queue + 1);
      load.set(name, load.get(name)! + 1);
      plan[name]!.push({ article, queue, overlap: k > 1 });
    }
  }
  return plan;
}

function leastLoaded(names: readonly string[], load: ReadonlyMap<string, number>, k: number, turn: number): string[] {
  const n = names.length;
  const rotated = names.map((_, i) => names[(i + turn) % n]!);
  // A stable sort keeps the rotated order among equal loads.
  return rotated.sort((a, b) => load.get(a)! - load.get(b)!).slice(0, k);
}

function lastQueue(items: readonly QueueItem[]): number {
  return items.reduce((max, i) => Math.max(max, i.queue), 0);
}

/**
 * By hand: `article` goes to exactly `annotators` (at the end of the queue of anyone new to it);
 * everyone else's queue loses it. Nothing else changes.
 */
export function assignArticle(current: Assignments, article: string, annotators: readonly string[]): Assignments {
  const plan: Assignments = nameRecord(); // keyed by annotator names: `toString` is one like any other
  const overlap = annotators.length > 1;
  for (const [name, items] of Object.entries(current)) {
    plan[name] = items.filter((i) => i.article !== article || annotators.includes(name)).map((i) => (i.article === article ? { ...i, overlap } : { ...i }));
  }
  for (const name of annotators) {
    const items = (plan[name] ??= []);
    if (!items.some((i) => i.article === article)) items.push({ article, queue: lastQueue(items) + 1, overlap });
  }
  return plan;
}

/** An annotator's articles in the order they are to be labelled. */
export function queueOrder(items: readonly QueueItem[]): QueueItem[] {
  return [...items].sort((a, b) => a.queue - b.queue || byCodePoint(a.article, b.article));
}

/** Code-point order: the same on every machine and locale (the file lists articles this way). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `20%`, `20`, `0.2` → 0.2; null when it is not a share. */
export function parseShare(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const share = m[2] === '%' || n > 1 ? n / 100 : n;
  return share >= 0 && share <= 1 ? share : null;
}
