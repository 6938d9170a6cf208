/**
 * Assignments as the renderer sees them (docs/teams.md): this annotator's queue, which the
 * article list shows as "Assigned to me" (on by default when there is one, in queue order, so
 * `n` follows the queue), and the Team tab's progress.
 */
import type { TeamProgressView } from '../../src-main/shared/contract/team';
import type { RequestOf } from '../../src-main/shared/ipc';
import { call } from '../bridge/api';
import { messageOf } from '../bridge/message-of';
import type { ArticleListFilter } from './article-list-filter.svelte';

export class TeamStore {
  progress = $state.raw<TeamProgressView | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Why this annotator's queue could not be read (a damaged or mid-merge assignment file). */
  queueError = $state<string | null>(null);

  constructor(private readonly list: ArticleListFilter) {}

  /**
   * After a workspace opens: this annotator's queue. With one, the list opens on "Assigned to me"
   * in queue order; without one, any earlier workspace's choice is undone.
   */
  async loadQueue(): Promise<void> {
    try {
      const { queue } = await call('team.queue', {});
      this.queueError = null;
      this.list.queue = Object.fromEntries(queue.map((id, i) => [id, i]));
      this.list.assigned = queue.length > 0;
      if (queue.length > 0) this.list.sort = 'queue';
      else if (this.list.sort === 'queue') this.list.sort = 'path';
    } catch (error) {
      this.list.queue = {};
      this.list.assigned = false;
      this.queueError = messageOf(error);
    }
  }

  /** The Team tab's figures; the queue is read again too (a git pull may have brought new assignments), the list's choices kept. */
  /** Deals the articles out (team.assign, as `pilcrow assign`); then the figures and this editor's queue are read again. */
  async assign(options: RequestOf<'team.assign'>): Promise<number | null> {
    this.loading = true;
    try {
      const result = await call('team.assign', options);
      this.progress = result;
      this.error = null;
      await this.loadQueue();
      return result.assigned;
    } catch (error) {
      this.error = messageOf(error);
      return null;
    } finally {
      this.loading = false;
    }
  }

  async loadProgress(): Promise<void> {
    this.loading = true;
    try {
      this.progress = await call('team.progress', {});
      this.error = null;
      const { queue } = await call('team.queue', {});
      this.list.queue = Object.fromEntries(queue.map((id, i) => [id, i]));
      if (queue.length === 0) this.list.assigned = false;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }
}
