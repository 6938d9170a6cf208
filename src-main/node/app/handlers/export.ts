/**
 * Writing datasets: the dialog's choices come in, main asks where to save, streams the export
 * with `export.progress` events, and `export.cancel` stops it (the target is left untouched).
 */
import type { HandlerTable } from '../../../shared/ipc';
import { dirname, join } from 'node:path';
import { annotationsDir } from '../../annotations/paths';
import { LayerReader } from '../../annotations/store';
import { chooseLabels, chooseLayers, ExportChoiceError } from '../../export/layers';
import { ExportCancelledError } from '../../export/run-export';
import { exportCommandLine } from '../../export/command-line';
import { ExportTargetError } from '../../export/target';
import { exportToFile, exportToFolder, suggestedExportName } from '../../export/write-export';
import { ExportJournal } from '../../export/killed-export-temps';
import { walkConfined, type RecoveryReport } from '../../storage';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

type ExportChannels = 'export.run' | 'export.cancel' | 'export.layers';

export function exportHandlers({ session, dialogs, version, emit }: HandlerContext): Pick<HandlerTable, ExportChannels> {
  let running: AbortController | null = null;
  return {
    'export.run': async (options) => {
      const { workspace } = session.requireWorkspace();
      if (running) throw new PilcrowError('export-busy', { code: 'export-busy' });
      const warnings: string[] = [];
      const reader = new LayerReader(workspace.root, (r) => warnings.push(describeRecovery(workspace.root, r)));
      // A typo'd choice is reported before the editor picks a file, not after.
      try {
        chooseLabels(session.labels, options);
        await chooseLayers(reader, options);
      } catch (error) {
        throw error instanceof ExportChoiceError ? new PilcrowError('bad-export-choice', { code: 'export-choice', detail: error.message }) : error;
      }
      // A Hugging Face dataset is a folder (data/…parquet and README.md), and so is Parquet split
      // into one file per split; every other export is one file.
      const folder = options.format === 'hf' || (options.format === 'parquet' && options.split !== null);
      const file = folder ? await dialogs.pickFolder('export') : await dialogs.pickSaveFile(suggestedExportName(workspace.name, options.format));
      if (!file) return null;
      const controller = new AbortController();
      running = controller;
      // Noted in user data until it ends, so the temp files of an export killed with the app go at the next start.
      const journal = ExportJournal.in(session.options.userDataDir);
      // A dataset folder's Parquet files are written in its data/ folder.
      const tempFolders = folder ? [file, join(file, 'data')] : [dirname(file)];
      const ends = await Promise.all(tempFolders.map((f) => journal.begin(f).catch(() => async () => {})));
      const done = async () => {
        for (const end of ends) await end();
      };
      try {
        const env = { workspace, reader, labels: session.labels, labelMode: session.schema?.schema.mode ?? 'multi', version, signal: controller.signal, onProgress: (p: Parameters<typeof emit<'export.progress'>>[1]) => emit('export.progress', p) };
        const outcome = folder ? await exportToFolder(env, options, file, exportCommandLine(workspace.root, options, file)) : await exportToFile(env, options, file);
        return { file, format: options.format, records: outcome.counts.records, articles: outcome.counts.articles, skipped: outcome.skipped, warnings };
      } catch (error) {
        if (error instanceof ExportCancelledError) throw new PilcrowError('export-cancelled', { code: 'export-cancelled' });
        if (error instanceof ExportChoiceError) throw new PilcrowError('bad-export-choice', { code: 'export-choice', detail: error.message });
        if (error instanceof ExportTargetError) throw new PilcrowError('bad-export-target', { code: 'export-target', refused: error.detail });
        throw error;
      } finally {
        running = null;
        await done().catch(() => undefined);
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
  };
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
