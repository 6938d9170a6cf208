/** The Team tab and "Assigned to me" (docs/teams.md): assignments and progress, read only. */
import type { HandlerTable } from '../../../shared/ipc';
import { LayerReader } from '../../annotations/store';
import { AssignOptionsError } from '../../../core/team/assign';
import { assignWorkspace, queueOf, workspaceProgress } from '../../team/team';
import { ProgressSummaries } from '../../team/progress-cache';
import { perSession } from '../per-session';
import { AssignmentFileError } from '../../workspace/assignments';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

type TeamHandlers = Pick<HandlerTable, 'team.progress' | 'team.queue' | 'team.assign'>;

/** The session's label-file summaries, kept in user data (team/progress-cache.ts). */
const progressSummariesOf = perSession((session) => new ProgressSummaries(session.options.userDataDir));

/** A damaged or mid-merge assignment file: named, with what to do, and left as it is. */
const refused = (e: unknown) => {
  if (e instanceof AssignOptionsError) throw new PilcrowError('bad-assignment', e.message);
  throw e instanceof AssignmentFileError ? new PilcrowError('assignments-unreadable', e.message) : e;
};

export function teamHandlers({ session }: HandlerContext): TeamHandlers {
  const progress = async () => {
    const { workspace } = session.requireWorkspace();
    const figures = await workspaceProgress(workspace, new LayerReader(workspace.root, session.options.onRecover), session.labels.map((l) => l.name), progressSummariesOf(session)).catch(refused);
    return { ...figures, me: session.annotator };
  };
  return {
    'team.progress': progress,
    'team.assign': async (options) => {
      const { workspace } = session.requireWorkspace();
      const { assigned } = await assignWorkspace(workspace, options).catch(refused);
      return { ...(await progress()), assigned };
    },
    'team.queue': async () => {
      const { workspace } = session.requireWorkspace();
      const paths = await queueOf(workspace.root, session.annotator).catch(refused);
      return { queue: paths.flatMap((p) => workspace.idOfPath(p) ?? []) };
    },
  };
}
