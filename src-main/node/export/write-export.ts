/**
 * Picks the format writer and the output for one export: a file (written durably), a stream
 * (standard output), or a folder (docs/export.md, "Files and folders"): the data file(s) and a
 * `labels.json` beside them, or for `hf` a dataset folder with `data/<split>-00000-of-00001.parquet`
 * and a README.md dataset card.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { CARD_MARKER, splitFileName } from '../../core/dataset-card';
import type { ExportFormat, ExportOptions } from '../../shared/contract/export';
import { nodeDurableFs, writeAtomic } from '../storage';
import { csvWriter } from './formats/csv';
import { jsonWriter } from './formats/json';
import { jsonlWriter } from './formats/jsonl';
import { datasetCardFor } from './dataset-card-facts';
import { runExport, type ExportOutcome } from './run-export';
import type { ExportEnv } from './types';
import { fileSink, streamSink, type TextSink } from './sink';
import { cleanKilledExportTemps } from './killed-export-temps';
import { ExportChoiceError } from './layers';
import { checkExportTarget } from './target';
import type { ExportManifest, ExportSummary, FormatWriter } from './types';

/**
 * One case per export format: a format added to EXPORT_FORMATS is a compile error here until it
 * has a writer. Parquet's writer is loaded by the first Parquet export only: every CLI command
 * loaded it at start.
 */
async function writerFor(options: ExportOptions, sink: TextSink, scratchNear: string): Promise<FormatWriter> {
  const format: ExportFormat = options.format;
  switch (format) {
    case 'json':
      return jsonWriter(sink, scratchNear);
    case 'jsonl':
      return jsonlWriter(sink);
    case 'csv':
      return csvWriter(sink, { raw: options.csvRaw });
    case 'parquet':
      return (await import('./formats/parquet')).parquetWriter(async () => sink, 'one');
    case 'hf':
      throw new ExportChoiceError('the hf format writes a folder: give one (--out DIR/)');
    default:
      return noWriterFor(format);
  }
}

function noWriterFor(format: never): never {
  throw new Error(`no writer for the export format ${String(format)}`);
}

/**
 * Writes the export to `file`: the file is the old one or the complete new one, never partial.
 * A file in the workspace's `.pilcrow/` or over an article is refused first (target.ts); temp
 * files an earlier, killed export left in that folder are removed next.
 */
export async function exportToFile(env: ExportEnv, options: ExportOptions, file: string): Promise<ExportOutcome> {
  await checkExportTarget(env.workspace.root, file);
  await cleanKilledExportTemps(dirname(file));
  return runExport(env, options, await writerFor(options, await fileSink(file), file));
}

/** Streams the export to `out` (stdout); the JSON document's records spool through a temp file. */
export async function exportToStream(env: ExportEnv, options: ExportOptions, out: Writable): Promise<ExportOutcome> {
  await cleanKilledExportTemps(tmpdir());
  return runExport(env, options, await writerFor(options, streamSink(out), join(tmpdir(), 'pilcrow-export.json')));
}

/** `--out` names a folder: it ends with a path separator, or is a folder that exists. */
export async function isFolderTarget(out: string): Promise<boolean> {
  if (out.endsWith('/') || out.endsWith(sep)) return true;
  return (await stat(out).catch(() => null))?.isDirectory() ?? false;
}

/** What a folder export wrote, besides the outcome. */
export interface FolderOutcome extends ExportOutcome {
  files: string[];
}

/** The data file a folder export writes for each format (hf and split Parquet write several). */
export const FOLDER_DATA_FILE: Record<Exclude<ExportFormat, 'hf'>, string> = { json: 'data.json', jsonl: 'data.jsonl', csv: 'data.csv', parquet: 'data.parquet' };
export const LABELS_SIDECAR = 'labels.json';

/**
 * Exports into folder `dir` (made if missing). JSONL, CSV and Parquet get `labels.json` beside
 * the data (the JSON document holds the label list itself). Parquet with a split writes one file
 * per split (`train.parquet`, `dev.parquet`, `test.parquet`). `hf` writes a dataset folder and
 * refuses a folder that holds anything but an earlier hf export. `command` is how to make the
 * same export from a terminal, for the dataset card.
 */
