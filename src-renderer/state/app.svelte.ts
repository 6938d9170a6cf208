/** App-wide state: the workspace, the open article, save status and the one visible notice. */
import type { AppState, ExportResult, WorkspaceView } from '../../src-main/shared/views';
import type { LabelDef } from '../../src-main/shared/labels';
import { call, messageOf } from '../bridge/api';
import { ArticleState } from './article.svelte';
import { SaveTracker } from './save.svelte';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export class AppStore {
  app = $state<AppState | null>(null);
  workspace = $state<WorkspaceView | null>(null);
  article = $state<ArticleState | null>(null);
  notice = $state<Notice | null>(null);
  busy = $state(false);
  lastExport = $state<ExportResult | null>(null);
  readonly saves = new SaveTracker();

  get labels(): LabelDef[] {
    return this.workspace?.labels ?? [];
  }

  async init(): Promise<void> {
    await this.run(async () => {
      this.app = await call('app.init', {});
      this.workspace = this.app.workspace;
      const first = this.workspace?.articles.find((a) => !a.error);
      if (first) await this.openArticle(first.id);
    });
  }

  async openWorkspaceDialog(): Promise<void> {
    await this.run(async () => {
      const view = await call('workspace.openDialog', {});
      if (view) await this.showWorkspace(view);
    });
  }

  async openRecent(index: number): Promise<void> {
    await this.run(async () => this.showWorkspace(await call('workspace.openRecent', { index })));
  }

  async openArticle(articleId: string): Promise<void> {
    await this.run(async () => {
      const view = await call('article.open', { articleId });
      this.article = new ArticleState(view, () => this.labels, this.saves, (id, n) => this.updateCount(id, n));
    });
  }

  /** Opens the article `delta` places away in the list (skipping unreadable files). */
  async openAdjacent(delta: 1 | -1): Promise<void> {
    const list = this.workspace?.articles.filter((a) => !a.error) ?? [];
    const here = list.findIndex((a) => a.id === this.article?.view.id);
    const next = list[here + delta];
    if (next) await this.openArticle(next.id);
  }

  async exportLabels(): Promise<void> {
    await this.run(async () => {
      const result = await call('export.run', {});
      if (!result) return;
      this.lastExport = result;
      const skipped = result.skipped.length ? `; ${result.skipped.length} unreadable file(s) skipped` : '';
      this.notice = { kind: 'info', text: `Exported ${result.records} labelled paragraphs from ${result.articles} articles to ${result.file}${skipped}.` };
    });
  }

  dismissNotice(): void {
    this.notice = null;
  }

  private async showWorkspace(view: WorkspaceView): Promise<void> {
    this.workspace = view;
    this.article = null;
    const first = view.articles.find((a) => !a.error);
    if (first) await this.openArticle(first.id);
  }

  private updateCount(articleId: string, labelled: number): void {
    const summary = this.workspace?.articles.find((a) => a.id === articleId);
    if (summary) summary.labelledCount = labelled;
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } catch (error) {
      this.notice = { kind: 'error', text: messageOf(error) };
    } finally {
      this.busy = false;
    }
  }
}
