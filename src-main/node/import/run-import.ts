/**
 * One import, as the CLI and the app run it: read and check the whole file, rename labels (the
 * map, then a label that differs from the schema's only in case), place its records into the
 * layers, then bring over the label definitions (colour, key, description) of labels the
 * workspace schema lacks, so the round trip keeps the label schema too. A label whose key is
 * taken here is added without a key; one that cannot be added at all is reported, its decisions
 * kept. A dry run reads and places everything and writes nothing (no layer, no schema, no lock).
 */
import type { ImportFormatChoice, ImportResult } from '../../shared/contract/import';
import type { RecoveryReport } from '../storage';
import type { Workspace } from '../workspace/workspace';
import type { WorkspaceSchemaStore } from '../workspace-schema/schema-store';
import { defaultLocksDir, lockLayer } from '../workspace/layer-lock';
import { SaidError } from '../../shared/messages';
import type { WriterLock } from '../storage';
import { importExport, targetLayers } from './import-export';
import { ImportFileError, readExportFile, type ExportFileContent } from './read-export-file';
import { mapLabels } from './label-map';
import { GOLD_ANNOTATOR } from '../../shared/labels';

export interface ImportTarget {
  workspace: Workspace;
  schema: WorkspaceSchemaStore;
  onRecover?: (report: RecoveryReport) => void;
  /** Called with the layers the file will write, before anything is written; may throw to refuse. */
  checkLayers?: (names: string[]) => void;
  /** Where writer locks live (workspace/layer-lock.ts); the per-user default when absent. */
  locksDir?: string;
  /**
   * The person importing vouches that the file's gold answers are adjudicated (`--as-gold`, or
   * the reviewer's tick in the app): without it, records bound for the gold layer are refused.
   */
  asGold?: boolean;
  /** The app imports (its refusal says to tick the box), not the CLI (which says --as-gold). */
  fromApp?: boolean;
}

export interface ImportOptions {
  /** The layer for every record (`--annotator`), and for records that name none. */
  annotator?: string | undefined;
  format?: ImportFormatChoice | undefined;
  /** Label renames, old → new (`--map old=new,…`). */
  map?: readonly (readonly [string, string])[] | undefined;
  /** The CSV was written with --csv-raw. */
  csvRaw?: boolean | undefined;
  /** Read and place, write nothing. */
  dryRun?: boolean | undefined;
}

/** The file would write the gold layer and nobody vouched for it. */
export class GoldImportError extends ImportFileError {}

/** A layer the file would write is open for editing in a running Pilcrow. */
export class LayerLockedError extends SaidError {
  override readonly name = 'LayerLockedError';
}

export async function importIntoWorkspace(target: ImportTarget, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { annotator } = options;
  const content = await readExportFile(file, { ...(options.format ? { format: options.format } : {}), ...(annotator ? { annotator } : {}), ...(options.csvRaw ? { csvRaw: true } : {}) });
  const labels = (await target.schema.reload()).labels;
  const labelsMapped = mapLabels(content.records, options.map ?? [], labels.map((l) => l.name));
  const layers = targetLayers(file, content.records, annotator);
  if (layers.includes(GOLD_ANNOTATOR) && !target.asGold) throw goldRefused(target, file, content, annotator);
  target.checkLayers?.(layers);
  if (options.dryRun) return placeRecords(target, file, content, { ...options, dryRun: true }, labelsMapped);
  // Each layer is written by one process at a time: a teammate's layer open in a Pilcrow on this
  // machine would overwrite what the import brings, so the import waits for it to close.
  const locks: WriterLock[] = [];
  try {
    for (const name of layers) {
      const lock = await lockLayer(target.locksDir ?? defaultLocksDir(), target.workspace.root, name);
      if ('heldBy' in lock) throw new LayerLockedError({ code: 'import-layer-held', annotator: name, ...lock.heldBy });
      locks.push(lock);
    }
    return await placeRecords(target, file, content, options, labelsMapped);
  } finally {
    for (const lock of locks) await lock.release();
  }
}

/**
 * Gold is the reviewer's adjudicated answer and wins resolution and scoring: a teammate's file
 * must not replace it unless the person importing says it is gold.
 */
function goldRefused(target: ImportTarget, file: string, content: ExportFileContent, annotator: string | undefined): GoldImportError {
  const first = annotator ? 0 : content.records.findIndex((r) => r.annotator === GOLD_ANNOTATOR);
  const count = annotator ? content.records.length : content.records.filter((r) => r.annotator === GOLD_ANNOTATOR).length;
  return new GoldImportError({ code: 'import-gold-refused', file, where: content.where(first), count, app: target.fromApp === true });
}

async function placeRecords(target: ImportTarget, file: string, content: ExportFileContent, options: ImportOptions, labelsMapped: ImportResult['labelsMapped']): Promise<ImportResult> {
  const labels = (await target.schema.reload()).labels;
  const dryRun = options.dryRun === true;
  const result = await importExport(
    { workspace: target.workspace, labelNames: labels.map((l) => l.name), dryRun, ...(target.onRecover ? { onRecover: target.onRecover } : {}) },
    file,
    content,
    options.annotator,
  );
  const labelsAdded: string[] = [];
  for (const name of dryRun ? [] : result.unknownLabels) {
    const def = content.labelSchema?.find((l) => l.name === name);
    if (!def) continue;
    for (const label of [def, { ...def, key: '' }]) {
      try {
        await target.schema.edit({ op: 'add', label });
        labelsAdded.push(name);
        break;
      } catch {
        // Try once more without the key (it may be taken here); else leave it reported as unknown.
      }
    }
  }
  return { file, format: content.format, dryRun, ...result, skipped: content.skipped, filled: content.filled, labelsMapped, labelsAdded };
}
