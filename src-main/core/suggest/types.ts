import type { PageEvidence } from '../page/types';
import type { SuggestionReason } from './reasons';
import { ownValue } from '../../shared/name-record';

/**
 * Suggestions: labels Pilcrow offers for a paragraph, each with a score in [0, 1] and a reason an
 * editor can read. They never become labels without an editor's key (docs/suggestions.md).
 */

/** The built-in suggesters and the labels each suggests. Model layers are named `model:<name>`. */
export const BUILTIN_SUGGESTERS = {
  repeated: { labels: ['boilerplate'], description: 'Lines that recur across the workspace, end markers, and site navigation after them' },
  'ad-cues': { labels: ['ad'], description: 'Sponsor, shop and product names, promotional wording and links in the footer' },
  'quote-cues': { labels: ['quote'], description: 'Quotation marks, verbs of saying and attribution («گفت», "said", «به گفته», "according to")' },
  'claim-cues': { labels: ['claim'], description: 'Numbers, percentages, comparatives, statistics and dates in declarative sentences' },
  'page-structure': { labels: ['boilerplate', 'ad'], description: "Saved web pages: the paragraphs outside the article's main text (navigation, header, footer, sidebars, link lists, blocks marked as ads)" },
} as const satisfies Record<string, { labels: readonly string[]; description: string }>;

export type BuiltinSuggester = keyof typeof BUILTIN_SUGGESTERS;
export const BUILTIN_SUGGESTER_NAMES = Object.keys(BUILTIN_SUGGESTERS) as BuiltinSuggester[];

/** A model's layer: `model:` + the model's name, so it can never be mistaken for a built-in. */
export const MODEL_PREFIX = 'model:';

export interface Suggestion {
  label: string;
  score: number;
  suggester: string;
  /** What gave it away, as data; written out in the reader's language (reasons.ts). */
  reason: SuggestionReason;
  /**
   * A rule's score measured on this workspace's decisions (calibrate.ts): the hand-set score, and
   * the decided paragraphs it was offered on with how many carried the label (weighted). Absent
   * when the score shown is the hand-set one.
   */
  calibration?: { raw: number; decided: number; right: number };
}

export interface SuggestParagraph {
  id: string;
  index: number;
  text: string;
}

export interface SuggestArticle {
  path: string;
  paragraphs: readonly SuggestParagraph[];
  /** Saved web pages: what the page's structure says about each paragraph, by index (core/page). */
  evidence?: readonly PageEvidence[];
}

export interface SuggestSettings {
  /** Suggester name -> on/off; a suggester not listed is on. */
  enabled: Record<string, boolean>;
  /** Label -> lowest score shown; a label not listed uses DEFAULT_THRESHOLD. */
  thresholds: Record<string, number>;
  /** The lowest score the editor's "accept all" key takes; absent uses DEFAULT_ACCEPT_ALL. */
  acceptAll?: number;
}

/**
 * Scores are evidence strengths set by hand (see each suggester): 0.5 and above means the cues
 * make the label more likely than not, so that is where suggestions start by default.
 */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * "Accept all" turns many suggestions into labels with one key, so it takes only the strongest
 * cues by default: 0.9 is where the built-in suggesters' end markers, direct quotes with a verb of
 * saying, percentages and paid-content labels sit (docs/suggestions.md).
 */
export const DEFAULT_ACCEPT_ALL = 0.9;

export function acceptAllOf(settings: SuggestSettings): number {
  return settings.acceptAll ?? DEFAULT_ACCEPT_ALL;
}

export function defaultSuggestSettings(): SuggestSettings {
  return { enabled: {}, thresholds: {} };
}

export function isEnabled(settings: SuggestSettings, suggester: string): boolean {
  return ownValue(settings.enabled, suggester) !== false;
}

export function thresholdOf(settings: SuggestSettings, label: string): number {
  return ownValue(settings.thresholds, label) ?? DEFAULT_THRESHOLD;
}
