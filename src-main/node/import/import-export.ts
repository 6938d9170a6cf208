/**
 * Places imported records into annotator layers (docs/export.md, "Import"). Records are matched
 * to paragraphs by id, by text, by likeness (an edited paragraph) or by position
 * (core/import-match.ts); a record that names no article is looked for in every article by its
 * text. A record that fits nowhere goes to the layer's `orphans` and is reported, never dropped.
 * A decision newer in the workspace than in the file is kept. Importing the same file again
 * changes no file: every value written comes from the file itself. A dry run does all of it but
 * the writing.
 */
import { dirname } from 'node:path';
import { placeRecords, type MatchReason, type RecordPlacement } from '../../core/import-match';
import { paragraphIdFor } from '../../core/paragraphs';
import { searchKey } from '../../core/search-key';
import type { ImportLayerSummary, ImportResult, ImportUnmatched } from '../../shared/contract/import';
import { englishText } from '../../shared/messages';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';
import { annotationFilePath } from '../annotations/paths';
import { layerFile } from '../annotations/store';
import { annotationFileSchema, emptyAnnotationFile, type AnnotationFile } from '../annotations/schema';
import { makeFolders, type RecoveryReport } from '../storage';
import { sourceSha256 } from '../export/layers';
import { articleIdFor } from '../workspace/article-id';
import type { Workspace } from '../workspace/workspace';
import { carriesSomething, ImportFileError, type ExportFileContent, type ImportRecord } from './read-export-file';
import { contextAt, toEntry } from './records';
import { isLater, latestOf } from '../../core/instant';

export interface ImportEnv {
  workspace: Workspace;
  /** Label names of the workspace schema, to report labels it lacks. */
  labelNames: readonly string[];
  onRecover?: (report: RecoveryReport) => void;
  /** Read and place everything, write nothing. */
  dryRun?: boolean;
}

type Placed = Omit<ImportResult, 'file' | 'format' | 'labelsAdded' | 'dryRun' | 'skipped' | 'filled' | 'labelsMapped'>;

/** A record with its position in the file. */
interface Item {
  record: ImportRecord;
  at: number;
}

export async function importExport(env: ImportEnv, file: string, content: ExportFileContent, annotator?: string): Promise<Placed> {
  // An untouched paragraph's record (exported with --include-untouched) brings nothing to a layer.
  const items = content.records.flatMap((record, at) => (carriesSomething(record) ? [{ record, at }] : []));
  const result: Placed = { records: content.records.length, layers: [], unmatched: [], unknownLabels: [] };
  const known = new Set(env.labelNames);
  const unknown = new Set<string>();
  for (const r of content.records) for (const l of r.labels ?? []) if (!known.has(l)) unknown.add(l);
  result.unknownLabels = [...unknown].sort();
  // Records that name no article are looked for in every article first, before anything is written.
  const lost = await findArticles(env.workspace, items);
  const unplaceable = lost.map(({ item, reason }) => unmatchedOf(content, item, null, reason));
  if (unplaceable.length && !env.dryRun) {
    const first = unplaceable[0]!;
    throw new ImportFileError({ code: 'import-no-article', file, where: first.where, count: unplaceable.length, reason: first.reason });
  }
  result.unmatched.push(...unplaceable);
  const lostAt = new Set(lost.map((l) => l.item.at));
  const groups = groupRecords(file, items.filter((i) => !lostAt.has(i.at)), annotator);
  for (const [name, articles] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const summary: ImportLayerSummary = { annotator: name, articles: articles.size, matched: 0, byText: 0, byPosition: 0, unmatched: 0, keptNewer: 0, filesWritten: 0 };
    for (const [path, group] of articles) {
      const changed = await importArticle(env, content, name, path, group, summary, result.unmatched);
      if (changed) summary.filesWritten += 1;
    }
    result.layers.push(summary);
  }
  return result;
}

