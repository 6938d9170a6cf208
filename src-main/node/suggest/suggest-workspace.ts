/**
 * Suggestions for a whole workspace: read every readable article (Workspace.entries()), count
 * lines across them, run the enabled suggesters and the workspace's model layers, keep what
 * reaches each label's threshold. `suggestWorkspace` is what `pilcrow suggest` prints and what
 * the bench times.
 */
import type { PredictionLayers } from '../../core/suggest/predictions';
import { featureIndexes } from '../../core/learn/features';
import { LEARNED_SUGGESTER, suggestionsById, type ScoringModel } from '../../core/learn/score';
import { mergeAgreeing } from '../../core/suggest/agree';
import { suggestArticle, repetitionIndexOf, settingsByName, type ArticleSuggestions } from '../../core/suggest/suggest';
import { reasonText } from '../../core/suggest/reasons';
import { isEnabled, thresholdOf, type SuggestSettings } from '../../core/suggest/types';
import { WorkspaceSchemaStore } from '../workspace-schema/schema-store';
import { labelNaming } from '../../core/label-schema';
import type { Workspace } from '../workspace/workspace';
import { gatherArticles, type GatheredArticle } from './gather';
import { loadPredictions, workspacePredictionFiles } from './predictions-file';
import { SuggestSettingsStore } from './settings-store';

/** One suggestion as `pilcrow suggest --json` prints it (docs/suggestions.md). */
export interface SuggestionRow {
  article: string;
  paragraph: number;
  paragraph_id: string;
  label: string;
  score: number;
  suggester: string;
  reason: string;
}

export interface WorkspaceSuggestOptions {
  /** Defaults to the workspace's `.pilcrow/suggest.json`. */
  settings?: SuggestSettings;
  /** Extra prediction files, besides the workspace's `.pilcrow/predictions/*.jsonl`. */
  predictionFiles?: readonly string[];
  /** Label names; defaults to the workspace's label schema. */
  labels?: readonly string[];
  /** Only this article's suggestions (the whole workspace is still read for repetition). */
  articlePath?: string;
  /** Keep suggestions under the thresholds too (for measuring). */
  unfiltered?: boolean;
  /** The workspace's learned model (node/learn/cli-model.ts): its suggestions join the rules'. */
  learned?: ScoringModel;
}

export interface WorkspaceSuggestions {
  articles: GatheredArticle[];
  /** By article path. */
  byArticle: Map<string, ArticleSuggestions>;
  /** Model layers loaded (`model:<name>`). */
  layers: string[];
  /** Prediction records that did not match, and unreadable prediction files. */
  problems: string[];
  /** Articles that could not be read. */
  skipped: { path: string; reason: string }[];
}

export class UnknownArticleError extends Error {}

export async function workspaceLabels(workspace: Workspace): Promise<string[]> {
  return (await WorkspaceSchemaStore.open(workspace.root, workspace.onRecover)).schema.labels.map((l) => l.name);
}

export async function suggestWorkspace(workspace: Workspace, options: WorkspaceSuggestOptions = {}): Promise<WorkspaceSuggestions> {
  const schema = (await WorkspaceSchemaStore.open(workspace.root, workspace.onRecover)).schema;
  const naming = labelNaming(schema);
  const settings = options.settings ?? settingsByName(await new SuggestSettingsStore(workspace.root, workspace.onRecover).read(), naming);
  const labels = options.labels ?? schema.labels.map((l) => l.name);
  const { articles, skipped } = await gatherArticles(workspace);
  const chosen = options.articlePath === undefined ? articles : articles.filter((a) => a.path === options.articlePath);
  if (options.articlePath !== undefined && chosen.length === 0) {
    const why = skipped.find((s) => s.path === options.articlePath)?.reason;
    throw new UnknownArticleError(why ?? `no article "${options.articlePath}" in ${workspace.root}; give its workspace-relative path, as in fa/news-1.txt`);
  }
  const files = [...(await workspacePredictionFiles(workspace.root)), ...(options.predictionFiles ?? [])];
  const models: PredictionLayers = await loadPredictions(workspace.root, files, articles, labels);
  const indexes = options.learned ? featureIndexes(articles) : null;
  const index = indexes?.workspace ?? repetitionIndexOf(articles);
  const floor = options.unfiltered ? 0 : Math.min(...labels.map((l) => thresholdOf(settings, l)));
  const byArticle = new Map<string, ArticleSuggestions>();
  for (const a of chosen) {
    // Cold: the command knows no editor's neighbouring decisions.
    const learned = indexes && options.learned && isEnabled(settings, LEARNED_SUGGESTER) ? new Map([[a.path, suggestionsById(options.learned, a, indexes, { floor })]]) : undefined;
    byArticle.set(a.path, suggestArticle(a, index, { settings, naming, models: models.suggestions, unfiltered: options.unfiltered ?? false, ...(learned ? { learned } : {}) }));
  }
  return { articles: chosen, byArticle, layers: models.layers, problems: models.problems.map((p) => p.message), skipped };
}

/**
 * The flat rows of `pilcrow suggest --json`, in article then paragraph order, best score first;
 * a label the learned model and another suggester agree on is one row (core/suggest/agree.ts).
 */
export function suggestionRows(result: WorkspaceSuggestions): SuggestionRow[] {
  const rows: SuggestionRow[] = [];
  for (const a of result.articles) {
    const found = result.byArticle.get(a.path) ?? {};
    for (const p of a.paragraphs) {
      for (const s of mergeAgreeing(found[p.id] ?? [])) rows.push({ article: a.path, paragraph: p.index, paragraph_id: p.id, label: s.label, score: s.score, suggester: s.suggester, reason: reasonText(s.reason) });
    }
  }
  return rows;
}
