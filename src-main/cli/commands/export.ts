/** `pilcrow export WORKSPACE [--out FILE]`: what the app's Export… writes. */
import { LayerReader } from '../../node/annotations/store';
import { buildExportDocument, writeExportFile } from '../../node/export/export-json';
import { Workspace } from '../../node/workspace/workspace';
import { DEFAULT_LABELS } from '../../shared/labels';
import { CliError } from '../cli-error';

export const EXPORT_HELP = `pilcrow export WORKSPACE [--out FILE]
  Writes every annotator's labels as the JSON export (docs/export.md) to FILE,
  or to standard output without --out. Unreadable files are skipped and named on stderr.`;

export async function exportCommand(
  args: { workspace: string; out?: string | undefined },
  io: { out: (s: string) => void; err: (s: string) => void; version: string },
): Promise<void> {
  const workspace = await Workspace.open(args.workspace).catch((e: Error) => {
    throw new CliError(e.message);
  });
  const reader = new LayerReader(workspace.root, (r) => io.err(`${r.file}: ${r.problem}; moved to ${r.quarantinedTo}`));
  const doc = await buildExportDocument(workspace, reader, { version: io.version, labels: DEFAULT_LABELS.map((l) => ({ ...l })) });
  for (const s of doc.skipped) io.err(`skipped ${s.reason}`);
  if (args.out) {
    await writeExportFile(args.out, doc);
    io.err(`wrote ${doc.records.length} records from ${doc.articles.length} articles to ${args.out}`);
  } else {
    io.out(JSON.stringify(doc, null, 2));
  }
}
