import { describe, expect, it } from 'vitest';
import { ListCompletion } from '../../../src-renderer/state/list-completion';
import type { ArticleSummary, WorkspaceCountsEvent, WorkspaceView } from '../../../src-main/shared/views';

function pending(id: string): ArticleSummary {
  return { id, path: `${id}.txt`, title: `${id}.txt`, format: 'txt', paragraphCount: 0, labelledCount: 0, pending: true };
}

function read(id: string, decided: number): ArticleSummary {
  return { id, path: `${id}.txt`, title: `Title ${id}`, format: 'txt', paragraphCount: 10, labelledCount: decided, progress: { status: decided ? 'in_progress' : 'untouched', decided, labelled: decided, flagged: 0, labelCounts: decided ? { quote: decided } : {} } };
}

function list(listId: number, articles: ArticleSummary[], root = '/ws'): WorkspaceView {
  return { name: 'ws', root, labels: [], labelMode: 'multi', retiredLabels: [], hasGuidelines: false, listId, articles };
}

function counts(listId: number, articles: ArticleSummary[], done = false, root = '/ws'): WorkspaceCountsEvent {
  return { root, listId, articles, done };
}

describe('the article list completed by workspace.counts', () => {
  it('fills pending articles with their titles and counts and leaves the others alone', () => {
    const view = list(1, [read('a', 2), pending('b'), pending('c')]);
    const completion = new ListCompletion();
    completion.receive(view, counts(1, [read('b', 1)]));
    expect(view.articles.map((a) => [a.title, a.pending ?? false])).toEqual([['Title a', false], ['Title b', false], ['c.txt', true]]);
    completion.receive(view, counts(1, [read('a', 9), read('c', 0)], true));
    expect(view.articles.map((a) => a.progress?.decided)).toEqual([2, 1, 0]);
  });

  it('keeps counts that arrive before their list and applies them when it is shown', () => {
    const completion = new ListCompletion();
    completion.receive(null, counts(1, [read('b', 3)], true));
    const view = list(1, [read('a', 0), pending('b')]);
    completion.shown(view);
    expect(view.articles[1]).toMatchObject({ title: 'Title b', labelledCount: 3 });
  });

  it("drops an older list's counts and another workspace's, and lets a newer list's complete this one", () => {
    const completion = new ListCompletion();
    const view = list(2, [pending('a'), pending('b')]);
    completion.receive(view, counts(1, [read('a', 5)], true));
    completion.receive(view, counts(2, [read('a', 1)], false, '/other'));
    expect(view.articles.every((a) => a.pending)).toBe(true);
    completion.receive(view, counts(3, [read('b', 4)], true));
    expect(view.articles[1]).toMatchObject({ labelledCount: 4 });
    // List 3 itself, shown later, still gets them.
    const newer = list(3, [pending('a'), pending('b')]);
    completion.shown(newer);
    expect(newer.articles[1]).toMatchObject({ labelledCount: 4 });
    expect(newer.articles[0]?.pending).toBe(true);
  });

  it('keeps no late event of a workspace the editor has left (it was replayed on every list before)', () => {
    const completion = new ListCompletion();
    const waiting = () => (completion as unknown as { ahead: unknown[] }).ahead.length;
    const other = list(5, [pending('x')], '/other');
    completion.receive(other, counts(4, [read('a', 1)], false, '/ws')); // the old workspace's list 4, late
    expect(waiting()).toBe(0);
    completion.receive(other, counts(6, [read('y', 1)], false, '/third')); // a newer list, not shown yet: kept
    expect(waiting()).toBe(1);
  });
});
