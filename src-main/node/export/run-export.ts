/**
 * Runs one export: reads the workspace one article at a time, builds its records (core) and hands
 * them to the format writer as they are produced, so memory does not grow with the workspace.
 * Reports progress, stops at the next article when cancelled (the output is dropped), and lists
 * unreadable articles in `skipped` and recovered label files in `warnings` instead of failing.
 */
import { buildArticleExport, type Layer } from '../../core/export-records';
import { latestOf } from '../../core/instant';
import { assignSplits, emptySplits, splitCounts, type SplitName } from '../../core/splits';
import { englishText } from '../../shared/messages';
import type { ExportOptions } from '../../shared/contract/export';
import { articleLayers, chooseLabels, chooseLayers, hasDecisions } from './layers';
import { progressReporter, releaser, type Progress } from './pacing';
import { EXPORT_SCHEMA_VERSION, type ArticleOut, type ExportCounts, type ExportEnv, type ExportFilters, type ExportSummary, type FormatWriter, type LayerMeta } from './types';
import { addCount, nameRecord } from '../../shared/name-record';

export class ExportCancelledError extends Error {
  override readonly name = 'ExportCancelledError';
  constructor() {
    super('the export was cancelled; nothing was written');
  }
}

/** What an empty split looks like: the weights, how many articles, each split's share, the empty ones. */
export interface EmptySplit {
  ratios: number[];
  articles: number;
  counts: number[];
  empty: SplitName[];
}

/** A split that leaves a split with a weight above 0 empty, refused before anything is written unless allowed. */
export class EmptySplitError extends Error {
  override readonly name = 'EmptySplitError';
  constructor(readonly split: EmptySplit) {
    super(englishText({ code: 'export-empty-split', ...split, app: false }));
  }
}

export interface ExportOutcome {
  counts: ExportCounts;
  skipped: { path: string; reason: string }[];
}

