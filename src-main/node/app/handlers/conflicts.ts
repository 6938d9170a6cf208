/** Sync-tool conflict copies of layer files: listed, and merged by the layer's owner. */
import type { HandlerTable } from '../../../shared/ipc';
import { findConflictCopies } from '../../annotations/conflict-copies';
import { mergeConflictCopy } from '../../annotations/merge-conflict-copy';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

export function conflictHandlers({ session }: HandlerContext): Pick<HandlerTable, 'conflicts.list' | 'conflicts.merge'> {
  return {
    'conflicts.list': async () => {
      const { workspace } = session.requireWorkspace();
      return (await findConflictCopies(workspace.root)).map((c) => ({ ...c, mine: c.annotator === session.annotator }));
    },
    'conflicts.merge': async ({ conflictId }) => {
      const { workspace, store } = session.requireWorkspace();
      const copy = (await findConflictCopies(workspace.root)).find((c) => c.id === conflictId);
      if (!copy) throw new PilcrowError('unknown-conflict', { code: 'unknown-conflict' });
      if (copy.annotator !== session.annotator) throw new PilcrowError('not-your-layer', { code: 'not-your-layer', file: copy.file, owner: copy.annotator });
      return mergeConflictCopy(store, copy).catch((e: Error) => {
        throw PilcrowError.wrapping('bad-conflict-copy', e);
      });
    },
  };
}
