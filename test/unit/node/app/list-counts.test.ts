import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable } from '../../../../src-main/node/app/handlers';
import { Session } from '../../../../src-main/node/app/session';
import type { AppState, ArticleView, WorkspaceView } from '../../../../src-main/shared/views';
import { CountsCollector } from '../../../support/list-counts';
import { SAMPLE_WORKSPACE, sampleCopy } from '../temp';
import { english } from '../../../support/english';

async function start(workspace: string, userData: string) {
  const session = await Session.create({ userDataDir: userData, sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: workspace });
  await session.setAnnotator('sara');
  const counts = new CountsCollector();
  const table = createHandlerTable(session, { pickFolder: async () => null, pickSaveFile: async () => null }, 'test', counts.emit);
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const envelope = await dispatch(table, channel, request);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as T;
  };
  return { session, counts, call };
}

describe('the article list before its counts (issue 8)', () => {
  it('sends the list with only the first article read, then every title, count and progress as workspace.counts events', async () => {
    const { workspace, userData } = await sampleCopy();
    const first = await start(workspace, userData);
    const before = (await first.call<AppState>('app.init')).workspace!;
    const water = before.articles.find((a) => a.path === 'fa/water-tehran.txt')!;
    const opened = await first.call<ArticleView>('article.open', { articleId: water.id });
    await first.call('labels.set', { articleId: water.id, paragraphId: opened.paragraphs[1]!.id, labels: ['quote'] });
    first.session.close();

    const { session, counts, call } = await start(workspace, userData);
    const list = (await call<AppState>('app.init')).workspace!;
    // The renderer opens the first article at once, so that one is read; the rest are not yet.
    expect(list.articles[0]).toMatchObject({ path: 'en/harbour-wind.txt', paragraphCount: expect.any(Number) });
    expect(list.articles[0]!.pending).toBeUndefined();
    expect(list.articles[0]!.progress?.status).toBe('untouched');
    const listed = list.articles.find((a) => a.id === water.id)!;
    expect(listed).toMatchObject({ title: 'water-tehran.txt', paragraphCount: 0, labelledCount: 0, pending: true });
    expect(listed.progress).toBeUndefined();

    const complete = await counts.complete(list);
    expect(complete.articles.filter((a) => a.pending)).toEqual([]);
    expect(complete.articles.find((a) => a.id === water.id)).toMatchObject({
      title: 'کاهش ۳۰ درصدی ذخایر سدهای تهران؛ شهروندان به صرفه‌جویی دعوت شدند',
      paragraphCount: opened.paragraphs.length,
      labelledCount: 1,
      progress: { status: 'in_progress', decided: 1, labelled: 1, labelCounts: { quote: 1 } },
    });
    // Every event names the list it completes; the last one says so.
    expect(counts.events.every((e) => e.listId === list.listId && e.root === list.root)).toBe(true);
    expect(counts.events.at(-1)?.done).toBe(true);
    expect(counts.events.flatMap((e) => e.articles.map((a) => a.path)).sort()).toEqual(list.articles.slice(1).map((a) => a.path).sort());
    session.close();
  });

  it('lists an unreadable file as pending and sends its error with the counts', async () => {
    const { workspace, userData } = await sampleCopy();
    await writeFile(join(workspace, 'zz-empty.txt'), '');
    const { session, counts, call } = await start(workspace, userData);
    const list = (await call<AppState>('app.init')).workspace!;
    expect(list.articles.find((a) => a.path === 'zz-empty.txt')).toMatchObject({ pending: true });
    const complete = await counts.complete(list);
    const broken = complete.articles.find((a) => a.path === 'zz-empty.txt')!;
    expect(english(broken.error)).toMatch(/zz-empty\.txt.*empty/i);
    expect(broken.pending).toBeUndefined();
    session.close();
  });

  it('numbers every list, keeps titles already read, and completes the newest list', async () => {
    const { workspace, userData } = await sampleCopy();
    const { session, counts, call } = await start(workspace, userData);
    const first = (await call<AppState>('app.init')).workspace!;
    await counts.complete(first);
    const again = await call<WorkspaceView>('workspace.openRecent', { index: 0 });
    expect(again.listId).toBeGreaterThan(first.listId);
    const complete = await counts.complete(again);
    expect(complete.articles.map((a) => a.title)).toEqual((await counts.complete(first)).articles.map((a) => a.title));
    expect(complete.articles.every((a) => !a.pending && a.progress)).toBe(true);
    session.close();
  });
});
