/**
 * One import, as the CLI and the app run it: read and check the whole file, place its records
 * into the layers, then bring over the label definitions (colour, key, description) of labels the
 * workspace schema lacks, so the round trip keeps the label schema too. A label whose key is
 * taken here is added without a key; one that cannot be added at all is reported, its decisions
 * kept.
 */
import type { ImportResult } from '../../shared/contract/import';
import type { RecoveryReport } from '../storage';
import type { Workspace } from '../workspace/workspace';
import type { WorkspaceSchemaStore } from '../workspace-schema/schema-store';
import { importExport } from './import-export';
import { readExportFile } from './read-export-file';

export interface ImportTarget {
  workspace: Workspace;
  schema: WorkspaceSchemaStore;
  onRecover?: (report: RecoveryReport) => void;
  /** Called with the layers the file will write, before anything is written; may throw to refuse. */
  checkLayers?: (names: string[]) => void;
}

export async function importIntoWorkspace(target: ImportTarget, file: string, annotator?: string): Promise<ImportResult> {
  const content = await readExportFile(file);
  target.checkLayers?.(annotator ? [annotator] : [...new Set(content.records.map((r) => r.annotator))]);
  const labels = (await target.schema.reload()).labels;
  const result = await importExport(
    { workspace: target.workspace, labelNames: labels.map((l) => l.name), ...(target.onRecover ? { onRecover: target.onRecover } : {}) },
    file,
    content,
    annotator,
  );
  const labelsAdded: string[] = [];
  for (const name of result.unknownLabels) {
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
  return { file, format: content.format, ...result, labelsAdded };
}
