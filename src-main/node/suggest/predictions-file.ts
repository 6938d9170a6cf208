/**
 * Model predictions on disk: a JSONL file given on the command line, and every
 * `<workspace>/.pilcrow/predictions/*.jsonl`, which the app shows as suggestion layers
 * (docs/suggestions.md). Every problem names the file and the line.
 */
import { basename, join } from 'node:path';
import { emptyLayers, mergeLayers, parsePredictions, predictionLayers, type PredictionLayers } from '../../core/suggest/predictions';
import type { SuggestArticle } from '../../core/suggest/types';
import { PILCROW_DIR } from '../annotations/paths';
import { listConfined, PREDICTIONS_LIMIT, readChosenFile, readConfined, RefusedFileError } from '../storage';
import { isInside } from '../workspace/confine';

export function predictionsDir(root: string): string {
  return join(root, PILCROW_DIR, 'predictions');
}

/**
 * Prediction files kept in the workspace, sorted; links and special files with a .jsonl name
 * are listed too, so reading them reports what they are. A linked predictions folder has none
 * (and is reported when a file in it is read: see loadPredictions).
 */
export async function workspacePredictionFiles(root: string): Promise<string[]> {
  const dir = predictionsDir(root);
  const entries = await listConfined(root, dir).catch((error: unknown) => (error instanceof RefusedFileError ? null : []));
  // A linked folder is listed as itself: reading it names the link (never followed).
  if (entries === null) return [dir];
  return entries
    .filter((e) => e.kind !== 'folder' && /\.jsonl$/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(dir, e.name))
    .sort();
}

/**
 * Reads and matches prediction files; a file that cannot be read is a problem, not a throw.
 * Files inside the workspace (`root`) are a teammate's: no link followed; others were named on
 * the command line. Every one has a size limit.
 */
export async function loadPredictions(root: string, files: readonly string[], articles: readonly SuggestArticle[], labels: readonly string[]): Promise<PredictionLayers> {
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const all = emptyLayers();
  for (const file of files) {
    const name = basename(file);
    let text: string;
    try {
      text = (await (isInside(root, file) ? readConfined(root, file, PREDICTIONS_LIMIT) : readChosenFile(file, PREDICTIONS_LIMIT))).toString('utf8');
    } catch (e) {
      const message = e instanceof RefusedFileError ? `${file} was not read: ${e.problem}.` : `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the path.`;
      all.problems.push({ line: 0, message });
      continue;
    }
    const parsed = parsePredictions(text.replace(/^\uFEFF/, ''), name);
    const layers = predictionLayers(parsed.records, byPath, labels);
    layers.problems = [...parsed.problems, ...layers.problems].sort((a, b) => a.line - b.line).map((p) => ({ ...p, message: `${name} ${p.message}` }));
    mergeLayers(all, layers);
  }
  return all;
}
