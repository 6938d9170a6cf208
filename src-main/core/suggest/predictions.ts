/**
 * Imported model predictions: JSON Lines of `{"article", "paragraph" | "paragraph_id", "labels",
 * "score"?, "model"?}`, one paragraph a line (docs/suggestions.md). Each model becomes a suggestion
 * layer named `model:<name>`, the name from the record's `model` field or else the file's name.
 * A line that is not a record, or names an article, paragraph or label the workspace does not
 * have, is reported with its line number: nothing is dropped silently.
 */
import { MODEL_PREFIX, type Suggestion, type SuggestArticle } from './types';
import type { SuggestionReason } from './reasons';

export interface PredictionRecord {
  line: number;
  model: string;
  article: string;
  paragraph?: number;
  paragraphId?: string;
  labels: string[];
  score: number;
}

export interface PredictionProblem {
  line: number;
  message: string;
}

/** Suggestions by article path, then paragraph id. */
export type SuggestionsByArticle = Map<string, Map<string, Suggestion[]>>;

export interface PredictionLayers {
  /** Layer names (`model:<name>`) in the order first seen. */
  layers: string[];
  suggestions: SuggestionsByArticle;
  problems: PredictionProblem[];
  /** Records that found their paragraph. */
  matched: number;
}

/** A model name is kept to letters, digits, `.`, `_` and `-`, so it reads well as a suggester name. */
export function modelNameOf(name: string): string {
  return name.replace(/\.jsonl?$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 64) || 'model';
}

function recordOf(value: unknown, line: number, fallbackModel: string): PredictionRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.article !== 'string' || v.article === '') return 'has no "article" (the article\'s workspace-relative path)';
  const hasIndex = v.paragraph !== undefined;
  if (hasIndex && (typeof v.paragraph !== 'number' || !Number.isInteger(v.paragraph) || v.paragraph < 0)) return '"paragraph" must be a 0-based paragraph index';
  if (v.paragraph_id !== undefined && typeof v.paragraph_id !== 'string') return '"paragraph_id" must be a string such as "p0qni9cksk3d"';
  if (!hasIndex && v.paragraph_id === undefined) return 'names no paragraph: give "paragraph" (index) or "paragraph_id"';
  if (!Array.isArray(v.labels) || v.labels.some((l) => typeof l !== 'string')) return '"labels" must be a list of label names';
  if (v.score !== undefined && (typeof v.score !== 'number' || !(v.score >= 0 && v.score <= 1))) return '"score" must be a number from 0 to 1';
  if (v.model !== undefined && (typeof v.model !== 'string' || v.model.trim() === '')) return '"model" must be a non-empty string';
  return {
    line,
    model: modelNameOf(typeof v.model === 'string' ? v.model : fallbackModel),
    article: v.article,
    ...(hasIndex ? { paragraph: v.paragraph as number } : {}),
    ...(typeof v.paragraph_id === 'string' ? { paragraphId: v.paragraph_id } : {}),
    labels: v.labels as string[],
    // A model that gives no score asserted the labels outright.
    score: typeof v.score === 'number' ? v.score : 1,
  };
}

/** Parses JSONL text; `fileName` names the model for records without a `model` field. */
export function parsePredictions(text: string, fileName: string): { records: PredictionRecord[]; problems: PredictionProblem[] } {
  const records: PredictionRecord[] = [];
  const problems: PredictionProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: `line ${line} is not valid JSON` });
      return;
    }
    const record = recordOf(value, line, fileName);
    if (typeof record === 'string') problems.push({ line, message: `line ${line} ${record}` });
    else records.push(record);
  });
  return { records, problems };
}

/** Matches records to the workspace's paragraphs; `labels` are the workspace's label names. */
export function predictionLayers(records: readonly PredictionRecord[], articles: ReadonlyMap<string, SuggestArticle>, labels: readonly string[]): PredictionLayers {
  const out: PredictionLayers = { layers: [], suggestions: new Map(), problems: [], matched: 0 };
  const known = new Set(labels);
  for (const r of records) {
    const problem = (message: string) => out.problems.push({ line: r.line, message: `line ${r.line}: ${message}` });
    const article = articles.get(r.article);
    if (!article) {
      problem(`no article "${r.article}" in the workspace (paths are workspace-relative, with /)`);
      continue;
    }
    const byIndex = r.paragraph === undefined ? undefined : article.paragraphs[r.paragraph];
    const byId = r.paragraphId === undefined ? undefined : article.paragraphs.find((p) => p.id === r.paragraphId);
    if (r.paragraph !== undefined && !byIndex) {
      problem(`${r.article} has ${article.paragraphs.length} paragraphs; there is no paragraph ${r.paragraph}`);
      continue;
    }
    if (r.paragraphId !== undefined && !byId) {
      problem(`${r.article} has no paragraph ${r.paragraphId}; the file may have changed since the model ran`);
      continue;
    }
    if (byIndex && byId && byIndex !== byId) {
      problem(`paragraph ${r.paragraph} of ${r.article} is ${byIndex.id}, not ${r.paragraphId}; the file may have changed since the model ran`);
      continue;
    }
    const paragraph = (byId ?? byIndex)!;
    const unknown = r.labels.filter((l) => !known.has(l));
    if (unknown.length > 0) problem(`"${unknown.join('", "')}" is not a label of this workspace; kept out of the suggestions`);
    const suggester = `${MODEL_PREFIX}${r.model}`;
    if (!out.layers.includes(suggester)) out.layers.push(suggester);
    out.matched += 1;
    const byParagraph = out.suggestions.get(article.path) ?? new Map<string, Suggestion[]>();
    out.suggestions.set(article.path, byParagraph);
    const list = byParagraph.get(paragraph.id) ?? [];
    byParagraph.set(paragraph.id, list);
    for (const label of r.labels.filter((l) => known.has(l))) {
      const reason: SuggestionReason = { code: 'model', model: r.model, score: r.score };
      const twin = list.find((s) => s.suggester === suggester && s.label === label);
      if (twin) {
        problem(`repeats "${label}" for paragraph ${paragraph.index} of ${r.article}; the higher score is kept`);
        if (r.score > twin.score) Object.assign(twin, { score: r.score, reason });
      } else list.push({ label, score: r.score, suggester, reason });
    }
  }
  return out;
}

/** Adds `from`'s layers into `into` (several files, or a model split across files). */
export function mergeLayers(into: PredictionLayers, from: PredictionLayers): PredictionLayers {
  for (const layer of from.layers) if (!into.layers.includes(layer)) into.layers.push(layer);
  for (const [article, byParagraph] of from.suggestions) {
    const target = into.suggestions.get(article) ?? new Map<string, Suggestion[]>();
    into.suggestions.set(article, target);
    for (const [id, list] of byParagraph) {
      const existing = target.get(id) ?? [];
      for (const s of list) {
        const twin = existing.find((e) => e.suggester === s.suggester && e.label === s.label);
        if (!twin) existing.push(s);
        else if (s.score > twin.score) Object.assign(twin, s);
      }
      target.set(id, existing);
    }
  }
  // One at a time: spreading 100,000 problems into push() overflows the call stack.
  for (const problem of from.problems) into.problems.push(problem);
  into.matched += from.matched;
  return into;
}

export function emptyLayers(): PredictionLayers {
  return { layers: [], suggestions: new Map(), problems: [], matched: 0 };
}
