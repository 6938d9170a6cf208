/**
 * The learned models of the keystroke eval's `--learned` mode (test/bench/eval-keys.ts): the
 * reference layer's articles dealt into k folds by a seeded hash of their path, as the learned
 * suggester's cross-validation deals them (core/learn/evaluate.ts `foldPlan`), and one model per
 * fold trained (core/learn/model.ts, the seed given) on the reference decisions of every OTHER
 * article only. An article is scored by its fold's model: never by a model that saw it.
 *
 * The model reaches the app as the app keeps one: written to the user data folder with the
 * learner's own file code (node/learn/model-file.ts), where the learned suggester takes it when
 * the workspace opens.
 */
import { unlink } from 'node:fs/promises';
import type { LearnInput } from '../../../src-main/core/learn/dataset';
import { buildDataset } from '../../../src-main/core/learn/dataset';
import { foldPlan } from '../../../src-main/core/learn/evaluate';
import { trainModel, type Trained } from '../../../src-main/core/learn/model';
import { decisionOf, type DecisionLayer } from '../../../src-main/core/decisions';
import { GOLD_ANNOTATOR, type LabelMode } from '../../../src-main/shared/labels';

import { modelPath, orderPath, saveModel } from '../../../src-main/node/learn/model-file';
import { readLearnInput } from '../../../src-main/node/learn/workspace-data';
import { Workspace } from '../../../src-main/node/workspace/workspace';

export interface FoldModel {
  /** The articles this model scores (paths). */
  test: string[];
  /** The articles whose reference decisions it was trained on (paths); none of `test`. */
  train: string[];
  trained: Trained;
}

export interface FoldModels {
  root: string;
  /** Each scored article's fold (an index into `models`); absent: no model scores it. */
  foldOf: Map<string, number>;
  models: FoldModel[];
}

/**
 * The layer as an editor in `mode` decides it: single-label, each paragraph's first label in
 * schema order (the eval's answer, simulated-editor.ts), so the model learns what a single-label
 * team would have decided, not the labels this mode never sets.
 */
function asMode(layer: DecisionLayer, labels: readonly string[], mode: LabelMode): DecisionLayer {
  if (mode === 'multi') return layer;
  const paragraphs = Object.fromEntries(Object.entries(layer.paragraphs).map(([id, entry]) => [id, entry && { ...entry, labels: labels.filter((l) => entry.labels.includes(l)).slice(0, 1) }]));
  return { ...layer, paragraphs };
}

/**
 * The fold models of a workspace against one layer, read before the layer is taken out. With
 * `trainArticles`, each fold learns from that many of its training articles only, the first in
 * the seeded order the learning curve takes them (a team that labelled that many).
 */
export async function foldModels(dir: string, labels: readonly string[], against: string, mode: LabelMode, folds: number, seed: number, trainArticles?: number): Promise<FoldModels> {
  const workspace = await Workspace.open(dir);
  const all = await readLearnInput(workspace, labels);
  const truth = new Map([...(all.byLayer.get(against) ?? new Map<string, DecisionLayer>())].map(([path, layer]) => [path, asMode(layer, labels, mode)]));
  // Only the reference layer teaches: the eval's editor starts from nothing else.
  const input: LearnInput = {
    articles: all.articles,
    labels,
    layers: new Map([...truth].map(([path, layer]) => [path, against === GOLD_ANNOTATOR ? { gold: layer, editors: [] } : { gold: null, editors: [layer] }])),
  };
  const data = buildDataset(input);
  const byPath = new Map(all.articles.map((a) => [a.path, a]));
  const scored = data.articles.flatMap((path, a) => (byPath.get(path)!.paragraphs.some((p) => decisionOf(truth.get(path) ?? null, p.id) !== undefined) ? [a] : []));
  const k = Math.min(folds, scored.length);
  const out: FoldModels = { root: workspace.root, foldOf: new Map(), models: [] };
  if (k < 2) return out;
  const examplesOf = (articles: readonly number[]) => {
    const wanted = new Set(articles);
    return Int32Array.from(Array.from(data.examples.article).flatMap((a, e) => (wanted.has(a) ? [e] : [])));
  };
  foldPlan(data.articles, scored, k, seed).forEach(({ test, train: pool }, f) => {
    const train = trainArticles === undefined ? pool : pool.slice(0, trainArticles);
    const trained = trainModel(data, { seed, use: examplesOf(train) });
    out.models.push({ test: test.map((a) => data.articles[a]!), train: train.map((a) => data.articles[a]!), trained });
    for (const a of test) out.foldOf.set(data.articles[a]!, f);
  });
  return out;
}

/** No model kept: an article no fold scores gets no learned suggestion. */
export async function keepNoModel(userData: string, models: FoldModels): Promise<void> {
  const file = modelPath(userData, models.root);
  await unlink(orderPath(file)).catch(() => undefined);
  await unlink(file).catch(() => undefined);
}

/** Keeps fold `f`'s model in user data as the app keeps its model; with no label learned, none is kept. */
export async function keepFoldModel(models: FoldModels, f: number, userData: string, seed: number): Promise<void> {
  const { trained } = models.models[f]!;
  await keepNoModel(userData, models);
  if (trained.labels.length === 0) return;
  const file = modelPath(userData, models.root);
  const header = { workspace: models.root, fingerprint: `eval-keys fold ${f}`, trainedAt: new Date(0).toISOString(), seed, examples: trained.examples, articles: trained.articles, folds: trained.folds, labels: trained.labels, skipped: trained.skipped };
  await saveModel(file, header, trained);
}
