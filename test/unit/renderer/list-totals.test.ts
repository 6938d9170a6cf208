import { describe, expect, it } from 'vitest';
import { NO_TOTALS, retallied, totalsOf, type TotalsShare } from '../../../src-renderer/state/list-totals';
import type { ArticleProgress } from '../../../src-main/shared/views';

const progress = (status: ArticleProgress['status'], decided: number): ArticleProgress => ({ status, decided, labelled: decided, flagged: 0, labelCounts: {} });
const share = (paragraphCount: number, p?: ArticleProgress): TotalsShare => ({ paragraphCount, ...(p ? { progress: p } : {}) });

describe('the article list totals', () => {
  it('counts paragraphs, decided paragraphs and articles per status; unread and unreadable articles add only their paragraphs', () => {
    const totals = totalsOf([share(10, progress('untouched', 0)), share(5, progress('in_progress', 2)), share(3, progress('done', 3)), share(0)]);
    expect(totals).toEqual({ paragraphs: 18, decided: 5, byStatus: { untouched: 1, in_progress: 1, done: 1 } });
    expect(totalsOf([])).toEqual(NO_TOTALS);
  });

  it('a save moves the totals by its article\'s change, the same as counting the list again', () => {
    const before = [share(10, progress('untouched', 0)), share(5, progress('in_progress', 2)), share(7)];
    const after = [share(10, progress('in_progress', 1)), before[1]!, share(7, progress('in_progress', 1))];
    let totals = totalsOf(before);
    totals = retallied(totals, before[0]!, after[0]!);
    // An article labelled before its counts arrived (no progress yet) joins the totals.
    totals = retallied(totals, before[2]!, after[2]!);
    expect(totals).toEqual(totalsOf(after));
    expect(totals).toEqual({ paragraphs: 22, decided: 4, byStatus: { untouched: 0, in_progress: 3, done: 0 } });
    // The old totals are left as they were (the store replaces them).
    expect(totalsOf(before).byStatus.untouched).toBe(1);
  });
});
