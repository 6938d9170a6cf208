/** Writing datasets. */
import type { HandlerTable } from '../../../shared/ipc';
import { LayerReader } from '../../annotations/store';
import { buildExportDocument, writeExportFile } from '../../export/export-json';
import type { HandlerContext } from '../context';

export function exportHandlers({ session, dialogs, version }: HandlerContext): Pick<HandlerTable, 'export.run'> {
  return {
    'export.run': async () => {
      const { workspace } = session.requireWorkspace();
      const file = await dialogs.pickSaveFile(`${workspace.name}-labels.json`);
      if (!file) return null;
      const doc = await buildExportDocument(workspace, new LayerReader(workspace.root), { version, labels: session.labels });
      await writeExportFile(file, doc);
      return { file, records: doc.records.length, articles: doc.articles.length, skipped: doc.skipped };
    },
  };
}
