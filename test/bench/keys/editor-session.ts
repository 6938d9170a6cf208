/**
 * The app as the keystroke eval drives it: the main process's real handler table (the one
 * Electron registers and the e2e harness binds) on a copy of the workspace, and the renderer's
 * real state classes (ArticleState, SuggestionsState, compiled from their `.svelte.ts` by
 * test/bench/loader) with `window.pilcrow` bound to that table, as in the app. Keys go through
 * the view's own handler (features/annotate/run-command.ts `handleKey`).
 *
 * The simulated editor weighs a few ways on before each step by trying them on a copy of the
 * open article (`copy`): the same classes, with saves answered at once and never written.
 */
import { createHandlerTable } from '../../../src-main/node/app/handlers';
import { dispatch } from '../../../src-main/node/app/dispatch';
import { Session } from '../../../src-main/node/app/session';
import type { ArticleSuggestionsView } from '../../../src-main/shared/contract/suggest';
import type { LabelDef, LabelMode } from '../../../src-main/shared/labels';
import type { ArticleSummary, ArticleView, DecisionView } from '../../../src-main/shared/views';
import type { ArticleState } from '../../../src-renderer/state/article-state.svelte';
import type { SuggestionsState } from '../../../src-renderer/state/suggestions-state.svelte';
import type { CommandHost, CommandView } from '../../../src-renderer/features/annotate/run-command';
import type { Notice, Modal } from '../../../src-renderer/state/app-store.svelte';
import type { WorkerSpec } from '../../../src-main/node/learn/worker-host';
import { keyEvent, withoutDom, type KeyName } from './key-events';

/** A delay no replay reaches (setTimeout's largest). */
const NEVER = 2 ** 31 - 1;

withoutDom();
// The renderer's modules read window.pilcrow when they call main: bound below, per call.
const scope = globalThis as unknown as { window?: { pilcrow?: unknown } };
scope.window ??= {};

const { ArticleState: ArticleStateClass } = await import('../../../src-renderer/state/article-state.svelte');
const { SuggestionsState: SuggestionsStateClass } = await import('../../../src-renderer/state/suggestions-state.svelte');
const { SaveTracker } = await import('../../../src-renderer/state/save-tracker.svelte');
const { UndoHistory } = await import('../../../src-renderer/state/undo-history.svelte');
const { handleKey } = await import('../../../src-renderer/features/annotate/run-command');

/** An open article in the renderer's state, with the key handler's host around it. */
export interface Editor {
  article: ArticleState;
  suggestions: SuggestionsState;
  host: CommandHost & { labels: readonly LabelDef[] };
  /** Presses one key as the view's keydown handler does; the effect that settles focus after folds change runs after it. */
  press(key: KeyName): void;
}

const VIEW: CommandView = { toggleGuidelines: () => {}, closeGuidelines: () => false, focusNote: () => {} };

export class EditorSession {
  /** Suggestions of the open article as main answered them, with the editor's rejections since. */
  private suggested: ArticleSuggestionsView | null = null;
  /** True while a copy is being tried: saves are answered at once and never reach main. */
  private dry = false;
  labels: LabelDef[] = [];
  articles: ArticleSummary[] = [];

  private constructor(
    private readonly session: Session,
    private readonly table: ReturnType<typeof createHandlerTable>,
  ) {
    scope.window!.pilcrow = { invoke: (channel: string, request: unknown) => this.invoke(channel, request), on: () => () => {} };
  }

  /**
   * With `learner`, the learned suggester is on and takes the model kept in user data when the
   * workspace opens; it never trains (the eval keeps the model it wants there, learned-folds.ts).
   */
  static async open(workspace: string, userData: string, annotator: string, sampleDir: string, learner?: WorkerSpec): Promise<EditorSession> {
    const learn = learner ? { learnWorker: learner, learnTimings: { afterOpenMs: NEVER, afterDecisionMs: NEVER } } : {};
    const session = await Session.create({ userDataDir: userData, sampleWorkspaceDir: sampleDir, initialWorkspace: workspace, ...learn });
    await session.setAnnotator(annotator);
    const editor = new EditorSession(session, createHandlerTable(session, { pickFolder: async () => null, pickSaveFile: async () => null, pickOpenFile: async () => null }, 'eval'));
    await editor.refresh();
    return editor;
  }

  /** The list and the schema, as the app's start shows them. */
  async refresh(): Promise<void> {
    const state = (await this.call('app.init', {})) as { workspace: { labels: LabelDef[]; articles: ArticleSummary[] } | null };
    if (!state.workspace) throw new Error('the workspace did not open');
    this.labels = state.workspace.labels;
    this.articles = state.workspace.articles;
  }

  async setMode(mode: LabelMode): Promise<void> {
    await this.call('schema.edit', { edit: { op: 'mode', mode } });
  }

  /** The learned suggester off, as settings in the workspace: it trains in the background. */
  async disableLearned(): Promise<void> {
    await this.call('suggest.settings', { enabled: { learned: false } });
  }

