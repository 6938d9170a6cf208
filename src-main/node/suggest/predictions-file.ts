/**
 * Model predictions on disk: a JSONL file given on the command line, and every
 * `<workspace>/.pilcrow/predictions/*.jsonl`, which the app shows as suggestion layers
 * (docs/suggestions.md). Every problem names the file and the line.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { emptyLayers, mergeLayers, parsePredictions, predictionLayers, type PredictionLayers } from '../../core/suggest/predictions';
import type { SuggestArticle } from '../../core/suggest/types';
import { PILCROW_DIR } from '../annotations/paths';

export function predictionsDir(root: string): string {
  return join(root, PILCROW_DIR, 'predictions');
}

/** Prediction files kept in the workspace, sorted. */
export async function workspacePredictionFiles(root: string): Promise<string[]> {
  const entries = await readdir(predictionsDir(root), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.jsonl$/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(predictionsDir(root), e.name))
    .sort();
}

/** Reads and matches prediction files; a file that cannot be read is a problem, not a throw. */
export async function loadPredictions(files: readonly string[], articles: readonly SuggestArticle[], labels: readonly string[]): Promise<PredictionLayers> {
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const all = emptyLayers();
  for (const file of files) {
    const name = basename(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      all.problems.push({ line: 0, message: `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the path.` });
      continue;
    }
    const parsed = parsePredictions(text.replace(/^\uFEFF/, ''), name);
    const layers = predictionLayers(parsed.records, byPath, labels);
    layers.problems = [...parsed.problems, ...layers.problems].sort((a, b) => a.line - b.line).map((p) => ({ ...p, message: `${name} ${p.message}` }));
    mergeLayers(all, layers);
  }
  return all;
}
