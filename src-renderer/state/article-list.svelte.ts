/** The article list's filter (status, label) and sort, kept for the session. */
import type { ArticleSummary } from '../../src-main/shared/views';
import { ownValue } from '../../src-main/shared/name-record';

export type StatusFilter = 'all' | 'untouched' | 'in_progress' | 'done';
/** `uncertain`: the learned model's least sure first (docs/suggestions.md), so `n` goes where labels help it most. */
export type SortKey = 'path' | 'title' | 'progress' | 'status' | 'uncertain';

const STATUS_ORDER = { untouched: 0, in_progress: 1, done: 2 } as const;

export class ArticleListFilter {
  status = $state<StatusFilter>('all');
  /** '' = any label. */
  label = $state('');
  sort = $state<SortKey>('path');
  /** articleId -> the learned model's uncertainty (learn.order); articles without one sort last. */
  uncertainty = $state.raw<Record<string, number>>({});

  apply(articles: readonly ArticleSummary[]): ArticleSummary[] {
    // Unfiltered, the list does not read any article's progress, so a save (which changes one
    // article's progress) does not filter and sort the whole list again; sorting by progress or
    // status does depend on it.
    const everything = this.status === 'all' && this.label === '';
    const shown = everything ? [...articles] : articles.filter((a) => {
      if (a.error || !a.progress) return this.status === 'all' && this.label === '';
      if (this.status !== 'all' && a.progress.status !== this.status) return false;
      return this.label === '' || (ownValue(a.progress.labelCounts, this.label) ?? 0) > 0;
    });
    const uncertainty = this.sort === 'uncertain' ? this.uncertainty : {};
    return shown.sort((a, b) => compare(a, b, this.sort, uncertainty) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

function compare(a: ArticleSummary, b: ArticleSummary, key: SortKey, uncertainty: Readonly<Record<string, number>>): number {
  switch (key) {
    case 'uncertain':
      return (uncertainty[b.id] ?? -1) - (uncertainty[a.id] ?? -1);
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
