/** The `pilcrow` command: the app's core and node code, without Electron. */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import { AGREEMENT_HELP, agreementCommand } from './commands/agreement';
import { EXPORT_HELP, exportCommand } from './commands/export';
import { SEGMENT_HELP, segmentCommand } from './commands/segment';
import { ArticleReadError } from '../node/text/decode';

declare const __PILCROW_VERSION__: string | undefined;
const VERSION = typeof __PILCROW_VERSION__ === 'string' ? __PILCROW_VERSION__ : '0.0.0-dev';

const HELP = `pilcrow — label paragraphs of news articles (CLI)

Usage:
  ${SEGMENT_HELP.replace(/\n/g, '\n  ')}

  ${EXPORT_HELP.replace(/\n/g, '\n  ')}

  ${AGREEMENT_HELP.replace(/\n/g, '\n  ')}

  pilcrow --help | --version`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, out: { type: 'string' }, annotators: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    });
    const [command, ...rest] = positionals;
    if (values.version) return io.out(VERSION), 0;
    if (values.help || !command) return io.out(HELP), command || values.help ? 0 : 1;
    if (command === 'segment') {
      const file = single(rest, 'segment', 'FILE');
      await segmentCommand({ file, json: values.json }, io.out);
      return 0;
    }
    if (command === 'export') {
      const workspace = single(rest, 'export', 'WORKSPACE');
      await exportCommand({ workspace, out: values.out }, { ...io, version: VERSION });
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
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
}