export async function exportToFolder(env: ExportEnv, options: ExportOptions, dir: string, command: string): Promise<FolderOutcome> {
  // The folder, and every name written in it, are checked before anything is made (target.ts):
  // inside the workspace, `data.jsonl` or the card's README.md would be read as articles.
  const root = env.workspace.root;
  await checkExportTarget(root, stripSeparator(dir));
  for (const name of plannedNames(options)) await checkExportTarget(root, join(dir, name));
  if (options.format === 'hf') await checkDatasetFolder(dir);
  await mkdir(options.format === 'hf' ? join(dir, 'data') : dir, { recursive: true });
  await cleanKilledExportTemps(dir);
  if (options.format === 'hf') await cleanKilledExportTemps(join(dir, 'data'));
  const files: string[] = [];
  const sinkAt = async (path: string) => {
    files.push(path);
    return fileSink(path);
  };
  let manifest: ExportManifest | null = null;
  const keepManifest = (writer: FormatWriter): FormatWriter => ({ ...writer, begin: (m) => ((manifest = m), writer.begin(m)) });
  if (options.format === 'hf' || options.format === 'parquet') {
    const perSplit = options.format === 'hf' || options.split !== null;
    const { parquetWriter } = await import('./formats/parquet');
    const writer = parquetWriter((split) => sinkAt(options.format === 'hf' ? join(dir, splitFileName(split)) : join(dir, perSplit ? `${split}.parquet` : FOLDER_DATA_FILE.parquet)), perSplit ? 'per-split' : 'one');
    let summary: ExportSummary | null = null;
    const articles: { path: string; source_sha256: string; split?: string | undefined }[] = [];
    const outcome = await runExport(
      env,
      options,
      keepManifest({
        ...writer,
        article: (a, built) => (articles.push({ path: a.path, source_sha256: a.source_sha256, split: a.split }), writer.article(a, built)),
        end: async (s) => ((summary = s), writer.end(s)),
      }),
    );
    const rows = new Map([...writer.streams].map(([split, stream]) => [split, stream.rows]));
    await writeSidecar(join(dir, LABELS_SIDECAR), manifest!, writer.labelsSeen);
    files.push(join(dir, LABELS_SIDECAR));
    if (options.format === 'hf') {
      await removeStaleSplits(dir, [...rows.keys()]);
      const card = await datasetCardFor(env, options, { manifest: manifest!, summary: summary!, rows, labelsSeen: writer.labelsSeen, articles, dir, command });
      await writeAtomic(nodeDurableFs, join(dir, 'README.md'), new TextEncoder().encode(card));
      files.push(join(dir, 'README.md'));
    }
    return { ...outcome, files };
  }
  const data = join(dir, FOLDER_DATA_FILE[options.format]);
  const seen = new Set<string>();
  const inner = await writerFor(options, await sinkAt(data), data);
  const outcome = await runExport(env, options, keepManifest({ ...inner, article: (a, built) => (built.records.forEach((r) => r.labels?.forEach((l) => seen.add(l))), inner.article(a, built)) }));
  if (options.format !== 'json') {
    await writeSidecar(join(dir, LABELS_SIDECAR), manifest!, seen);
    files.push(join(dir, LABELS_SIDECAR));
  }
  return { ...outcome, files };
}

function stripSeparator(dir: string): string {
  return dir.length > 1 && (dir.endsWith('/') || dir.endsWith(sep)) ? dir.slice(0, -1) : dir;
}

/** The names a folder export writes (split files: one of each split's). */
function plannedNames(options: ExportOptions): string[] {
  if (options.format === 'hf') return ['README.md', LABELS_SIDECAR, splitFileName('train')];
  if (options.format === 'parquet' && options.split !== null) return ['train.parquet', LABELS_SIDECAR];
  return [FOLDER_DATA_FILE[options.format], ...(options.format === 'json' ? [] : [LABELS_SIDECAR])];
}

/**
 * `labels.json`: the labels the data uses, with colour, key and description, in the schema's
 * order (the chosen subset when there is one), the labels mode, and labels the records carry
 * that the schema no longer has.
 */
async function writeSidecar(path: string, manifest: ExportManifest, seen: ReadonlySet<string>): Promise<void> {
  const chosen = manifest.filters.labels;
  const labelSchema = manifest.label_schema.filter((l) => chosen === null || chosen.includes(l.name));
  const known = new Set(labelSchema.map((l) => l.name));
  const other = [...seen].filter((l) => !known.has(l)).sort();
  const body = { schema_version: manifest.schema_version, workspace: manifest.workspace, label_mode: manifest.label_mode, label_schema: labelSchema, other_labels: other };
  await writeAtomic(nodeDurableFs, path, new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`));
}

/** A dataset folder may be new, empty, or an earlier hf export (its README.md carries our marker): never someone's other files. */
async function checkDatasetFolder(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (!entries || entries.filter((e) => !e.startsWith('.')).length === 0) return;
  const readme = await readFile(join(dir, 'README.md'), 'utf8').catch(() => '');
  if (!readme.includes(CARD_MARKER)) {
    throw new ExportChoiceError(`${dir} holds other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); a dataset folder is written into an empty folder or over an earlier Pilcrow hf export`);
  }
}

/** Split files an earlier export into this folder wrote that this one did not (a split now empty). */
async function removeStaleSplits(dir: string, written: string[]): Promise<void> {
  const keep = new Set(written.map((s) => splitFileName(s).slice('data/'.length)));
  for (const name of await readdir(join(dir, 'data')).catch(() => [] as string[])) {
    if (/^[\w.]+-00000-of-00001\.parquet$/.test(name) && !keep.has(name)) await unlink(join(dir, 'data', name)).catch(() => undefined);
  }
}

/** The file name the save dialog suggests. */
export function suggestedExportName(workspace: string, format: ExportFormat): string {
  return `${workspace}-labels.${format}`;
}