/** The layers a file writes (`annotator`, or each record's own); refuses files whose target layer is ambiguous. */
export function targetLayers(file: string, records: readonly ImportRecord[], annotator: string | undefined): string[] {
  const names = [...new Set(records.map((r) => r.annotator))];
  const resolved = records.some((r) => r.resolved_from !== undefined);
  if (!annotator && resolved) {
    throw new ImportFileError({ code: 'import-resolved', file });
  }
  if (annotator && !resolved && names.length > 1) {
    throw new ImportFileError({ code: 'import-several-layers', file, layers: names });
  }
  const layers = annotator ? [annotator] : names;
  const bad = layers.find((name) => !ANNOTATOR_NAME_PATTERN.test(name));
  if (bad !== undefined) throw new ImportFileError({ code: 'import-bad-name', file, name: bad });
  return layers;
}

function unmatchedOf(content: ExportFileContent, { record, at }: Item, article: string | null, reason: MatchReason): ImportUnmatched {
  return { where: content.where(at), article, paragraph: record.paragraph ?? null, paragraph_id: record.paragraph_id ?? null, reason };
}

/**
 * Gives each record without an article the article its text is in; returns those whose text is
 * in none, or in several (then the article must be named). Reads every article once, only when
 * such records exist.
 */
async function findArticles(workspace: Workspace, items: readonly Item[]): Promise<{ item: Item; reason: MatchReason }[]> {
  const wanted = items.filter((i) => i.record.article === undefined);
  if (wanted.length === 0) return [];
  const where = new Map<string, Set<string>>();
  for (const key of wanted.map((i) => searchKey(i.record.text!))) where.set(key, new Set());
  for (const id of workspace.ids) {
    const entry = await workspace.entry(id);
    if (!entry.ok) continue;
    for (const p of entry.article.paragraphs) where.get(searchKey(p.text))?.add(entry.path);
  }
  const lost: { item: Item; reason: MatchReason }[] = [];
  for (const item of wanted) {
    const paths = [...(where.get(searchKey(item.record.text!)) ?? [])];
    if (paths.length === 1) item.record.article = paths[0]!;
    else if (paths.length === 0) lost.push({ item, reason: { code: 'match-in-no-article' } });
    else lost.push({ item, reason: { code: 'match-in-many-articles', count: paths.length, paths: paths.slice(0, 3) } });
  }
  return lost;
}

/** annotator → article → records, in file order. */
function groupRecords(file: string, items: readonly Item[], annotator: string | undefined): Map<string, Map<string, Item[]>> {
  targetLayers(file, items.map((i) => i.record), annotator);
  const groups = new Map<string, Map<string, Item[]>>();
  for (const item of items) {
    const name = annotator ?? item.record.annotator;
    let byArticle = groups.get(name);
    if (!byArticle) groups.set(name, (byArticle = new Map()));
    // Appended in place: copying the article's list for every record made 40k records take 55 s.
    const list = byArticle.get(item.record.article!);
    if (list) list.push(item);
    else byArticle.set(item.record.article!, [item]);
  }
  return groups;
}

