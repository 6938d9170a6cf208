/**
 * Suggestions for a whole workspace: read every readable article (Workspace.entries()), count
 * lines across them, run the enabled suggesters and the workspace's model layers, keep what
 * reaches each label's threshold. `suggestWorkspace` is what `pilcrow suggest` prints and what
 * the bench times.
 */
import type { PredictionLayers } from '../../core/suggest/predictions';
import { suggestArticle, repetitionIndexOf, type ArticleSuggestions } from '../../core/suggest/suggest';
import { reasonText } from '../../core/suggest/reasons';
import type { SuggestSettings } from '../../core/suggest/types';
import { WorkspaceSchemaStore } from '../workspace-schema/schema-store';
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
  const settings = options.settings ?? (await new SuggestSettingsStore(workspace.root, workspace.onRecover).read());
  const labels = options.labels ?? (await workspaceLabels(workspace));
  const { articles, skipped } = await gatherArticles(workspace);
  const chosen = options.articlePath === undefined ? articles : articles.filter((a) => a.path === options.articlePath);
  if (options.articlePath !== undefined && chosen.length === 0) {
    const why = skipped.find((s) => s.path === options.articlePath)?.reason;
    throw new UnknownArticleError(why ?? `no article "${options.articlePath}" in ${workspace.root}; give its workspace-relative path, as in fa/news-1.txt`);
  }
  const files = [...(await workspacePredictionFiles(workspace.root)), ...(options.predictionFiles ?? [])];
  const models: PredictionLayers = await loadPredictions(workspace.root, files, articles, labels);
  const index = repetitionIndexOf(articles);
  const byArticle = new Map<string, ArticleSuggestions>();
  for (const a of chosen) byArticle.set(a.path, suggestArticle(a, index, { settings, models: models.suggestions, unfiltered: options.unfiltered ?? false }));
  return { articles: chosen, byArticle, layers: models.layers, problems: models.problems.map((p) => p.message), skipped };
}

/** The flat rows of `pilcrow suggest --json`, in article then paragraph order, best score first. */
export function suggestionRows(result: WorkspaceSuggestions): SuggestionRow[] {
  const rows: SuggestionRow[] = [];
  for (const a of result.articles) {
    const found = result.byArticle.get(a.path) ?? {};
    for (const p of a.paragraphs) {
      for (const s of found[p.id] ?? []) rows.push({ article: a.path, paragraph: p.index, paragraph_id: p.id, label: s.label, score: s.score, suggester: s.suggester, reason: reasonText(s.reason) });
    }
  }
  return rows;
}
