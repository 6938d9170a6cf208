/**
 * Running the suggesters: pure, so the app, the CLI and the bench share it. `suggestArticles`
 * takes a whole workspace's paragraphs (the repetition suggester needs all of them);
 * `suggestArticle` one article against an index built beforehand.
 */
import { suggestAd } from './ad-cues';
import { suggestClaim } from './claim-cues';
import { suggestFromPage } from './page-structure';
import { isOverCueLimit } from './cue-limit';
import { articleCues, paragraphContexts, type ArticleCues } from './context';
import type { SuggestionsByArticle } from './predictions';
import { suggestQuote } from './quote-cues';
import { suggestBoilerplate } from './repeated';
import { lineKey, RepetitionIndex, type LineCounts } from './repetition';
import { isEnabled, thresholdOf, type SuggestArticle, type SuggestSettings, type Suggestion } from './types';
import type { RuleCalibration } from './calibrate';
import type { LabelNaming } from '../label-schema';

export interface SuggestOptions {
  settings: SuggestSettings;
  /** Imported model layers (predictions.ts), by article path then paragraph id. */
  models?: SuggestionsByArticle;
  /** The workspace's learned suggester's suggestions (core/learn), by article path then paragraph id. */
  learned?: SuggestionsByArticle;
  /** Keep suggestions under their label's threshold too (for measuring, never for editors). */
  unfiltered?: boolean;
  /** The rules' scores as measured on the workspace's decisions (calibrate.ts); thresholds apply to these. */
  calibration?: RuleCalibration;
  /**
   * The schema's naming (core/label-schema.ts): built-in suggesters speak of label ids, models
   * of names that a rename may have changed since; every suggestion leaves with the label's name
   * now, and `settings.thresholds` are by that name (thresholdsByName).
   */
  naming?: LabelNaming;
  /** The longest paragraph the cues read (cue-limit.ts); tests raise it to hold the cues to linear time. */
  cueLimit?: number;
}

/** Suggestions of one article, by paragraph id; paragraphs without any are left out. */
export type ArticleSuggestions = Record<string, Suggestion[]>;

export function suggestArticle(article: SuggestArticle, index: LineCounts, options: SuggestOptions, cues: ArticleCues = articleCues(article, options.cueLimit)): ArticleSuggestions {
  const { settings, naming } = options;
  const on = {
    repeated: isEnabled(settings, 'repeated'),
    ad: isEnabled(settings, 'ad-cues'),
    quote: isEnabled(settings, 'quote-cues'),
    claim: isEnabled(settings, 'claim-cues'),
    page: isEnabled(settings, 'page-structure'),
  };
  const title = article.paragraphs[0]?.text ?? '';
  const models = options.models?.get(article.path);
  const learned = options.learned?.get(article.path);
  const out: ArticleSuggestions = {};
  // One array per paragraph, filled in the order the rules, models and learned suggester speak
  // (a stable sort keeps that order among equal scores): this runs on every paragraph of a page.
  const keep = (found: Suggestion[], s: Suggestion) => {
    const scored = options.calibration ? options.calibration.apply(s) : s;
    if (options.unfiltered === true || scored.score >= thresholdOf(settings, scored.label)) found.push(scored);
  };
  const rule = (found: Suggestion[], s: Suggestion | null) => {
    if (s !== null) keep(found, naming ? { ...s, label: naming.nameOfId(s.label) } : s);
  };
  const other = (found: Suggestion[], list: readonly Suggestion[] | undefined) => {
    if (list === undefined) return;
    for (const s of list) if (isEnabled(settings, s.suggester)) keep(found, naming ? { ...s, label: naming.nameOf(s.label) } : s);
  };
  for (const p of paragraphContexts(article, cues, index)) {
    const id = article.paragraphs[p.index]!.id;
    // Over the cue limit the text is not read (cue-limit.ts): only what does not read it speaks.
    const cued = !isOverCueLimit(p.text, options.cueLimit);
    const found: Suggestion[] = [];
    if (on.repeated && cued) rule(found, suggestBoilerplate(p, title, article.evidence?.[p.index]));
    if (on.ad && cued) rule(found, suggestAd(p));
    if (on.quote && cued) rule(found, suggestQuote(p));
    if (on.claim && cued) rule(found, suggestClaim(p));
    if (on.page) rule(found, suggestFromPage(article.evidence?.[p.index]));
    other(found, models?.get(id));
    if (cued) other(found, learned?.get(id));
    if (found.length > 0) out[id] = found.length > 1 ? found.sort((a, b) => b.score - a.score) : found;
  }
  return out;
}

/** The repetition index of a set of articles (keys by article path). */
export function repetitionIndexOf(articles: readonly SuggestArticle[]): RepetitionIndex {
  const index = new RepetitionIndex();
  for (const a of articles) index.set(a.path, a.paragraphs.map((p) => lineKey(p.text)));
  return index;
}

/**
 * Every article's suggestions: one pass to count lines across the workspace, one to suggest.
 * Cues are computed again in the second pass rather than kept, so memory stays flat on 10k articles.
 */
export function suggestArticles(articles: readonly SuggestArticle[], options: SuggestOptions): Map<string, ArticleSuggestions> {
  const index = repetitionIndexOf(articles);
  return new Map(articles.map((a) => [a.path, suggestArticle(a, index, options)]));
}

/**
 * `suggest.json` keeps each threshold under its label's id, so a rename keeps it; the app and the
 * CLI work with names. An id the schema does not know stays as it is.
 */
export function settingsByName(settings: SuggestSettings, naming: LabelNaming): SuggestSettings {
  return { ...settings, thresholds: Object.fromEntries(Object.entries(settings.thresholds).map(([id, value]) => [naming.nameOfId(id), value])) };
}

/** Thresholds an editor set by label name, as `suggest.json` keeps them (by id). */
export function thresholdsById(thresholds: Readonly<Record<string, number>>, naming: LabelNaming): Record<string, number> {
  return Object.fromEntries(Object.entries(thresholds).map(([name, value]) => [naming.idOf(name), value]));
}
