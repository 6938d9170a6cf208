/** `pilcrow export WORKSPACE …`: the app's Export dialog as flags (docs/export.md, docs/cli.md). */
import { Writable } from 'node:stream';
import { parseRatios } from '../../core/splits';
import { exportOptionsSchema, EXPORT_FORMATS, type ExportFormat } from '../../shared/contract/export';
import { GOLD_ANNOTATOR } from '../../shared/labels';
import { LayerReader } from '../../node/annotations/store';
import { ExportChoiceError } from '../../node/export/layers';
import { EmptySplitError, ExportCancelledError } from '../../node/export/run-export';
import type { ExportEnv } from '../../node/export/types';
import type { ExportCounts } from '../../node/export/types';
import { exportCommandLine } from '../../node/export/command-line';
import { ExportTargetError } from '../../node/export/target';
import { exportToFile, exportToFolder, exportToStream, isFolderTarget } from '../../node/export/write-export';
import { Workspace } from '../../node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../node/workspace-schema/schema-store';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const EXPORT_HELP = `pilcrow export WORKSPACE [--format json|jsonl|csv|parquet|hf] [--out FILE|DIR/]
                 [--annotator NAME]… [--gold] [--resolve gold,majority,single,NAME]
                 [--done-only] [--labels a,b] [--include-untouched]
                 [--split 80,10,10 --seed N [--allow-empty-split]] [--reproducible] [--csv-raw]
  Writes the labels as a dataset (docs/export.md) to FILE, atomically, or to standard output
  without --out. --out DIR/ (a trailing slash, or a folder that exists) writes data.FORMAT and
  labels.json (the label list) into DIR; Parquet with --split writes one file per split there.
  --format hf --out DIR writes a Hugging Face dataset folder: data/<split>-00000-of-00001.parquet
  and a README.md dataset card. Progress and unreadable files are reported on stderr; Ctrl+C
  cancels and leaves FILE as it was. A split that would leave a split with a weight above 0
  without articles is refused (nothing written) unless --allow-empty-split. Paragraphs left out
  of a resolved export (ties, undecided) are counted on stderr. --reproducible takes exported_at
  from the newest decision.
  CSV text cells that a spreadsheet would run as a formula get a leading ' unless --csv-raw.`;

export interface ExportArgs {
  workspace: string;
  out?: string | undefined;
  format?: string | undefined;
  annotator?: string[] | undefined;
  gold?: boolean | undefined;
  resolve?: string | undefined;
  doneOnly?: boolean | undefined;
  labels?: string | undefined;
  includeUntouched?: boolean | undefined;
  split?: string | undefined;
  seed?: string | undefined;
  allowEmptySplit?: boolean | undefined;
  reproducible?: boolean | undefined;
  csvRaw?: boolean | undefined;
}

export interface ExportIo {
  out: (s: string) => void;
  err: (s: string) => void;
  version: string;
  /** Raw standard output; without it the output is collected and printed through `out`. */
  stdout?: Writable;
  signal?: AbortSignal;
}

const list = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export function exportOptionsFrom(args: ExportArgs) {
  if (args.format && !EXPORT_FORMATS.includes(args.format as ExportFormat)) throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}; got "${args.format}"`);
  if (args.csvRaw && (args.format ?? 'json') !== 'csv') throw new CliError('--csv-raw goes with --format csv');
  if (args.allowEmptySplit && !args.split) throw new CliError('--allow-empty-split goes with --split, e.g. --split 80,10,10 --allow-empty-split');
  if (args.seed !== undefined && !args.split) throw new CliError('--seed goes with --split, e.g. --split 80,10,10 --seed 7');
  const seed = args.seed === undefined ? 0 : Number(args.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) throw new CliError(`--seed must be a whole number from 0 to 2147483647; got "${args.seed}"`);
  const ratios = args.split ? wrap(() => parseRatios(args.split!)) : null;
  const parsed = exportOptionsSchema.safeParse({
    format: args.format ?? 'json',
    layers: [...(args.annotator ?? []), ...(args.gold ? [GOLD_ANNOTATOR] : [])],
    resolve: list(args.resolve),
    doneOnly: !!args.doneOnly,
    labels: list(args.labels),
    includeUntouched: !!args.includeUntouched,
    split: ratios ? { ratios, seed } : null,
    allowEmptySplits: !!args.allowEmptySplit,
    reproducible: !!args.reproducible,
    csvRaw: !!args.csvRaw,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`export: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid choice'}`.replace(/\s+/g, ' '));
  }
  return parsed.data;
}

