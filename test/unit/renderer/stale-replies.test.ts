import { describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../../src-main/shared/views';
import { isOlderView, LatestRequest } from '../../../src-renderer/state/stale-replies';

function view(listId: number, readOnly = false): WorkspaceView {
  return { name: 'ws', root: '/ws', labels: [], labelMode: 'multi', retiredLabels: [], hasGuidelines: false, listId, articles: [], ...(readOnly ? { readOnly: { annotator: 'sara', pid: 7, host: 'h', since: '', message: { code: 'read-only-held', annotator: 'sara', pid: 7, host: 'h', since: '' } } } : {}) };
}

describe('replies that arrive after something newer was shown', () => {
  it('only the newest request of a kind is current: an older reply landing last is stale', () => {
    const opens = new LatestRequest();
    const first = opens.begin(); // the app opens the first article at start
    const clicked = opens.begin(); // the editor clicks another before that reply came
    expect([first(), clicked()]).toEqual([false, true]);
    const again = opens.begin();
    expect([clicked(), again()]).toEqual([false, true]);
  });

  it('a workspace view made before the one shown is older, whatever order they arrive in', () => {
    // A file-change event computed while read-only (list 4), arriving after Try again's writable reply (list 5).
    expect(isOlderView(view(5), view(4, true))).toBe(true);
    expect(isOlderView(view(5, true), view(6))).toBe(false);
    expect(isOlderView(view(5), view(5))).toBe(false);
    expect(isOlderView(null, view(1))).toBe(false);
    expect(isOlderView(view(3), null)).toBe(false);
  });
});
