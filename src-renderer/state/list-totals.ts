/**
 * The workspace list's totals (paragraphs decided of all, articles per status). Counted once when
 * a list or its counts arrive, then moved by each save's change: after every keystroke the save
 * brings the article's new progress, and recounting a 10,000-article list through its proxy for
 * it cost a long task per key.
 */
import type { ArticleProgress, ArticleSummary } from '../../src-main/shared/views';

export interface ListTotals {
  paragraphs: number;
  decided: number;
  byStatus: Record<ArticleProgress['status'], number>;
}

/** What one article adds to the totals. */
export type TotalsShare = Pick<ArticleSummary, 'paragraphCount' | 'progress'>;

export const NO_TOTALS: ListTotals = { paragraphs: 0, decided: 0, byStatus: { untouched: 0, in_progress: 0, done: 0 } };

export function totalsOf(articles: readonly TotalsShare[]): ListTotals {
  let paragraphs = 0;
  let decided = 0;
  const byStatus = { ...NO_TOTALS.byStatus };
  for (const a of articles) {
    paragraphs += a.paragraphCount;
    const progress = a.progress;
    if (!progress) continue;
    decided += progress.decided;
    byStatus[progress.status] += 1;
  }
  return { paragraphs, decided, byStatus };
}

/** The totals after one article's share changed from `before` to `after`. */
export function retallied(totals: ListTotals, before: TotalsShare, after: TotalsShare): ListTotals {
  const byStatus = { ...totals.byStatus };
  if (before.progress) byStatus[before.progress.status] -= 1;
  if (after.progress) byStatus[after.progress.status] += 1;
  return {
    paragraphs: totals.paragraphs - before.paragraphCount + after.paragraphCount,
    decided: totals.decided - (before.progress?.decided ?? 0) + (after.progress?.decided ?? 0),
    byStatus,
  };
}
