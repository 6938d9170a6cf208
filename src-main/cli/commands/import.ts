/** `pilcrow import WORKSPACE FILE …`: a teammate's export, a script's records or another tool's export become annotator layers. */
import { englishText } from '../../shared/messages';
import { IMPORT_FORMAT_CHOICES, type ImportFormatChoice, type ImportResult } from '../../shared/contract/import';
import { importIntoWorkspace, LayerLockedError } from '../../node/import/run-import';
import { FORMAT_NAMES, ImportFileError } from '../../node/import/read-export-file';
import { parseLabelMapText } from '../../shared/label-map-text';
import { CliError } from '../cli-error';
import { openWorkspaceForCli } from './export';

export const IMPORT_HELP = `pilcrow import WORKSPACE FILE [--annotator NAME] [--format auto|pilcrow|jsonl|csv|label-studio|doccano|prodigy]
                 [--map old=new,…] [--dry-run] [--as-gold] [--csv-raw]
  Imports labels as annotator layers: a Pilcrow export (JSON, JSONL, CSV), plain records
  (JSONL, a JSON array or CSV with article and paragraph_id, paragraph or text, and labels), or a
  Label Studio, doccano or Prodigy export. Records go to each record's own annotator, or NAME;
  records without an annotator or time take NAME and the file's modification time (reported).
  Matched by paragraph id, then text, then position; unmatched ones are listed and kept in the
  layer's orphans. --dry-run shows all of it and writes nothing. --map renames labels.
  Records for the gold layer are refused unless --as-gold says they are adjudicated answers you
  trust; every time must be a real instant, at most 24 hours ahead of this clock.`;

export interface ImportArgs {
  workspace: string;
  file: string;
  annotator?: string | undefined;
  asGold?: boolean;
  format?: string | undefined;
  map?: string | undefined;
  dryRun?: boolean;
  csvRaw?: boolean;
}

/** `old=new,old2=new2` as pairs. */
export function parseLabelMap(text: string | undefined): [string, string][] {
  if (text === undefined) return [];
  const parsed = parseLabelMapText(text);
  if ('bad' in parsed) throw new CliError(`--map takes old=new pairs separated by commas, such as --map Quote=quote,Ad=ad; got "${parsed.bad}"`);
  return parsed.pairs;
}

export async function importCommand(args: ImportArgs, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  if (args.format !== undefined && !IMPORT_FORMAT_CHOICES.includes(args.format as ImportFormatChoice)) {
    throw new CliError(`--format must be one of ${IMPORT_FORMAT_CHOICES.join(', ')}; got "${args.format}"`);
  }
  const map = parseLabelMap(args.map);
  const { workspace, schema } = await openWorkspaceForCli(args.workspace, io);
  const options = { annotator: args.annotator, format: args.format as ImportFormatChoice | undefined, map, csvRaw: args.csvRaw === true, dryRun: args.dryRun === true };
  const result = await importIntoWorkspace({ workspace, schema, onRecover: workspace.onRecover, asGold: args.asGold === true }, args.file, options).catch((e: unknown) => {
    throw e instanceof ImportFileError || e instanceof LayerLockedError ? new CliError(e.message) : e;
  });
  report(result, io);
}

function report(result: ImportResult, io: { out: (s: string) => void; err: (s: string) => void }): void {
  const dry = result.dryRun;
  io.out(`${result.file}: read as ${FORMAT_NAMES[result.format]}, ${result.records} record${result.records === 1 ? '' : 's'}${dry ? '; dry run, nothing was written' : ''}`);
  for (const l of result.layers) {
    const how = [l.byText ? `${l.byText} by text` : '', l.byPosition ? `${l.byPosition} by position` : ''].filter(Boolean).join(', ');
    io.out(`${l.annotator}: ${l.matched} matched${how ? ` (${how})` : ''}, ${l.unmatched} unmatched, ${l.keptNewer} kept newer, ${l.filesWritten} of ${l.articles} label files ${dry ? 'would change' : 'changed'}`);
  }
  const lost = result.unmatched.filter((u) => u.article === null).length;
  if (lost) io.out(`${lost} record${lost === 1 ? '' : 's'} name no article and ${lost === 1 ? 'is' : 'are'} in none: a real import refuses the file until each names its article`);
  const { filled } = result;
  if (filled.annotator) io.err(`${filled.annotator} record${filled.annotator === 1 ? '' : 's'} had no annotator: given the one chosen (--annotator)`);
  if (filled.updatedAt) io.err(`${filled.updatedAt} record${filled.updatedAt === 1 ? '' : 's'} had no updated_at: given the file's modification time, ${filled.time}`);
  for (const m of result.labelsMapped) io.err(`label "${m.from}" imported as "${m.to}"`);
  for (const u of result.unmatched) {
    const what = u.article === null ? 'no article' : `${u.article}${u.paragraph !== null ? ` paragraph ${u.paragraph}` : ''}${u.paragraph_id ? ` (${u.paragraph_id})` : ''}`;
    io.err(`unmatched ${u.where}, ${what}: ${englishText(u.reason).replace(/\.$/, '')}${u.article === null ? '' : "; kept in the layer's orphans"}`);
  }
  for (const s of result.skipped) io.err(`not imported ${s.where}: ${englishText(s.reason)}`);
  if (result.unknownLabels.length) io.err(`labels not in this workspace's schema: ${result.unknownLabels.join(', ')}${result.labelsAdded.length ? ` (added from the file: ${result.labelsAdded.join(', ')})` : ''}`);
}
