/** The article list's filter (status, label) and sort, kept for the session. */
import type { ArticleSummary } from '../../src-main/shared/views';
import { ownValue } from '../../src-main/shared/name-record';

export type StatusFilter = 'all' | 'untouched' | 'in_progress' | 'done';
/**
 * `uncertain`: the learned model's least sure first (docs/suggestions.md), so `n` goes where labels help it most.
 * `queue`: this annotator's assigned articles in the order of their queue, then the rest by path (docs/teams.md).
 */
export type SortKey = 'path' | 'title' | 'progress' | 'status' | 'uncertain' | 'queue';

const STATUS_ORDER = { untouched: 0, in_progress: 1, done: 2 } as const;

export class ArticleListFilter {
  status = $state<StatusFilter>('all');
  /** '' = any label. */
  label = $state('');
  sort = $state<SortKey>('path');
  /** articleId -> the learned model's uncertainty (learn.order); articles without one sort last. */
  uncertainty = $state.raw<Record<string, number>>({});
  /** "Assigned to me": only articles in this annotator's queue (team.queue). */
  assigned = $state(false);
  /** articleId -> place in this annotator's queue (0 first); empty when nothing is assigned to them. */
  queue = $state.raw<Record<string, number>>({});

  apply(articles: readonly ArticleSummary[]): ArticleSummary[] {
    // Unfiltered, the list does not read any article's progress, so a save (which changes one
    // article's progress) does not filter and sort the whole list again; sorting by progress or
    // status does depend on it.
    const everything = this.status === 'all' && this.label === '';
    const queue = this.queue;
    const mine = this.assigned ? articles.filter((a) => queue[a.id] !== undefined) : articles;
    const shown = everything ? [...mine] : mine.filter((a) => {
      if (a.error || !a.progress) return this.status === 'all' && this.label === '';
      if (this.status !== 'all' && a.progress.status !== this.status) return false;
      return this.label === '' || (ownValue(a.progress.labelCounts, this.label) ?? 0) > 0;
    });
    const ranks = this.sort === 'uncertain' ? this.uncertainty : this.sort === 'queue' ? queue : {};
    return shown.sort((a, b) => compare(a, b, this.sort, ranks) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** `ranks`: the model's uncertainty (sort `uncertain`) or the queue places (sort `queue`). */
function compare(a: ArticleSummary, b: ArticleSummary, key: SortKey, ranks: Readonly<Record<string, number>>): number {
  switch (key) {
    case 'uncertain':
      return (ranks[b.id] ?? -1) - (ranks[a.id] ?? -1);
    case 'queue':
      // Articles not in the queue come after it (Infinity − Infinity is NaN: equal).
      return (ranks[a.id] ?? Infinity) - (ranks[b.id] ?? Infinity) || 0;
    case 'path':
      return 0;
    case 'title':
      return a.title.localeCompare(b.title);
    case 'progress':
      return fraction(a) - fraction(b);
    case 'status':
      return rank(a) - rank(b);
  }
}

function fraction(a: ArticleSummary): number {
  return a.progress && a.paragraphCount > 0 ? a.progress.decided / a.paragraphCount : -1;
}

function rank(a: ArticleSummary): number {
  return a.progress ? STATUS_ORDER[a.progress.status] : -1;
}