  /** An article as main opens it. */
  async articleView(articleId: string): Promise<ArticleView> {
    return (await this.call('article.open', { articleId })) as ArticleView;
  }

  /** Labels a paragraph through main, as any editor's save does (for writing a reference layer). */
  async setLabels(articleId: string, paragraphId: string, labels: string[]): Promise<void> {
    await this.call('labels.set', { articleId, paragraphId, labels });
  }

  close(): void {
    this.session.close();
  }

  /** Opens an article as the app does (past leading folded runs once its suggestions are in, when asked). */
  async openArticle(articleId: string, mode: LabelMode, withSuggestions: boolean): Promise<Editor> {
    const view = (await this.call('article.open', { articleId })) as ArticleView;
    if (view.partial) throw new Error(`${view.path}: over 600 paragraphs; the eval reads whole articles`);
    const editor = this.editorFor(view, mode, true);
    if (withSuggestions) {
      await editor.suggestions.open(view.id);
      this.suggested = structuredClone(editor.suggestions.status === 'ready' ? ((await this.call('suggest.article', { articleId })) as ArticleSuggestionsView) : null);
      editor.article.settleFocus();
    }
    return editor;
  }

  /** Waits until every save sent so far is written (the next step reads what main wrote). */
  async settled(editor: Editor): Promise<void> {
    while (editor.host.suggestions && (editor as unknown as { saves: { pending: number } }).saves.pending > 0) await new Promise((r) => setImmediate(r));
  }

  /** A copy of the open article's state to try keys on: same decisions, rejections, opened runs, focus. */
  async copy(editor: Editor, mode: LabelMode): Promise<Editor> {
    const a = editor.article;
    const decisions: Record<string, DecisionView> = {};
    for (const p of a.paragraphs) {
      const d = p && a.decisions.get(p.id);
      if (p && d) decisions[p.id] = d;
    }
    const view = { ...a.view, paragraphs: a.paragraphs.filter((p) => p !== undefined), decisions, focus: a.cursor.focus, status: a.status, warnings: [] } as ArticleView;
    const copy = this.editorFor(view, mode, false);
    if (editor.suggestions.status === 'ready') {
      this.dry = true;
      try {
        await copy.suggestions.open(view.id);
      } finally {
        this.dry = false;
      }
    }
    for (const run of a.folds.runs) if (!a.folds.folded.includes(run)) copy.article.folds.open(run);
    copy.article.cursor.focus = a.cursor.focus;
    copy.article.cursor.anchor = a.cursor.anchor;
    return copy;
  }

  /** Runs `work` on a copy: its saves are answered at once and never written. */
  dryRun<T>(work: () => T): T {
    this.dry = true;
    try {
      return work();
    } finally {
      this.dry = false;
    }
  }

  private editorFor(view: ArticleView, mode: LabelMode, pastLeadingFolds: boolean): Editor {
    const saves = new SaveTracker();
    const history = new UndoHistory();
    const labels = this.labels;
    const suggestions = new SuggestionsStateClass({ labels: () => labels.map((l) => l.name), mode: () => mode, saves, history });
    const article = new ArticleStateClass(view, { labels: () => labels, mode: () => mode, saves, history, canEdit: () => true, onSaved: () => {}, ghosts: (id) => suggestions.ghostLookup(id) }, { pastLeadingFolds });
    const host = {
      suggestions,
      labels,
      notice: null as Notice | null,
      modal: null as Modal | null,
      canEdit: () => true,
      undo: async () => {},
      redo: async () => {},
      openAdjacent: async () => {},
    };
    const press = (key: KeyName) => {
      if (!handleKey(keyEvent(key), article, host, VIEW)) throw new Error(`the view did not take the key ${key}`);
      article.settleFocus();
    };
    return Object.assign({ article, suggestions, host, press }, { saves });
  }

  private async call(channel: string, request: unknown): Promise<unknown> {
    const envelope = (await this.invoke(channel, request)) as { ok: boolean; result?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`);
    return envelope.result;
  }

  private async invoke(channel: string, request: unknown): Promise<unknown> {
    if (this.dry) {
      if (channel === 'suggest.article' && this.suggested) return { ok: true, result: structuredClone(this.suggested) };
      if (channel.startsWith('labels.')) return { ok: true, result: { savedAt: new Date(0).toISOString() } };
      throw new Error(`a copy asked main for ${channel}`);
    }
    if (channel === 'labels.rejectSuggestions' && this.suggested) this.noteRejections(request as { rejections: { paragraphId: string; label: string }[]; undo?: boolean });
    return dispatch(this.table, channel, request);
  }

  /** Keeps the copy's view of rejections in step with the editor's (copies read them from `suggested`). */
  private noteRejections(request: { rejections: { paragraphId: string; label: string }[]; undo?: boolean }): void {
    const rejected = this.suggested!.rejected;
    for (const r of request.rejections) {
      const labels = (rejected[r.paragraphId] ?? []).filter((l) => l !== r.label);
      if (!request.undo) labels.push(r.label);
      if (labels.length > 0) rejected[r.paragraphId] = labels;
      else delete rejected[r.paragraphId];
    }
  }
}
