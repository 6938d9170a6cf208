/**
 * The learned suggester as the renderer sees it (docs/suggestions.md): its state, pushed by main
 * as `learn.changed`, and each article's uncertainty for "most uncertain first". A new model
 * brings the open article's ghosts again, so learned ones appear without reopening it.
 */
import type { LearnStatusView } from '../../src-main/shared/contract/learn';
import { call } from '../bridge/api';
import { messageOf } from '../bridge/message-of';
import type { ArticleListFilter } from './article-list-filter.svelte';

export class LearnStore {
  status = $state.raw<LearnStatusView | null>(null);
  error = $state<string | null>(null);

  constructor(
    private readonly list: ArticleListFilter,
    /** Told when the model in use changed (trained anew, or gone). */
    private readonly onModel: () => void,
  ) {}

  /** After a workspace opens: the state now, and the order if a model is kept. */
  async refresh(): Promise<void> {
    try {
      this.receive(await call('learn.status', {}));
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  receive(status: LearnStatusView): void {
    const before = this.status;
    this.status = status;
    this.error = null;
    const model = status.model?.trainedAt ?? null;
    if (model !== (before?.model?.trainedAt ?? null)) this.onModel();
    // The order comes a little after its model (the worker scores every article first).
    if (model !== (before?.model?.trainedAt ?? null) || status.ordered !== before?.ordered) void this.loadOrder();
  }

  async loadOrder(): Promise<void> {
    try {
      this.list.uncertainty = (await call('learn.order', {})).uncertainty;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async train(): Promise<void> {
    await this.send(() => call('learn.train', { force: true }));
  }

  async evaluate(against?: string): Promise<void> {
    await this.send(() => call('learn.evaluate', against ? { against } : {}));
  }

  private async send(request: () => Promise<LearnStatusView>): Promise<void> {
    try {
      this.receive(await request());
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}
