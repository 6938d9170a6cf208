/** A handler table on a real temp workspace, with the events it pushes captured (for these tests). */
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable } from '../../../../src-main/node/app/handlers';
import { Session } from '../../../../src-main/node/app/session';
import { articleIdFor } from '../../../../src-main/node/workspace/article-id';
import type { EventMap, EventName } from '../../../../src-main/shared/ipc';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { SAMPLE_WORKSPACE, tempDir } from '../temp';

export interface TestApp {
  call<T>(channel: string, request?: unknown): Promise<T>;
  fail(channel: string, request?: unknown): Promise<{ code: string; message: string }>;
  open(path: string): Promise<ArticleView>;
  /** Resolves with the first event of that name matching `where` (fails after 10 s). */
  next<E extends EventName>(event: E, where?: (payload: EventMap[E]) => boolean): Promise<EventMap[E]>;
  state: AppState;
  session: Session;
  close(): void;
}

export async function startApp(workspace: string, annotator = 'sara'): Promise<TestApp> {
  const session = await Session.create({ userDataDir: await tempDir('user'), sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: workspace });
  await session.setAnnotator(annotator);
  const waiters: { event: string; where: (p: never) => boolean; resolve: (p: unknown) => void }[] = [];
  const table = createHandlerTable(session, { pickFolder: async () => null, pickSaveFile: async () => null }, 'test', (event, payload) => {
    for (const w of [...waiters]) {
      if (w.event === event && w.where(payload as never)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(payload);
      }
    }
  });
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const envelope = await dispatch(table, channel, request);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as T;
  };
  const state = await call<AppState>('app.init');
  return {
    call,
    state,
    session,
    async fail(channel, request = {}) {
      const envelope = await dispatch(table, channel, request);
      if (envelope.ok) throw new Error(`${channel} should have failed`);
      return envelope.error;
    },
    open: (path) => call<ArticleView>('article.open', { articleId: articleIdFor(path) }),
    next(event, where = () => true) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} event within 10 s`)), 10_000);
        waiters.push({ event, where: where as (p: never) => boolean, resolve: (p) => (clearTimeout(timer), resolve(p as never)) });
      });
    },
    close: () => session.close(),
  };
}
