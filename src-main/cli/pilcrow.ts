/** The `pilcrow` command: the app's core and node code, without Electron. */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { AGREEMENT_HELP, agreementCommand } from './commands/agreement';
import { ASSIGN_HELP, assignCommand } from './commands/assign';
import { PROGRESS_HELP, progressCommand } from './commands/progress';
import { LAYERS_HELP, layersCommand } from './commands/layers';
import { DOCTOR_HELP, doctorCommand } from './commands/doctor';
import { RESOLVE_HELP, resolveCommand } from './commands/resolve';
import { EXPORT_HELP, exportCommand } from './commands/export';
import { IMPORT_HELP, importCommand } from './commands/import';
import { STATS_HELP, statsCommand } from './commands/stats';
import { SEGMENT_HELP, segmentCommand } from './commands/segment';
import { SUGGEST_HELP, suggestCommand } from './commands/suggest';
import { SUGGEST_EVAL_HELP, suggestEvalCommand } from './commands/suggest-eval';
import { TRAIN_HELP, trainCommand } from './commands/train';
import { join } from 'node:path';
import { ArticleReadError } from '../node/text/decode';
import { escapeBidiInJson, showBidiControls } from '../shared/visible-name';

declare const __PILCROW_VERSION__: string | undefined;
const VERSION = typeof __PILCROW_VERSION__ === 'string' ? __PILCROW_VERSION__ : '0.0.0-dev';

const HELP = `pilcrow — label paragraphs of news articles (CLI)

Usage:
  ${SEGMENT_HELP.replace(/\n/g, '\n  ')}

  ${EXPORT_HELP.replace(/\n/g, '\n  ')}

  ${STATS_HELP.replace(/\n/g, '\n  ')}

  ${IMPORT_HELP.replace(/\n/g, '\n  ')}

  ${AGREEMENT_HELP.replace(/\n/g, '\n  ')}

  ${ASSIGN_HELP.replace(/\n/g, '\n  ')}

  ${PROGRESS_HELP.replace(/\n/g, '\n  ')}

  ${LAYERS_HELP.replace(/\n/g, '\n  ')}

  ${DOCTOR_HELP.replace(/\n/g, '\n  ')}

  ${RESOLVE_HELP.replace(/\n/g, '\n  ')}

  ${SUGGEST_HELP.replace(/\n/g, '\n  ')}

  ${SUGGEST_EVAL_HELP.replace(/\n/g, '\n  ')}

  ${TRAIN_HELP.replace(/\n/g, '\n  ')}

  pilcrow --help | --version`;


