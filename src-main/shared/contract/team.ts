/**
 * Channels of the Team tab and the "Assigned to me" list (docs/teams.md, "Assignments" and
 * "Progress"). Both only read: assignments are written by `pilcrow assign`.
 */
import type { TeamProgress } from '../../core/team/progress';
import { noArgs } from './ids';

export const teamChannels = {
  /** Per annotator: assigned, done, pace, last active, agreement on the overlap; decisions per day. */
  'team.progress': noArgs,
  /** This annotator's assigned articles, in queue order. */
  'team.queue': noArgs,
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
}
