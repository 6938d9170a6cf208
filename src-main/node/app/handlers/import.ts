/**
 * Importing labels as annotator layers (docs/export.md "Import"). The dialog previews first: main
 * asks for the file, reads and places it without writing (a dry run), and remembers the file;
 * `import.run` with `previewed` then imports that file. The app refuses to import into its own
 * annotator's layer: that layer's files are open and written by this app, so an import behind
 * its back would be overwritten; the CLI can do it while the app is closed.
 */
import type { HandlerTable } from '../../../shared/ipc';
import { ImportFileError } from '../../import/read-export-file';
import { GoldImportError, importIntoWorkspace, LayerLockedError, type ImportOptions } from '../../import/run-import';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

const EXTENSIONS = ['json', 'jsonl', 'ndjson', 'csv'];

export function importHandlers({ session, dialogs }: HandlerContext): Pick<HandlerTable, 'import.run' | 'import.preview'> {
  /** The file the last preview read, for the workspace it was read against. */
  let previewed: { root: string; file: string } | null = null;
  const run = async (file: string, choices: { annotator?: string | undefined; asGold?: boolean | undefined; format?: ImportOptions['format']; map?: [string, string][] | undefined }, dryRun: boolean) => {
    const { workspace } = session.requireWorkspace();
    try {
      const checkLayers = (names: string[]) => {
        if (names.includes(session.annotator)) throw ownLayer(session.annotator);
      };
      const gold = { asGold: choices.asGold === true, fromApp: true };
      const options: ImportOptions = { annotator: choices.annotator, format: choices.format, map: choices.map, dryRun };
      return await importIntoWorkspace({ workspace, schema: session.schema!, checkLayers, ...gold, ...(session.options.locksDir ? { locksDir: session.options.locksDir } : {}) }, file, options);
    } catch (error) {
      if (error instanceof GoldImportError) throw new PilcrowError('gold-needs-confirmation', error.detail ?? error.message);
      if (error instanceof ImportFileError) throw new PilcrowError('bad-import-file', error.detail ?? error.message);
      if (error instanceof LayerLockedError) throw new PilcrowError('layer-locked', error.detail);
      throw error;
    }
  };
  const pick = async (annotator: string | undefined): Promise<string | null> => {
    const { workspace } = session.requireWorkspace();
    if (annotator === session.annotator) throw ownLayer(annotator);
    if (!dialogs.pickOpenFile || !session.schema) throw new PilcrowError('unsupported', { code: 'import-unavailable' });
    const file = await dialogs.pickOpenFile('Import labels', EXTENSIONS);
    previewed = file ? { root: workspace.root, file } : previewed;
    return file;
  };
  const lastPreviewed = (annotator: string | undefined): string => {
    const { workspace } = session.requireWorkspace();
    if (annotator === session.annotator) throw ownLayer(annotator);
    if (!previewed || previewed.root !== workspace.root) throw new PilcrowError('no-import-preview', 'Choose the file again: the preview is of another workspace, or there is none.');
    return previewed.file;
  };
  return {
    'import.preview': async ({ again, ...choices }) => {
      const file = again ? lastPreviewed(choices.annotator) : await pick(choices.annotator);
      return file ? run(file, choices, true) : null;
    },
    'import.run': async ({ previewed: usePreview, ...choices }) => {
      const file = usePreview ? lastPreviewed(choices.annotator) : await pick(choices.annotator);
      return file ? run(file, choices, false) : null;
    },
  };
}

function ownLayer(name: string): PilcrowError {
  return new PilcrowError('import-own-layer', { code: 'import-own-layer', name });
}