/**
 * Runs one command line; returns the exit code. Never throws. A bidi control in a name (a file
 * `invoice-\u202Efdp.txt` shows as `invoice-txt.pdf`) never reaches the terminal raw: messages
 * and tables show it as ⟨RLO⟩, and --json output writes it as the JSON escape `\u202e` (the same
 * string once parsed). Export data (to standard output or --out) stays byte-exact.
 */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const exporting = argv.find((a) => !a.startsWith('-')) === 'export';
  const io: CliIo = {
    ...rawIo,
    out: (s) => rawIo.out(exporting ? s : json ? escapeBidiInJson(s) : showBidiControls(s)),
    err: (s) => rawIo.err(showBidiControls(s)),
  };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, out: { type: 'string' }, annotators: { type: 'string' },
        // export and import (docs/export.md)
        format: { type: 'string' }, annotator: { type: 'string', multiple: true }, gold: { type: 'boolean' }, resolve: { type: 'string' },
        'done-only': { type: 'boolean' }, labels: { type: 'string' }, 'include-untouched': { type: 'boolean' }, split: { type: 'string' }, seed: { type: 'string' }, 'allow-empty-split': { type: 'boolean' }, reproducible: { type: 'boolean' }, 'csv-raw': { type: 'boolean' }, 'as-gold': { type: 'boolean' }, map: { type: 'string' }, 'dry-run': { type: 'boolean' },
        // segment (docs/cli.md)
        encoding: { type: 'string' }, segmentation: { type: 'string' },
        // suggest and suggest-eval (docs/suggestions.md)
        article: { type: 'string' }, predictions: { type: 'string', multiple: true }, against: { type: 'string' },
        // the learned suggester (docs/suggestions.md)
        learned: { type: 'boolean' }, folds: { type: 'string' }, 'user-data': { type: 'string' }, force: { type: 'boolean' },
        // assign (docs/teams.md)
        'per-article': { type: 'string' }, overlap: { type: 'string' }, 'only-unassigned': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    });
    const [command, ...rest] = positionals;
    if (values.version) return io.out(VERSION), 0;
    if (values.help || !command) return io.out(HELP), command || values.help ? 0 : 1;
    if (command === 'segment') {
      const file = single(rest, 'segment', 'FILE');
      await segmentCommand({ file, json: values.json, encoding: values.encoding, segmentation: values.segmentation }, io);
      return 0;
    }
    if (command === 'export') {
      const workspace = single(rest, 'export', 'WORKSPACE');
      const v = values;
      const flags = { out: v.out, format: v.format, annotator: v.annotator, gold: v.gold, resolve: v.resolve, labels: v.labels, split: v.split, seed: v.seed, reproducible: v.reproducible };
      await exportCommand({ workspace, ...flags, doneOnly: v['done-only'], includeUntouched: v['include-untouched'], csvRaw: v['csv-raw'], allowEmptySplit: v['allow-empty-split'] }, { ...io, version: VERSION });
      return 0;
    }
    if (command === 'resolve') return await resolveCommand({ workspace: single(rest, 'resolve', 'WORKSPACE') }, io);
    if (command === 'doctor') return await doctorCommand({ workspace: single(rest, 'doctor', 'WORKSPACE'), json: values.json }, io);
    if (command === 'assign') {
      const v = values;
      await assignCommand({ workspace: single(rest, 'assign', 'WORKSPACE'), annotators: v.annotators, perArticle: v['per-article'], overlap: v.overlap, seed: v.seed, onlyUnassigned: v['only-unassigned'], article: v.article, json: v.json }, io);
      return 0;
    }
    if (command === 'layers') {
      if (rest.length < 1) throw new CliError('layers takes a WORKSPACE; run pilcrow --help');
      await layersCommand({ workspace: rest[0]!, words: rest.slice(1), by: values.annotator?.[0], json: values.json }, io);
      return 0;
    }
    if (command === 'progress') {
      await progressCommand({ workspace: single(rest, 'progress', 'WORKSPACE'), userData: values['user-data'], json: values.json }, io);
      return 0;
    }
    if (command === 'stats') {
      await statsCommand({ workspace: single(rest, 'stats', 'WORKSPACE'), json: values.json }, io);
      return 0;
    }
    if (command === 'import') {
      if (rest.length !== 2) throw new CliError('import takes a WORKSPACE and a FILE; run pilcrow --help');
      if ((values.annotator?.length ?? 0) > 1) throw new CliError('import takes at most one --annotator NAME');
      const v = values;
      await importCommand({ workspace: rest[0]!, file: rest[1]!, annotator: v.annotator?.[0], asGold: v['as-gold'] === true, format: v.format, map: v.map, dryRun: v['dry-run'] === true, csvRaw: v['csv-raw'] === true }, io);
      return 0;
    }
    if (command === 'suggest') {
      await suggestCommand({ workspace: single(rest, 'suggest', 'WORKSPACE'), article: values.article, predictions: values.predictions, userData: values['user-data'], json: values.json }, io);
      return 0;
    }
    if (command === 'suggest-eval') {
      const v = values;
      await suggestEvalCommand({ workspace: single(rest, 'suggest-eval', 'WORKSPACE'), against: v.against, predictions: v.predictions, learned: v.learned, folds: v.folds, seed: v.seed, json: v.json }, io);
      return 0;
    }
    if (command === 'train') {
      await trainCommand({ workspace: single(rest, 'train', 'WORKSPACE'), userData: values['user-data'], seed: values.seed, force: values.force, json: values.json }, io);
      return 0;
    }
    if (command === 'agreement') {
      const workspace = single(rest, 'agreement', 'WORKSPACE');
      await agreementCommand({ workspace, annotators: values.annotators, json: values.json }, io);
      return 0;
    }
    throw new CliError(`unknown command "${command}"; run pilcrow --help`);
  } catch (error) {
    io.err(`pilcrow: ${oneLine(error)}`);
    return 1;
  }
}

function single(rest: string[], command: string, what: string): string {
  if (rest.length !== 1 || !rest[0]) throw new CliError(`${command} takes exactly one ${what}; run pilcrow --help`);
  return rest[0];
}

function oneLine(error: unknown): string {
  if (error instanceof CliError || error instanceof ArticleReadError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'failed';
  return String(error);
}

export async function main(): Promise<void> {
  // `pilcrow segment … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const interrupted = new AbortController();
  // Ctrl+C: a running export removes its temp file and reports; anything else ends soon after.
  process.once('SIGINT', () => {
    interrupted.abort();
    setTimeout(() => process.exit(130), 2000).unref();
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    stdout: process.stdout,
    signal: interrupted.signal,
    // Built beside this entry (electron.vite.config.ts).
    learnWorker: { file: join(import.meta.dirname, 'learn-worker.js') },
  });
}
