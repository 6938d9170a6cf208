/**
 * Keeps an open workspace in step with its folder while Pilcrow runs: on activity from the
 * watcher it re-scans (Workspace.sync), lets the caller re-anchor the decisions of every article
 * whose bytes changed, and publishes what changed. One sync runs at a time; activity during a
 * sync schedules one more.
 */
import type { ReanchorReport } from '../annotations/reanchor-layer';
import type { LoadedArticle } from '../workspace/read-article';
import type { Workspace } from '../workspace/workspace';
import { watchTree, type TreeWatcher, type TreeWatcherOptions } from './tree-watcher';

export interface ArticleChange {
  id: string;
  change: 'changed' | 'deleted';
  report?: ReanchorReport;
}

export interface LiveChanges {
  added: string[];
  removed: string[];
  changed: ArticleChange[];
}

export interface LiveDeps {
  /** Re-anchors this annotator's decisions on the new reading; null when there were none. */
  reconcile(article: LoadedArticle, previous: LoadedArticle | undefined): Promise<ReanchorReport | null>;
  publish(changes: LiveChanges): Promise<void>;
  onError?(message: string): void;
}

export class LiveWorkspace {
  private watcher: TreeWatcher | null = null;
  private workspace: Workspace | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly deps: LiveDeps,
    private readonly options: TreeWatcherOptions = {},
  ) {}

  start(workspace: Workspace): void {
    this.stop();
    this.workspace = workspace;
    this.watcher = watchTree(workspace.root, () => this.poke(), { ...this.options, onFallback: (reason) => this.deps.onError?.(reason) });
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    this.workspace = null;
  }

  /** Runs a sync now (the watcher calls this; tests and "refresh" may too). Resolves when done. */
  poke(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.syncOnce().catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT' && this.workspace) {
            // The workspace folder itself is gone (deleted, or its drive unplugged): stop watching.
            this.deps.onError?.(`the workspace folder ${this.workspace.root} is gone; stopped watching it`);
            this.stop();
            return;
          }
          this.deps.onError?.(`checking the workspace for changes failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    const changes = await workspace.sync();
    if (workspace !== this.workspace) return; // another workspace was opened meanwhile
    const changed: ArticleChange[] = [];
    for (const { id, previous } of changes.changed) {
      const entry = await workspace.entry(id);
      if (entry.ok && previous && entry.article.sha256 === previous.sha256) continue; // touched, not edited
      const report = entry.ok ? await this.deps.reconcile(entry.article, previous) : null;
      changed.push({ id, change: 'changed', ...(report ? { report } : {}) });
    }
    for (const id of changes.removed) changed.push({ id, change: 'deleted' });
    if (changes.added.length === 0 && changes.removed.length === 0 && changed.length === 0) return;
    await this.deps.publish({ added: changes.added, removed: changes.removed, changed });
  }
}
