/**
 * Channels for label suggestions (docs/suggestions.md). Suggestions are offered, never applied:
 * an editor's key turns one into a decision through the labels channels.
 */
import { z } from 'zod';
import type { Suggestion } from '../../core/suggest/types';
import type { MeasuredLevel } from '../../core/suggest/calibrate';
import type { NotCuedReason } from '../../core/suggest/cue-limit';
import { articleId, labelName } from './ids';

const suggesterName = z.string().min(1).max(80);

export const suggestChannels = {
  /** The suggestions for an article's paragraphs at the workspace's thresholds. */
  'suggest.article': z.strictObject({ articleId }),
  /** Reads the workspace's suggestion settings; with a change, saves it first (`.pilcrow/suggest.json`). */
  'suggest.settings': z.strictObject({
    enabled: z.record(suggesterName, z.boolean()).optional(),
    thresholds: z.record(labelName, z.number().min(0).max(1)).optional(),
    /** The lowest score "accept all" takes (docs/suggestions.md). */
    acceptAll: z.number().min(0).max(1).optional(),
  }),
} as const;

export type SuggestionView = Suggestion;
export type { MeasuredLevel };

/** Whether a `suggest.settings` request changes the settings file (else it only reads them). */
export function changesSuggestSettings(request: { enabled?: unknown; thresholds?: unknown; acceptAll?: unknown }): boolean {
  return request.enabled !== undefined || request.thresholds !== undefined || request.acceptAll !== undefined;
}

export interface ArticleSuggestionsView {
  articleId: string;
  /** paragraph id -> suggestions, best score first; paragraphs without any are left out. */
  paragraphs: Record<string, SuggestionView[]>;
  /** paragraph id -> why the text cues did not read it (over the length they read: core/suggest/cue-limit.ts). */
  notCued: Record<string, NotCuedReason>;
  /** Prediction records that found no paragraph, and unreadable prediction files. */
  problems: string[];
  /** paragraph id -> labels this annotator turned down there (not offered again). */
  rejected: Record<string, string[]>;
  /** The lowest score "accept all" takes. */
  acceptAll: number;
  /**
   * How the rules' scores were measured on the workspace's decisions (core/suggest/calibrate.ts):
   * the decided paragraphs counted, and per label, for each calibrated score (highest first), the
   * decided paragraphs offered the label at that score or above and how many carried it.
   */
  measured: { decided: number; labels: Record<string, MeasuredLevel[]> };
}

export interface SuggesterView {
  name: string;
  kind: 'builtin' | 'model' | 'learned';
  /** The labels it can suggest. */
  labels: string[];
  description: string;
  enabled: boolean;
}

export interface SuggestSettingsView {
  suggesters: SuggesterView[];
  /** label -> the lowest score shown, for every label of the workspace. */
  thresholds: Record<string, number>;
  acceptAll: number;
}

export interface SuggestResponses {
  'suggest.article': ArticleSuggestionsView;
  'suggest.settings': SuggestSettingsView;
}