export async function runExport(env: ExportEnv, options: ExportOptions, writer: FormatWriter): Promise<ExportOutcome> {
  // The writer's output (a temp file) exists from here on: a cancel or a failure at any step,
  // the split's planning pass and the choices' checks included, must remove it.
  try {
    return await exportAll(env, options, writer);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

async function exportAll(env: ExportEnv, options: ExportOptions, writer: FormatWriter): Promise<ExportOutcome> {
  const { workspace, reader } = env;
  const layers = await chooseLayers(reader, options);
  const subset = chooseLabels(env.labels, options);
  const paths = workspace.ids.map((id) => ({ id, path: workspace.pathOf(id)! }));
  const plan = options.split || options.reproducible ? await prePass(env, options, layers, paths.map((p) => p.path), progressReporter(env, 'planning', paths.length, null)) : null;
  const filters: ExportFilters = {
    layers,
    resolve: [...options.resolve],
    done_only: options.doneOnly,
    labels: subset,
    include_untouched: options.includeUntouched,
    split: options.split ? { ratios: options.split.ratios, seed: options.split.seed, names: ['train', 'dev', 'test'] } : null,
  };
  const summary: ExportSummary = { counts: emptyCounts(subset ?? env.labels.map((l) => l.name), !!options.split), orphaned_labels: [], skipped: [] };
  const progress = progressReporter(env, 'writing', paths.length, summary.counts);
  await writer.begin({
    schema_version: EXPORT_SCHEMA_VERSION,
    exported_at: options.reproducible ? (plan?.newest ?? new Date(0).toISOString()) : (env.now?.() ?? new Date()).toISOString(),
    pilcrow_version: env.version,
    offset_unit: 'code_point',
    workspace: workspace.name,
    // The export's documented label fields (resources/schema): ids and display names stay in the workspace.
    label_schema: env.labels.map((l) => ({ name: l.name, color: l.color, key: l.key, description: l.description })),
    label_mode: env.labelMode ?? 'multi',
    annotators: layers,
    filters,
  });
  const release = releaser(workspace);
  // At once, before the first article: a slow first file shows "0 of N", not nothing.
  progress(0, true);
  for (const [i, { id, path }] of paths.entries()) {
    if (env.signal?.aborted) throw new ExportCancelledError();
    // A conflict copy has no layer of its own to read, yet the export names it (docs/teams.md).
    const conflictCopy = workspace.conflictCopy(id);
    if (conflictCopy !== null) {
      summary.skipped.push({ path, reason: conflictCopy });
      summary.counts.skipped += 1;
      continue;
    }
    await release.before(id, path);
    await exportArticle(env, options, { id, path, layers, subset, split: plan?.splits?.get(path) }, writer, summary);
    progress(i + 1);
  }
  release.flush();
  if (env.signal?.aborted) throw new ExportCancelledError();
  await writer.end(summary);
  progress(paths.length, true);
  return { counts: summary.counts, skipped: summary.skipped };
}

interface ArticleJob {
  id: string;
  path: string;
  layers: string[];
  subset: string[] | null;
  split: SplitName | undefined;
}

async function exportArticle(env: ExportEnv, options: ExportOptions, job: ArticleJob, writer: FormatWriter, summary: ExportSummary): Promise<void> {
  const layers = await articleLayers(env.reader, job.layers, job.path, options.doneOnly);
  if (!options.includeUntouched && !hasDecisions(layers)) return;
  if (options.split && !job.split) return; // not a split candidate (only possible if files changed meanwhile)
  const entry = await env.workspace.entry(job.id);
  if (!entry.ok) {
    summary.skipped.push({ path: job.path, reason: entry.error });
    summary.counts.skipped += 1;
    return;
  }
  const { article } = entry;
  // The hash of the bytes this reading came from (for JSON Lines, of the container file), as a
  // second read of the file would give: the records carry this reading's text.
  const sha = article.sha256;
  const built = buildArticleExport(
    { path: article.path, encoding: article.encoding, source_sha256: sha, paragraphs: article.paragraphs },
    layers,
    { resolve: options.resolve, labels: job.subset, includeUntouched: options.includeUntouched, split: job.split },
  );
  // One at a time: spreading a teammate's 150,000 orphans into push() overflowed the call stack.
  for (const orphan of built.orphans) summary.orphaned_labels.push(orphan);
  tally(summary.counts, built, job.split);
  if (built.records.length === 0 && built.orphans.length === 0) return;
  const out: ArticleOut = { path: article.path, title: article.title, format: article.format, encoding: article.encoding, source_sha256: sha, text: article.text, layers: layerMeta(layers) };
  if (job.split) out.split = job.split;
  await writer.article(out, built);
}

/** Split candidates (articles that will have records) and the newest decision time, from label files only. */
async function prePass(env: ExportEnv, options: ExportOptions, layers: string[], paths: string[], progress: Progress): Promise<{ splits: Map<string, SplitName> | null; newest: string | null }> {
  const candidates: string[] = [];
  let newest: string | null = null;
  for (const [i, path] of paths.entries()) {
    progress(i);
    if (env.signal?.aborted) throw new ExportCancelledError();
    const found = await articleLayers(env.reader, layers, path, options.doneOnly);
    newest = latestOf([newest, ...found.map((l) => l.updated_at)]);
    if (options.includeUntouched || hasDecisions(found)) candidates.push(path);
  }
  progress(paths.length, true);
  if (options.split && !options.allowEmptySplits) refuseEmptySplits(candidates.length, options.split.ratios);
  return { splits: options.split ? assignSplits(candidates, options.split.ratios, options.split.seed) : null, newest };
}

function refuseEmptySplits(articles: number, ratios: [number, number, number]): void {
  const empty = emptySplits(articles, ratios);
  if (empty.length) throw new EmptySplitError({ ratios: [...ratios], articles, counts: splitCounts(articles, ratios), empty });
}

/**
 * Refuses a split that would leave a split empty before anything is asked or written (the app
 * checks this before its save dialog); runExport checks again while it plans the split.
 */
export async function checkSplits(env: ExportEnv, options: ExportOptions): Promise<void> {
  if (!options.split || options.allowEmptySplits) return;
  const layers = await chooseLayers(env.reader, options);
  const paths = env.workspace.ids.map((id) => env.workspace.pathOf(id)!);
  await prePass(env, options, layers, paths, progressReporter(env, 'planning', paths.length, null));
}

function layerMeta(layers: readonly Layer[]): Record<string, LayerMeta> {
  const meta = nameRecord<LayerMeta>();
  for (const l of layers) {
    meta[l.annotator] = { status: l.status ?? 'in_progress', updated_at: l.updated_at ?? '' };
    if (l.done_at) meta[l.annotator]!.done_at = l.done_at;
  }
  return meta;
}

function emptyCounts(labels: readonly string[], split: boolean): ExportCounts {
  const counts: ExportCounts = { articles: 0, records: 0, labelled: 0, none: 0, untouched: 0, unresolved: 0, ties: 0, undecided: 0, orphaned: 0, skipped: 0, per_label: nameRecord(labels.map((l) => [l, 0] as const)), per_annotator: nameRecord() };
  if (split) counts.per_split = { train: 0, dev: 0, test: 0 };
  return counts;
}

function tally(counts: ExportCounts, built: ReturnType<typeof buildArticleExport>, split: SplitName | undefined): void {
  const { records } = built;
  if (records.length) counts.articles += 1;
  counts.records += records.length;
  counts.orphaned += built.orphans.length;
  counts.unresolved += built.unresolved;
  counts.ties += built.ties;
  counts.undecided += built.unresolved - built.ties;
  for (const r of records) {
    if (r.labels === null) counts.untouched += 1;
    else if (r.labels.length === 0) counts.none += 1;
    else counts.labelled += 1;
    for (const l of r.labels ?? []) addCount(counts.per_label, l);
    addCount(counts.per_annotator, r.annotator);
  }
  if (split && counts.per_split) counts.per_split[split] = (counts.per_split[split] ?? 0) + records.length;
}
