/** `pilcrow import WORKSPACE FILE [--annotator NAME]`: a teammate's export becomes their layer. */
import { importIntoWorkspace, LayerLockedError } from '../../node/import/run-import';
import { ImportFileError } from '../../node/import/read-export-file';
import { CliError } from '../cli-error';
import { openWorkspaceForCli } from './export';

export const IMPORT_HELP = `pilcrow import WORKSPACE FILE [--annotator NAME] [--as-gold]
  Imports a Pilcrow JSON or JSONL export as annotator layers (each record's own annotator, or
  NAME). Records whose paragraph is not found are listed on stderr and kept in the layer's
  orphans; importing the same file again changes nothing. Records for the gold layer are
  refused unless --as-gold says they are adjudicated answers you trust; every record needs a
  real updated_at (ISO 8601 with Z or an offset), at most 24 hours ahead of this clock.`;

export async function importCommand(args: { workspace: string; file: string; annotator?: string | undefined; asGold?: boolean }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const { workspace, schema } = await openWorkspaceForCli(args.workspace, io);
  const result = await importIntoWorkspace({ workspace, schema, onRecover: workspace.onRecover, asGold: args.asGold === true }, args.file, args.annotator).catch((e: unknown) => {
    throw e instanceof ImportFileError || e instanceof LayerLockedError ? new CliError(e.message) : e;
  });
  for (const u of result.unmatched) io.err(`unmatched ${u.article} paragraph ${u.paragraph} (${u.paragraph_id}): ${u.reason.replace(/\.$/, '')}; kept in the layer's orphans`);
  if (result.unknownLabels.length) io.err(`labels not in this workspace's schema: ${result.unknownLabels.join(', ')}${result.labelsAdded.length ? ` (added from the file: ${result.labelsAdded.join(', ')})` : ''}`);
  for (const l of result.layers) {
    io.out(`${l.annotator}: ${l.matched} records placed (${l.byText} by text), ${l.unmatched} unmatched, ${l.keptNewer} kept newer, ${l.filesWritten} of ${l.articles} label files changed`);
  }
}
