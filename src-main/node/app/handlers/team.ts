/** The Team tab and "Assigned to me" (docs/teams.md): assignments and progress, read only. */
import type { HandlerTable } from '../../../shared/ipc';
import { LayerReader } from '../../annotations/store';
import { queueOf, workspaceProgress } from '../../team/team';
import { AssignmentFileError } from '../../workspace/assignments';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

type TeamHandlers = Pick<HandlerTable, 'team.progress' | 'team.queue'>;

/** A damaged or mid-merge assignment file: named, with what to do, and left as it is. */
const refused = (e: unknown) => {
  throw e instanceof AssignmentFileError ? new PilcrowError('assignments-unreadable', e.message) : e;
};

export function teamHandlers({ session }: HandlerContext): TeamHandlers {
  return {
    'team.progress': async () => {
      const { workspace } = session.requireWorkspace();
      const progress = await workspaceProgress(workspace, new LayerReader(workspace.root, session.options.onRecover), session.labels.map((l) => l.name)).catch(refused);
      return { ...progress, me: session.annotator };
    },
    'team.queue': async () => {
      const { workspace } = session.requireWorkspace();
      const paths = await queueOf(workspace.root, session.annotator).catch(refused);
      return { queue: paths.flatMap((p) => workspace.idOfPath(p) ?? []) };
    },
  };
}
