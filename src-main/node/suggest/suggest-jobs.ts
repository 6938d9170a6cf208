/**
 * One article's suggestions as a job for the suggester's worker thread (suggest-thread.ts): the
 * main process sends the article's text and the few counts it needs (its lines' repetition across
 * the workspace, the rules' calibration, the imported model's suggestions it already has, the
 * learned model to score it with), and the thread reads the cues and scores it. Plain data both
 * ways, so it crosses postMessage.
 */
import { RuleCalibration, type CalibrationCount } from '../../core/suggest/calibrate';
import { lineCountsOf, type LineCountsData } from '../../core/suggest/repetition';
import { suggestArticle, type ArticleSuggestions } from '../../core/suggest/suggest';
import { labelNaming, type NamingSource } from '../../core/label-schema';
import { learnedSuggestions, type LearnedScoring } from '../../core/learn/score-job';
import type { SuggestArticle, SuggestSettings, Suggestion } from '../../core/suggest/types';

export interface SuggestJob {
  article: SuggestArticle;
  lines: LineCountsData;
  settings: SuggestSettings;
  calibration?: { counts: readonly CalibrationCount[]; decided: number };
  /** Keep suggestions under their label's threshold (for calibrating, never for editors). */
  unfiltered?: boolean;
  /** This article's imported model suggestions, by paragraph id. */
  models?: Map<string, Suggestion[]>;
  /** The learned model to score this article with (core/learn/score-job.ts). */
  learned?: LearnedScoring;
  /** The schema's labels and renames: suggestions leave with each label's name now (core/label-schema.ts). */
  naming?: NamingSource;
}

export function runSuggestJob(job: SuggestJob): ArticleSuggestions {
  const { article } = job;
  const lines = lineCountsOf(job.lines);
  const learned = job.learned ? learnedSuggestions(job.learned, article, lines) : null;
  return suggestArticle(article, lines, {
    settings: job.settings,
    ...(job.unfiltered ? { unfiltered: true } : {}),
    ...(job.calibration ? { calibration: new RuleCalibration(job.calibration.counts, job.calibration.decided) } : {}),
    ...(job.models ? { models: new Map([[article.path, job.models]]) } : {}),
    ...(learned ? { learned: new Map([[article.path, learned]]) } : {}),
    ...(job.naming ? { naming: labelNaming(job.naming) } : {}),
  });
}

/** What of an article the job needs: paragraphs as id, index and text (not the reader's extras). */
export function jobArticle(article: SuggestArticle): SuggestArticle {
  return { path: article.path, paragraphs: article.paragraphs.map((p) => ({ id: p.id, index: p.index, text: p.text })), ...(article.evidence ? { evidence: article.evidence } : {}) };
}