/** Opens the workspace and its label schema; a damaged file met on the way is reported on stderr. */
export async function openWorkspaceForCli(folder: string, io: { err: (s: string) => void }): Promise<{ workspace: Workspace; schema: WorkspaceSchemaStore }> {
  const workspace = await openCliWorkspace(folder, io);
  return { workspace, schema: await WorkspaceSchemaStore.open(workspace.root, workspace.onRecover) };
}

export async function exportCommand(args: ExportArgs, io: ExportIo): Promise<void> {
  const options = exportOptionsFrom(args);
  const { workspace, schema } = await openWorkspaceForCli(args.workspace, io);
  const reader = new LayerReader(workspace.root, workspace.onRecover);
  let lastLine = '';
  const env: ExportEnv = {
    workspace,
    reader,
    labels: schema.schema.labels,
    labelMode: schema.schema.mode,
    version: io.version,
    progressEveryMs: 1000,
    onProgress: (p) => {
      const line = p.phase === 'planning' ? `export: reading labels to plan the split, ${p.articlesDone}/${p.articlesTotal} articles` : `export: ${p.articlesDone}/${p.articlesTotal} articles, ${p.records} records`;
      if (line === lastLine) return;
      lastLine = line;
      io.err(line);
    },
    ...(io.signal ? { signal: io.signal } : {}),
  };
  try {
    let collected = '';
    const sink = io.stdout ?? new Writable({ write: (chunk: Buffer, _enc, done) => ((collected += chunk.toString('utf8')), done()) });
    if (options.format === 'hf' && !args.out) throw new CliError('--format hf writes a dataset folder: give it with --out DIR');
    const folder = args.out !== undefined && (options.format === 'hf' || (await isFolderTarget(args.out)));
    let files: string[] = [];
    const outcome = folder
      ? await exportToFolder(env, options, args.out!, exportCommandLine(args.workspace, options, args.out!)).then((o) => ((files = o.files), o))
      : args.out
        ? await exportToFile(env, options, args.out)
        : await exportToStream(env, options, sink);
    if (!io.stdout && !args.out) io.out(options.format === 'parquet' ? `(${collected.length} characters of Parquet)` : collected.replace(/\n$/, ''));
    for (const f of files) io.err(`wrote ${f}`);
    for (const s of outcome.skipped) io.err(`skipped ${s.reason}`);
    const { counts } = outcome;
    io.err(`wrote ${counts.records} records from ${counts.articles} article${counts.articles === 1 ? '' : 's'}${args.out ? ` to ${args.out}` : ''}`);
    if (options.resolve.length && counts.unresolved) io.err(unresolvedLine(counts, options.includeUntouched));
  } catch (error) {
    if (error instanceof EmptySplitError) throw new CliError(error.message);
    if (error instanceof ExportCancelledError) throw new CliError(`export cancelled${args.out ? `; ${args.out} was left as it was` : ''}`);
    if (error instanceof ExportChoiceError || error instanceof ExportTargetError) throw new CliError(error.message);
    throw error;
  }
}

/** The paragraphs a resolved export found no answer for: left out, or (with --include-untouched) written with none. */
export function unresolvedLine(counts: Pick<ExportCounts, 'unresolved' | 'ties' | 'undecided'>, included: boolean): string {
  const parts = `${counts.ties} tied (as many annotators for one answer as for another), ${counts.undecided} undecided (nobody, or too few for the steps chosen, decided them)`;
  const what = `${counts.unresolved} paragraph${counts.unresolved === 1 ? '' : 's'} got no answer: ${parts}`;
  return included ? `${what}; written with annotator "unresolved" and labels null` : `${what}; left out (--include-untouched writes them with no answer)`;
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
