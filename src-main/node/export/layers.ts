/**
 * Which layers an export reads, checked up front so a typo fails with a message naming what
 * exists instead of an empty file, and each article's layers with the done-only filter applied.
 */
import type { Layer } from '../../core/export-records';
import { checkResolveSteps } from '../../core/resolve';
import type { ExportOptions } from '../../shared/contract/export';
import { GOLD_ANNOTATOR, type LabelDef } from '../../shared/labels';
import type { LayerReader } from '../annotations/store';
import { splitArticlePath } from '../workspace/article-path';
import { readArticleBytes } from '../workspace/read-article';

/** A choice that cannot be exported (unknown layer, label or step); the message says which. */
export class ExportChoiceError extends Error {
  override readonly name = 'ExportChoiceError';
}

export async function chooseLayers(reader: LayerReader, options: ExportOptions): Promise<string[]> {
  const present = await reader.annotators();
  const missing = options.layers.filter((l) => !present.includes(l));
  if (missing.length) throw new ExportChoiceError(`no layer named ${missing.map((m) => `"${m}"`).join(', ')} in this workspace; layers here: ${present.join(', ') || 'none yet'}`);
  const chosen = options.layers.length ? [...new Set(options.layers)] : present;
  // Resolving with gold needs the gold layer even when only annotators were listed.
  if (options.resolve.includes(GOLD_ANNOTATOR) && present.includes(GOLD_ANNOTATOR) && !chosen.includes(GOLD_ANNOTATOR)) chosen.push(GOLD_ANNOTATOR);
  const problem = checkResolveSteps(options.resolve, chosen);
  if (problem) throw new ExportChoiceError(problem);
  return chosen;
}

export function chooseLabels(schema: readonly LabelDef[], options: ExportOptions): string[] | null {
  if (!options.labels.length) return null;
  const names = schema.map((l) => l.name);
  const unknown = options.labels.filter((l) => !names.includes(l));
  if (unknown.length) throw new ExportChoiceError(`unknown label ${unknown.map((u) => `"${u}"`).join(', ')}; the labels are ${names.join(', ')}`);
  return [...new Set(options.labels)];
}

/** The chosen layers that have a file for the article; with done-only, gold and done layers only. */
export async function articleLayers(reader: LayerReader, chosen: readonly string[], path: string, doneOnly: boolean): Promise<Layer[]> {
  // Read together: on a busy disk the wait per file, not the bytes, is what an export spends.
  const files = await Promise.all(chosen.map((annotator) => reader.readLayer(annotator, path)));
  const layers: Layer[] = [];
  files.forEach((file, i) => {
    const annotator = chosen[i]!;
    if (!file || (doneOnly && annotator !== GOLD_ANNOTATOR && file.status !== 'done')) return;
    layers.push({ ...file, annotator });
  });
  return layers;
}

/** True when some layer decided something in the article (so it has records to export). */
export function hasDecisions(layers: readonly Layer[]): boolean {
  return layers.some((l) => l.status === 'done' || Object.keys(l.paragraphs).length > 0);
}

/**
 * SHA-256 of the article file's bytes. An article inside a container file (`file.jsonl#key`)
 * hashes its container.
 */
export async function sourceSha256(root: string, path: string): Promise<string> {
  // Read as an article is (no link out, no named pipe, the size limit); the article's own entry says what is wrong.
  return (await readArticleBytes(root, splitArticlePath(path).file)).sha256;
}
