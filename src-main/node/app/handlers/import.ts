/**
 * Importing a teammate's export as their layer (docs/export.md "Import"). The app refuses to
 * import into its own annotator's layer: that layer's files are open and written by this app,
 * so an import behind its back would be overwritten; the CLI can do it while the app is closed.
 */
import type { HandlerTable } from '../../../shared/ipc';
import { ImportFileError } from '../../import/read-export-file';
import { GoldImportError, importIntoWorkspace, LayerLockedError } from '../../import/run-import';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

export function importHandlers({ session, dialogs }: HandlerContext): Pick<HandlerTable, 'import.run'> {
  return {
    'import.run': async ({ annotator, asGold }) => {
      const { workspace } = session.requireWorkspace();
      if (annotator === session.annotator) throw ownLayer(annotator);
      if (!dialogs.pickOpenFile || !session.schema) throw new PilcrowError('unsupported', { code: 'import-unavailable' });
      const file = await dialogs.pickOpenFile('Import a teammate’s export', ['json', 'jsonl']);
      if (!file) return null;
      try {
        const checkLayers = (names: string[]) => {
          if (names.includes(session.annotator)) throw ownLayer(session.annotator);
        };
        const gold = { asGold: asGold === true, fromApp: true };
        return await importIntoWorkspace({ workspace, schema: session.schema, checkLayers, ...gold, ...(session.options.locksDir ? { locksDir: session.options.locksDir } : {}) }, file, annotator);
      } catch (error) {
        if (error instanceof GoldImportError) throw new PilcrowError('gold-needs-confirmation', error.detail);
        if (error instanceof ImportFileError) throw new PilcrowError('bad-import-file', error.detail);
        if (error instanceof LayerLockedError) throw new PilcrowError('layer-locked', error.detail);
        throw error;
      }
    },
  };
}

function ownLayer(name: string): PilcrowError {
  return new PilcrowError('import-own-layer', { code: 'import-own-layer', name });
}
