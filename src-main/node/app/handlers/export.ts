/**
 * Writing datasets: the dialog's choices come in, main asks where to save, streams the export
 * with `export.progress` events, and `export.cancel` stops it (the target is left untouched).
 * A split that would leave a split empty is refused before the save dialog, until the editor
 * allows it; a finished export is named by an id, which `export.reveal` shows in the file manager.
 */
import type { HandlerTable } from '../../../shared/ipc';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportOptions } from '../../../shared/contract/export';
import type { ExportResult } from '../../../shared/views';
import { annotationsDir } from '../../annotations/paths';
import { LayerReader } from '../../annotations/store';
import { chooseLabels, chooseLayers, ExportChoiceError } from '../../export/layers';
import { checkSplits, EmptySplitError, ExportCancelledError, type ExportOutcome } from '../../export/run-export';
import type { ExportEnv } from '../../export/types';
import { exportCommandLine } from '../../export/command-line';
import { ExportTargetError } from '../../export/target';
import { exportToFile, exportToFolder, suggestedExportName } from '../../export/write-export';
import { ExportJournal } from '../../export/killed-export-temps';
import { walkConfined, type RecoveryReport } from '../../storage';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

type ExportChannels = 'export.run' | 'export.cancel' | 'export.layers' | 'export.reveal';

/** Finished exports this window can show in the file manager, newest last (a few are plenty). */
const REMEMBERED_EXPORTS = 20;

export function exportHandlers({ session, dialogs, version, emit }: HandlerContext): Pick<HandlerTable, ExportChannels> {
  let running: AbortController | null = null;
  let made = 0;
  const finished = new Map<string, { path: string; folder: boolean }>();
  const remember = (target: { path: string; folder: boolean }): string => {
    const id = `e${++made}`;
    finished.set(id, target);
    for (const old of finished.keys()) if (finished.size > REMEMBERED_EXPORTS) finished.delete(old);
    return id;
  };
  return {
    'export.run': async (options) => {
      const { workspace } = session.requireWorkspace();
      if (running) throw new PilcrowError('export-busy', { code: 'export-busy' });
      const controller = new AbortController();
      running = controller;
      const warnings: string[] = [];
      const reader = new LayerReader(workspace.root, (r) => warnings.push(describeRecovery(workspace.root, r)));
      const env: ExportEnv = { workspace, reader, labels: session.labels, labelMode: session.schema?.schema.mode ?? 'multi', version, signal: controller.signal, onProgress: (p) => emit('export.progress', p) };
      try {
        // A typo'd choice, or a split that leaves a split empty, is reported before the editor picks a file, not after.
        chooseLabels(session.labels, options);
        await chooseLayers(reader, options);
        await checkSplits(env, options);
        // A Hugging Face dataset is a folder (data/…parquet and README.md), and so is Parquet split
        // into one file per split; every other export is one file.
        const folder = options.format === 'hf' || (options.format === 'parquet' && options.split !== null);
        const file = folder ? await dialogs.pickFolder('export') : await dialogs.pickSaveFile(suggestedExportName(workspace.name, options.format));
        if (!file) return null;
        // Noted in user data until it ends, so the temp files of an export killed with the app go at the next start.
        const journal = ExportJournal.in(session.options.userDataDir);
        // A dataset folder's Parquet files are written in its data/ folder.
        const tempFolders = folder ? [file, join(file, 'data')] : [dirname(file)];
        const ends = await Promise.all(tempFolders.map((f) => journal.begin(f).catch(() => async () => {})));
        try {
          const outcome = folder ? await exportToFolder(env, options, file, exportCommandLine(workspace.root, options, file)) : await exportToFile(env, options, file);
          return resultOf(remember({ path: file, folder }), file, options, outcome, warnings);
        } finally {
          for (const end of ends) await end().catch(() => undefined);
        }
      } catch (error) {
        throw forTheEditor(error);
      } finally {
        running = null;
      }
    },
    'export.cancel': async () => {
      const was = running;
      was?.abort();
      return { cancelled: !!was };
    },
    'export.layers': async () => {
      const { workspace } = session.requireWorkspace();
      const reader = new LayerReader(workspace.root);
      return Promise.all((await reader.annotators()).map(async (name) => ({ name, articles: await countLabelFiles(workspace.root, join(annotationsDir(workspace.root), name)) })));
    },
    'export.reveal': async ({ id }) => {
      const target = finished.get(id);
      if (!target) throw new PilcrowError('unknown-export', { code: 'export-unknown' });
      if (!dialogs.showInFolder) throw new PilcrowError('reveal-unavailable', { code: 'export-reveal-unavailable' });
      if (!(await stat(target.path).catch(() => null))) throw new PilcrowError('export-gone', { code: 'export-gone', file: target.path });
      await dialogs.showInFolder(target);
      return { shown: true };
    },
  };
}

function resultOf(id: string, file: string, options: ExportOptions, outcome: ExportOutcome, warnings: string[]): ExportResult {
  const { counts } = outcome;
  return {
    id,
    file,
    format: options.format,
    records: counts.records,
    articles: counts.articles,
    skipped: outcome.skipped,
    warnings,
    unresolved: options.resolve.length ? { ties: counts.ties, undecided: counts.undecided, included: options.includeUntouched } : null,
    perSplit: counts.per_split ?? null,
  };
}

/** Errors of the export's own making, as the dialog says them; anything else as it is. */
function forTheEditor(error: unknown): unknown {
  if (error instanceof ExportCancelledError) return new PilcrowError('export-cancelled', { code: 'export-cancelled' });
  if (error instanceof EmptySplitError) return new PilcrowError('export-empty-split', { code: 'export-empty-split', ...error.split, app: true });
  if (error instanceof ExportChoiceError) return new PilcrowError('bad-export-choice', { code: 'export-choice', detail: error.message });
  if (error instanceof ExportTargetError) return new PilcrowError('bad-export-target', { code: 'export-target', refused: error.detail });
  return error;
}

/** "label file of sara for fa/x.txt was damaged (…); the bytes are in …" */
export function describeRecovery(root: string, r: RecoveryReport): string {
  const rel = r.file.startsWith(root) ? r.file.slice(root.length + 1) : r.file;
  if (r.quarantinedTo === null) return `${rel} was not read (${r.problem}); its labels are missing from this export`;
  const restored = r.restoredFrom === 'bak' ? 'its backup was used' : 'it had no backup, so its labels are missing from this export';
  return `${rel} was damaged (${r.problem}); ${restored}; the original bytes are in ${r.quarantinedTo}`;
}

/** Label files in a layer folder (one per article), without reading them: the dialog opens at once. */
async function countLabelFiles(root: string, folder: string): Promise<number> {
  const entries = await walkConfined(root, folder, (name) => name.startsWith('.')).catch(() => []);
  return entries.filter((e) => e.kind === 'file' && e.name.endsWith('.json')).length;
}
