/**
 * Channels of the Team tab and the "Assigned to me" list (docs/teams.md, "Assignments" and
 * "Progress"). `team.assign` writes the workspace's assignment files (as `pilcrow assign` does);
 * the others only read.
 */
import { z } from 'zod';
import type { TeamProgress } from '../../core/team/progress';
import { ANNOTATOR_NAME_PATTERN } from '../labels';
import { noArgs } from './ids';

export const teamChannels = {
  /** Per annotator: assigned, done, pace, last active, agreement on the overlap; decisions per day. */
  'team.progress': noArgs,
  /** This annotator's assigned articles, in queue order. */
  'team.queue': noArgs,
  /** Deals the articles out again, or only the unassigned ones (pilcrow assign's options). */
  'team.assign': z.strictObject({
    annotators: z.array(z.string().regex(ANNOTATOR_NAME_PATTERN)).min(1).max(200),
    perArticle: z.number().int().min(1).max(200),
    overlap: z.number().min(0).max(1),
    seed: z.number().int().min(0).max(2 ** 31),
    onlyUnassigned: z.boolean(),
  }),
} as const;

export interface TeamProgressView extends TeamProgress {
  /** Assignment files not read (conflict copies, other names), with what to do. */
  skipped: { path: string; reason: string }[];
  /** Who this window labels as. */
  me: string;
}

export interface TeamQueueView {
  /** Article ids in queue order; empty when nothing is assigned to this annotator. */
  queue: string[];
}

export interface TeamResponses {
  'team.progress': TeamProgressView;
  'team.queue': TeamQueueView;
  /** The progress after the new assignment. */
  'team.assign': TeamProgressView & { assigned: number };
}
