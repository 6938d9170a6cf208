/**
 * `pilcrow suggest-eval`: the workspace's suggestions, as an editor would see them (at the
 * workspace's thresholds), measured against one annotator's layer or gold.
 */
import { decisionOf } from '../../core/decisions';
import { evaluateSuggestions, type EvalItem, type SuggestEvaluation } from '../../core/suggest/evaluate';
import { BUILTIN_SUGGESTER_NAMES, isEnabled, thresholdOf, type SuggestSettings } from '../../core/suggest/types';
import { LayerReader } from '../annotations/store';
import type { Workspace } from '../workspace/workspace';
import { SuggestSettingsStore } from './settings-store';
import { suggestWorkspace, workspaceLabels } from './suggest-workspace';

export interface WorkspaceEvaluation extends SuggestEvaluation {
  thresholds: Record<string, number>;
  problems: string[];
  skipped: { path: string; reason: string }[];
}

export class NoSuchLayerError extends Error {}

export async function evaluateWorkspace(
  workspace: Workspace,
  against: string,
  options: { settings?: SuggestSettings; predictionFiles?: readonly string[]; /** Score only these articles (paths). */ articles?: readonly string[] } = {},
): Promise<WorkspaceEvaluation> {
  const reader = new LayerReader(workspace.root, workspace.onRecover);
  const annotators = await reader.annotators();
  if (!annotators.includes(against)) {
    const have = annotators.length > 0 ? `layers here: ${annotators.join(', ')}` : 'this workspace has no labels yet';
    throw new NoSuchLayerError(`no layer named "${against}" in ${workspace.root} (${have})`);
  }
  const settings = options.settings ?? (await new SuggestSettingsStore(workspace.root, workspace.onRecover).read());
  const labels = await workspaceLabels(workspace);
  const result = await suggestWorkspace(workspace, { settings, labels, ...(options.predictionFiles ? { predictionFiles: options.predictionFiles } : {}) });
  const items: EvalItem[] = [];
  for (const article of result.articles) {
    if (options.articles && !options.articles.includes(article.path)) continue;
    const layer = await reader.readLayer(against, article.path);
    if (!layer) continue;
    const found = result.byArticle.get(article.path) ?? {};
    for (const p of article.paragraphs) {
      const truth = decisionOf(layer, p.id);
      if (truth !== undefined) items.push({ article: article.path, paragraphId: p.id, truth, suggestions: found[p.id] ?? [] });
    }
  }
  // page-structure reads saved web pages only: in a workspace without one it has nothing to measure.
  const pages = result.articles.some((a) => a.evidence !== undefined);
  const builtins = BUILTIN_SUGGESTER_NAMES.filter((s) => s !== 'page-structure' || pages);
  const suggesters = [...builtins, ...result.layers].filter((s) => isEnabled(settings, s));
  const thresholds = Object.fromEntries(labels.map((l) => [l, thresholdOf(settings, l)]));
  return { ...evaluateSuggestions(against, items, suggesters, labels), thresholds, problems: result.problems, skipped: result.skipped };
}
