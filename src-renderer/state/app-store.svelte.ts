/** App-wide state: the workspace, the open article, save status, undo history and the one visible notice. */
import type { AppState, ExportResult, SaveResult, WorkspaceCountsEvent, WorkspaceView } from '../../src-main/shared/views';
import type { LabelDef, LabelMode } from '../../src-main/shared/labels';
import { call } from '../bridge/api';
import { messageOf } from '../bridge/message-of';
import { ArticleState } from './article-state.svelte';
import { UndoHistory } from './undo-history.svelte';
import { SaveTracker } from './save-tracker.svelte';
import { UiPrefs } from './ui-prefs.svelte';
import { ArticleListFilter } from './article-list-filter.svelte';
import { i18n } from '../i18n/i18n.svelte';
import { SuggestionsState } from './suggestions-state.svelte';
import { LearnStore } from './learn-store.svelte';
import { TeamStore } from './team-store.svelte';
import { ListCompletion } from './list-completion';
import { fetchRest } from './article-loading';
import { NO_TOTALS, retallied, totalsOf, type ListTotals } from './list-totals';
import { isOlderView, LatestRequest } from './stale-replies';

/** A dialog over the app; while one is open the annotation keys are off. */
export type Modal = 'settings' | 'shortcuts' | 'annotator' | 'export' | 'import' | 'search' | 'about' | 'merge';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** A file is mid-merge: the notice offers to finish the merge (MergeDialog). */
  merge?: true;
}

export class AppStore {
  app = $state<AppState | null>(null);
  workspace = $state<WorkspaceView | null>(null);
  article = $state<ArticleState | null>(null);
  notice = $state<Notice | null>(null);
  busy = $state(false);
  /** Counts imports done in this window: views that list layers (Review) read them again. */
  layersImported = $state(0);
  lastExport = $state<ExportResult | null>(null);
  modal = $state<Modal | null>(null);
  /** The list's totals, kept here so that a save moves them instead of the list recounting them. */
  listTotals = $state.raw<ListTotals>(NO_TOTALS);
  readonly saves = new SaveTracker();
  readonly history = new UndoHistory();
  readonly prefs = new UiPrefs();
  readonly listFilter = new ArticleListFilter();
  readonly suggestions = new SuggestionsState({ labels: () => this.labels.map((l) => l.name), mode: () => this.labelMode, saves: this.saves, history: this.history });
  /** A new learned model brings the open article's ghosts again. */
  readonly learn = new LearnStore(this.listFilter, () => void this.suggestions.reload());
  /** Assignments: "Assigned to me" in the list, and the Team tab (docs/teams.md). */
  readonly team = new TeamStore(this.listFilter);
  private readonly completion = new ListCompletion();
  /** The newest article open wins over replies to older ones (stale-replies.ts). */
  private readonly opens = new LatestRequest();
  /**
   * Where each article sits in the list shown (counts events replace summaries in place): a save
   * finds its article's summary without walking a 10,000-article list through its proxy. Not state.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- an index, not state
  private listIndex = new Map<string, number>();

  get labels(): LabelDef[] {
    return this.workspace?.labels ?? [];
  }

  get labelMode(): LabelMode {
    return this.workspace?.labelMode ?? 'multi';
  }

  /**
   * False in a read-only window (another Pilcrow holds this annotator's layer): the edit is not
   * made, so nothing shows that could not be saved, and the editor is told why.
   */
  canEdit(): boolean {
    if (!this.workspace?.readOnly) return true;
    this.notice = { kind: 'info', text: i18n.m.readOnly.refused };
    return false;
  }

  /**
   * Asks main to take the writer lock again (the other window may have closed). Either way the
   * editor sees that the attempt is over: the banner goes, or a notice says it is still held.
   */
  async retryWritable(): Promise<void> {
    await this.run(async () => {
      const view = await call('workspace.refresh', {});
      this.showList(view);
      this.notice = this.workspace?.readOnly ? { kind: 'info', text: i18n.m.readOnly.stillHeld } : null;
    });
  }

