/** Picks the format writer and the output (a file, durably; or a stream) for one export. */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ExportFormat, ExportOptions } from '../../shared/contract/export';
import { csvWriter } from './formats/csv';
import { jsonWriter } from './formats/json';
import { jsonlWriter } from './formats/jsonl';
import { runExport, type ExportEnv, type ExportOutcome } from './run-export';
import { fileSink, streamSink, type TextSink } from './sink';
import { cleanKilledExportTemps } from './killed-export-temps';
import { checkExportTarget } from './target';
import type { FormatWriter } from './types';

function writerFor(options: ExportOptions, sink: TextSink, scratchNear: string): FormatWriter {
  if (options.format === 'jsonl') return jsonlWriter(sink);
  if (options.format === 'csv') return csvWriter(sink, { raw: options.csvRaw });
  return jsonWriter(sink, scratchNear);
}

/**
 * Writes the export to `file`: the file is the old one or the complete new one, never partial.
 * A file in the workspace's `.pilcrow/` or over an article is refused first (target.ts); temp
 * files an earlier, killed export left in that folder are removed next.
 */
export async function exportToFile(env: ExportEnv, options: ExportOptions, file: string): Promise<ExportOutcome> {
  await checkExportTarget(env.workspace.root, file);
  await cleanKilledExportTemps(dirname(file));
  return runExport(env, options, writerFor(options, await fileSink(file), file));
}

/** Streams the export to `out` (stdout); the JSON document's records spool through a temp file. */
export async function exportToStream(env: ExportEnv, options: ExportOptions, out: Writable): Promise<ExportOutcome> {
  await cleanKilledExportTemps(tmpdir());
  return runExport(env, options, writerFor(options, streamSink(out), join(tmpdir(), 'pilcrow-export.json')));
}

/** The file name the save dialog suggests. */
export function suggestedExportName(workspace: string, format: ExportFormat): string {
  return `${workspace}-labels.${format}`;
}
