/** The learned suggester (docs/suggestions.md): its state, training now, measuring, the uncertain-first order. */
import type { HandlerTable } from '../../../shared/ipc';
import { LearnService } from '../../learn/service';
import { SuggestSettingsStore } from '../../suggest/settings-store';
import type { HandlerContext } from '../context';
import { perSession } from '../per-session';

type LearnHandlers = Pick<HandlerTable, 'learn.status' | 'learn.train' | 'learn.evaluate' | 'learn.order'>;

/** One learner per session, made when the handler table is (before any workspace opens). */
export const learnServiceOf = perSession((session, emit: HandlerContext['emit']) => new LearnService(session, emit, session.options.learnWorker, session.options.learnTimings));

export function learnHandlers({ session, emit }: HandlerContext): LearnHandlers {
  const learner = learnServiceOf(session, emit);
  return {
    'learn.status': async () => learner.status(),
    'learn.train': async ({ force }) => {
      session.requireWorkspace();
      // Not awaited: a request holds back the session's background reading while it runs.
      void learner.train(force ?? false);
      return learner.status();
    },
    'learn.evaluate': async ({ against }) => {
      const { workspace } = session.requireWorkspace();
      learner.evaluate(against, await new SuggestSettingsStore(workspace.root, session.options.onRecover).read());
      return learner.status();
    },
    'learn.order': async () => ({ uncertainty: learner.uncertainty(session.requireWorkspace().workspace) }),
  };
}
