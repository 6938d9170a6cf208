/**
 * Imports a teammate's export as their layer (issue 5 item 2, docs/export.md "Import"). Records
 * are placed by article and paragraph id, else by the re-anchoring selector (the paragraph's
 * text, core/reanchor.ts); a record that fits nowhere goes to the layer's `orphans` and is
 * reported, never dropped. A decision newer in the workspace than in the file is kept. Importing
 * the same file again changes no file: every value written comes from the file itself.
 */
import { dirname } from 'node:path';
import { reanchor, type Placement } from '../../core/reanchor';
import type { ImportLayerSummary, ImportResult } from '../../shared/contract/import';
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
}

export async function importExport(env: ImportEnv, file: string, content: ExportFileContent, annotator?: string): Promise<Omit<ImportResult, 'file' | 'format' | 'labelsAdded'>> {
  // An untouched paragraph's record (exported with --include-untouched) brings nothing to a layer.
  const groups = groupRecords(file, content.records.filter(carriesSomething), annotator);
  const result: Omit<ImportResult, 'file' | 'format' | 'labelsAdded'> = { records: content.records.length, layers: [], unmatched: [], unknownLabels: [] };
  const known = new Set(env.labelNames);
  const unknown = new Set<string>();
  for (const r of content.records) for (const l of r.labels ?? []) if (!known.has(l)) unknown.add(l);
  result.unknownLabels = [...unknown].sort();
  for (const [name, articles] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const summary: ImportLayerSummary = { annotator: name, articles: articles.size, matched: 0, byText: 0, unmatched: 0, keptNewer: 0, filesWritten: 0 };
    for (const [path, records] of articles) {
      const changed = await importArticle(env, content, name, path, records, summary, result.unmatched);
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

/** annotator → article → records, in file order. */
function groupRecords(file: string, records: readonly ImportRecord[], annotator: string | undefined): Map<string, Map<string, ImportRecord[]>> {
  targetLayers(file, records, annotator);
  const groups = new Map<string, Map<string, ImportRecord[]>>();
  for (const r of records) {
    const name = annotator ?? r.annotator;
    let byArticle = groups.get(name);
    if (!byArticle) groups.set(name, (byArticle = new Map()));
    // Appended in place: copying the article's list for every record made 40k records take 55 s.
    const list = byArticle.get(r.article);
    if (list) list.push(r);
    else byArticle.set(r.article, [r]);
  }
  return groups;
}

async function importArticle(
  env: ImportEnv,
  content: ExportFileContent,
  annotator: string,
  path: string,
  records: ImportRecord[],
  summary: ImportLayerSummary,
  unmatched: ImportResult['unmatched'],
): Promise<boolean> {
  const placements = await place(env, content, path, records);
  const target = annotationFilePath(env.workspace.root, annotator, path);
  // The app's own writer: the same bytes, one line per decision, whoever saves the file.
  const file = layerFile(env.workspace.root, annotator, path, env.onRecover ?? (() => {}));
  const before = await file.read();
  const layer: AnnotationFile = structuredClone(before) ?? emptyAnnotationFile(path, annotator);
  let newest: string | null = null;
  // Orphans kept by an earlier import of these records, looked up by key (not a scan per record).
  const keptOrphans = new Set(layer.orphans.map(orphanKey));
  records.forEach((record, i) => {
    const placement = placements.placements[i]!;
    const entry = toEntry(record, placement.kind === 'orphaned' ? record.paragraph : placement.index);
    if (newest === null || isLater(entry.updated_at, newest)) newest = entry.updated_at;
    if (placement.kind === 'orphaned') {
      const reason = `import: ${placement.reason}`;
      summary.unmatched += 1;
      unmatched.push({ article: path, paragraph: record.paragraph, paragraph_id: record.paragraph_id, reason: placement.reason });
      // Already kept from an earlier import of this record: leave it (and its reason) as it is.
      const orphan = { paragraph_id: record.paragraph_id, entry, orphaned_at: entry.updated_at, reason };
      if (keptOrphans.has(orphanKey(orphan))) return;
      keptOrphans.add(orphanKey(orphan));
      layer.orphans.push(orphan);
      return;
    }
    const id = placement.kind === 'reanchored' ? placement.to : placement.id;
    if (placement.kind === 'reanchored') summary.byText += 1;
    summary.matched += 1;
    const existing = layer.paragraphs[id];
    if (existing && isLater(existing.updated_at, entry.updated_at)) {
      summary.keptNewer += 1;
      return;
    }
    layer.paragraphs[id] = placement.kind === 'reanchored' ? { ...entry, recheck: 'imported onto an edited paragraph' } : entry;
  });
  applyStatus(layer, before, records, newest);
  if (placements.sha) layer.source_sha256 = placements.sha;
  if (before && JSON.stringify(before) === JSON.stringify(layer)) return false;
  await makeFolders(env.workspace.root, dirname(target));
  await file.write(annotationFileSchema.parse(layer));
  return true;
}

function orphanKey(orphan: { paragraph_id: string; entry: { updated_at: string } }): string {
  return `${orphan.paragraph_id}\u0000${orphan.entry.updated_at}`;
}

/** Where each record goes in the article as it is now. */
async function place(env: ImportEnv, content: ExportFileContent, path: string, records: ImportRecord[]): Promise<{ placements: Placement[]; sha: string | null }> {
  const id = articleIdFor(path);
  const missing = (reason: string) => ({ placements: records.map((r): Placement => ({ kind: 'orphaned', id: r.paragraph_id, reason })), sha: null });
  if (env.workspace.pathOf(id) !== path) return missing(`no article ${path} in this workspace`);
  const entry = await env.workspace.entry(id);
  if (!entry.ok) return missing(entry.error);
  const here = [...entry.article.text];
  const there = content.texts.get(path);
  const therePoints = there === undefined ? null : [...there];
  const decisions = records.map((r) => ({
    id: r.paragraph_id,
    index: r.paragraph,
    anchor: { exact: r.text, ...(therePoints && r.start !== undefined && r.end !== undefined ? contextAt(therePoints, r.start, r.end) : { prefix: '', suffix: '' }) },
  }));
  const paragraphs = entry.article.paragraphs.map((p) => ({ id: p.id, index: p.index, anchor: { exact: p.text, ...contextAt(here, p.start, p.end) } }));
  const sha = await sourceSha256(env.workspace.root, path).catch(() => null);
  return { placements: reanchor(decisions, paragraphs), sha };
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