async function importArticle(env: ImportEnv, content: ExportFileContent, annotator: string, path: string, items: Item[], summary: ImportLayerSummary, unmatched: ImportUnmatched[]): Promise<boolean> {
  const placements = await place(env, content, path, items);
  const target = annotationFilePath(env.workspace.root, annotator, path);
  // The app's own writer: the same bytes, one line per decision, whoever saves the file.
  const file = layerFile(env.workspace.root, annotator, path, env.onRecover ?? (() => {}));
  const before = await file.read();
  const layer: AnnotationFile = structuredClone(before) ?? emptyAnnotationFile(path, annotator);
  let newest: string | null = null;
  // Orphans kept by an earlier import of these records, looked up by key (not a scan per record).
  const keptOrphans = new Set(layer.orphans.map(orphanKey));
  items.forEach((item, i) => {
    const { record } = item;
    const placement = placements.placements[i]!;
    const entry = toEntry(record, placement.kind === 'unmatched' ? (record.paragraph ?? 0) : placement.index);
    if (newest === null || isLater(entry.updated_at, newest)) newest = entry.updated_at;
    if (placement.kind === 'unmatched') {
      summary.unmatched += 1;
      unmatched.push(unmatchedOf(content, item, path, placement.reason));
      // Already kept from an earlier import of this record: leave it (and its reason) as it is.
      const id = record.paragraph_id ?? (record.text !== undefined ? paragraphIdFor(record.text, 1) : `paragraph-${record.paragraph ?? 0}`);
      const orphan = { paragraph_id: id, entry, orphaned_at: entry.updated_at, reason: `import: ${englishText(placement.reason)}` };
      if (keptOrphans.has(orphanKey(orphan))) return;
      keptOrphans.add(orphanKey(orphan));
      layer.orphans.push(orphan);
      return;
    }
    if (placement.kind === 'text' || placement.kind === 'similar') summary.byText += 1;
    if (placement.kind === 'position') summary.byPosition += 1;
    summary.matched += 1;
    const existing = layer.paragraphs[placement.id];
    if (existing && isLater(existing.updated_at, entry.updated_at)) {
      summary.keptNewer += 1;
      return;
    }
    layer.paragraphs[placement.id] = placement.kind === 'similar' ? { ...entry, recheck: 'imported onto an edited paragraph' } : entry;
  });
  applyStatus(layer, before, items.map((i) => i.record), newest);
  if (placements.sha) layer.source_sha256 = placements.sha;
  if (before && JSON.stringify(before) === JSON.stringify(layer)) return false;
  if (env.dryRun) return true;
  await makeFolders(env.workspace.root, dirname(target));
  await file.write(annotationFileSchema.parse(layer));
  return true;
}

function orphanKey(orphan: { paragraph_id: string; entry: { updated_at: string } }): string {
  return `${orphan.paragraph_id}\u0000${orphan.entry.updated_at}`;
}

/** Where each record goes in the article as it is now. */
async function place(env: ImportEnv, content: ExportFileContent, path: string, items: readonly Item[]): Promise<{ placements: RecordPlacement[]; sha: string | null }> {
  const id = articleIdFor(path);
  const missing = (reason: MatchReason) => ({ placements: items.map((): RecordPlacement => ({ kind: 'unmatched', reason })), sha: null });
  if (env.workspace.pathOf(id) !== path) return missing({ code: 'match-no-article', article: path });
  const entry = await env.workspace.entry(id);
  if (!entry.ok) return missing({ code: 'match-unreadable', problem: entry.said });
  const here = [...entry.article.text];
  const there = content.texts.get(path);
  const therePoints = there === undefined ? null : [...there];
  const records = items.map(({ record: r }) => ({
    paragraph_id: r.paragraph_id,
    paragraph: r.paragraph,
    text: r.text,
    anchor: r.text === undefined ? undefined : { exact: r.text, ...(therePoints && r.start !== undefined && r.end !== undefined ? contextAt(therePoints, r.start, r.end) : { prefix: '', suffix: '' }) },
  }));
  const paragraphs = entry.article.paragraphs.map((p) => ({ id: p.id, index: p.index, anchor: { exact: p.text, ...contextAt(here, p.start, p.end) } }));
  const sha = await sourceSha256(env.workspace.root, path).catch(() => null);
  return { placements: placeRecords(path, records, paragraphs), sha };
}

/** The layer takes the file's status and timestamps unless the workspace's layer is newer. */
function applyStatus(layer: AnnotationFile, before: AnnotationFile | null, records: readonly ImportRecord[], newest: string | null): void {
  if (before && isLater(before.updated_at, newest)) return;
  const done = records.find((r) => r.status === 'done');
  layer.status = done ? 'done' : 'in_progress';
  if (done?.done_at) layer.done_at = done.done_at;
  else if (!done) delete layer.done_at;
  layer.updated_at = latestOf([newest, ...Object.values(layer.paragraphs).map((e) => e.updated_at)]) ?? layer.updated_at;
}
