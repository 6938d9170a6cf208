/** Start-up state, settings and opening workspaces. */
import { basename } from 'node:path';
import type { HandlerTable } from '../../../shared/ipc';
import type { AppState } from '../../../shared/views';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';
import { workspaceView } from '../views';

type AppHandlers = Pick<HandlerTable, 'app.init' | 'settings.setAnnotator' | 'workspace.openDialog' | 'workspace.openRecent' | 'workspace.refresh'>;

export function appHandlers(context: HandlerContext): AppHandlers {
  const { session, dialogs, version } = context;
  const appState = async (): Promise<AppState> => ({
    version,
    annotator: session.annotator,
    annotatorConfirmed: session.settings.data.annotator !== null,
    ui: session.settings.ui,
    recent: session.settings.data.recent.map((root) => ({ name: basename(root), root })),
    workspace: session.workspace ? await workspaceView(context) : null,
  });
  return {
    'app.init': async () => {
      await session.openInitial();
      return appState();
    },
    'settings.setAnnotator': async ({ name }) => {
      await session.setAnnotator(name);
      return appState();
    },
    'workspace.openDialog': async () => {
      const folder = await dialogs.pickFolder();
      if (!folder) return null;
      await session.open(folder);
      return workspaceView(context);
    },
    'workspace.openRecent': async ({ index }) => {
      const root = session.settings.data.recent[index];
      if (!root) throw new PilcrowError('unknown-recent', { code: 'unknown-recent', number: index + 1 });
      await session.open(root);
      return workspaceView(context);
    },
    'workspace.refresh': async () => {
      await session.requireWorkspace().workspace.refresh();
      // A read-only window tries for the lock again: the other one may have closed meanwhile.
      if (session.readOnly) await session.takeLock();
      return workspaceView(context);
    },
  };
}