  async init(): Promise<void> {
    await this.run(async () => {
      this.app = await call('app.init', {});
      this.prefs.use(this.app.ui);
      if (!this.app.annotatorConfirmed) this.modal = 'annotator';
      this.showList(this.app.workspace);
      if (this.workspace) {
        void this.learn.refresh();
        await this.loadQueue();
      }
      const first = this.firstInList();
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

  /** Opens an article; a long one shows a window around `around` (else where the editor left off) first. */
  async openArticle(articleId: string, around?: string): Promise<void> {
    const newest = this.opens.begin();
    await this.run(async () => {
      const view = await call('article.open', { articleId, ...(around ? { around } : {}) });
      if (!newest()) return; // another article was asked for meanwhile: that one stays open
      const article = new ArticleState(view, {
        labels: () => this.labels,
        mode: () => this.labelMode,
        saves: this.saves,
        history: this.history,
        canEdit: () => this.canEdit(),
        onSaved: (id, result) => this.updateProgress(id, result),
        ghosts: (id) => this.suggestions.ghostLookup(id),
      }, { pastLeadingFolds: around === undefined });
      this.article = article;
      // Not awaited: the article is usable at once, the ghosts appear when they arrive. A long
      // article's paragraphs come first: the suggestions' reply and main's work for it would
      // otherwise delay the first paint and the chunks, and the bar waits for every paragraph.
      void this.loadRest(article).finally(() => {
        if (this.article === article) void this.suggestions.open(view.id);
      });
    });
  }

  /** The rest of a long article, after its first screenful; the file changed meanwhile: read it anew. */
  private async loadRest(article: ArticleState): Promise<void> {
    const isOpen = () => this.article === article;
    try {
      await fetchRest(article, {
        isOpen,
        onStale: (message) => {
          this.notice = { kind: 'info', text: i18n.said(message) };
          void this.openArticle(article.view.id, article.paragraphs[article.cursor.focus]?.id);
        },
      });
    } catch (error) {
      if (isOpen()) this.notice = { kind: 'error', text: messageOf(error) };
    }
  }

  /** Undoes the last change of the session, opening its article first when another one is open. */
  undo(): Promise<void> {
    return this.travel('undo');
  }

  /** Redoes the last change undone, the same way. */
  redo(): Promise<void> {
    return this.travel('redo');
  }

  private async travel(way: 'undo' | 'redo'): Promise<void> {
    if (!this.canEdit()) return;
    const entry = way === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (!entry) return;
    if (this.article?.view.id !== entry.articleId) await this.openArticle(entry.articleId);
    // An entry may touch any paragraph (done, a range): it waits for the whole article.
    const article = this.article;
    article?.whenLoaded(true, () => article.replay(entry, way === 'undo'));
  }

  async setAnnotator(name: string): Promise<boolean> {
    try {
      this.app = await call('settings.setAnnotator', { name });
      this.showList(this.app.workspace);
      // Another name is another layer: show that annotator's decisions.
      if (this.article) await this.openArticle(this.article.view.id);
      this.history.clear();
      return true;
    } catch (error) {
      this.notice = { kind: 'error', text: messageOf(error) };
      return false;
    }
  }

  /** A workspace view after a schema edit: labels change, the open article stays open. */
  useWorkspace(view: WorkspaceView): void {
    this.showList(view);
  }

  /** Main read more of the list's articles: their titles, counts and progress. */
  receiveCounts(event: WorkspaceCountsEvent): void {
    this.completion.receive(this.workspace, event);
    this.listTotals = totalsOf(this.workspace?.articles ?? []);
  }

  /** Opens the article `delta` places away in the list as filtered and sorted (skipping unreadable files). */
  async openAdjacent(delta: 1 | -1): Promise<void> {
    const list = this.listFilter.apply(this.workspace?.articles ?? []).filter((a) => !a.error);
    const here = list.findIndex((a) => a.id === this.article?.view.id);
    const next = list[here + delta];
    if (next) await this.openArticle(next.id);
  }

  /** Opens the export dialog (features/export), which runs the export and reports it. */
  exportLabels(): void {
    if (this.workspace) this.modal = 'export';
  }

  dismissNotice(): void {
    this.notice = null;
  }

  private async showWorkspace(view: WorkspaceView): Promise<void> {
    this.showList(view);
    this.article = null;
    this.listFilter.uncertainty = {};
    void this.learn.refresh();
    await this.loadQueue();
    const first = this.firstInList();
    if (first) await this.openArticle(first.id);
  }

  /** This editor's queue; an assignment file that cannot be read is named in the notice bar (the list then shows every article). */
  private async loadQueue(): Promise<void> {
    await this.team.loadQueue();
    if (this.team.queueError) this.notice = { kind: 'error', text: this.team.queueError };
  }

  /** The first readable article of the list as filtered and sorted: with assignments, the head of the queue. */
  private firstInList() {
    return this.listFilter.apply(this.workspace?.articles ?? []).find((a) => !a.error) ?? this.workspace?.articles.find((a) => !a.error);
  }

  /** Every list main sends comes through here, so counts that arrived before it are applied. */
  private showList(view: WorkspaceView | null): void {
    if (isOlderView(this.workspace, view)) return;
    this.workspace = view;
    // A file stopped the app last time: say which one is skipped (shown once, main sends it once).
    if (view?.safeMode) this.notice = { kind: 'error', text: i18n.said(view.safeMode) };
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- an index, not state (listIndex)
    this.listIndex = new Map(view?.articles.map((a, i) => [a.id, i]));
    this.completion.shown(this.workspace);
    this.listTotals = totalsOf(this.workspace?.articles ?? []);
  }

  private updateProgress(articleId: string, result: SaveResult): void {
    const at = this.listIndex.get(articleId);
    const summary = at === undefined ? undefined : this.workspace?.articles[at];
    if (!summary || summary.id !== articleId) return;
    const before = { paragraphCount: summary.paragraphCount, progress: summary.progress };
    // Labelled before its counts arrived: the open article knows how many paragraphs it has.
    if (summary.pending && this.article?.view.id === articleId) summary.paragraphCount = this.article.paragraphCount;
    summary.labelledCount = result.labelledCount;
    summary.progress = result.progress;
    this.listTotals = retallied(this.listTotals, before, { paragraphCount: summary.paragraphCount, progress: result.progress });
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
