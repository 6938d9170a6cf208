/** What the main process holds between calls: settings, the open workspace, this annotator's store. */
import { cp, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { DEFAULT_LABELS, ANNOTATOR_NAME_PATTERN, type LabelDef } from '../../shared/labels';
import { renameMap } from '../../core/label-schema';
import { WorkspaceSchemaStore } from '../workspace-schema/schema-store';
import { AnnotationStore, type MergedFromDisk } from '../annotations/store';
import { articleAnchors } from '../articles/anchors';
import { SettingsStore } from '../settings/settings';
import type { LockHolder, RecoveryReport, WriterLock } from '../storage';
import { defaultLocksDir, lockLayer } from '../workspace/layer-lock';
import type { MainMessage } from '../../shared/messages';
import { Workspace } from '../workspace/workspace';
import type { LoadedArticle } from '../workspace/read-article';
import { PilcrowError } from './errors';
import { Foreground } from './foreground';
import type { WorkerSpec } from '../learn/worker-host';
import type { LearnTimings } from '../learn/service';
import { ExportJournal } from '../export/killed-export-temps';

export interface SessionOptions {
  userDataDir: string;
  /** The bundled sample workspace, copied into user data on first run. */
  sampleWorkspaceDir: string;
  /** Opened at start instead of the last one (command line, tests). */
  initialWorkspace?: string;
  onRecover?: (report: RecoveryReport) => void;
  /** Where writer locks live (workspace/layer-lock.ts); tests pass their own. */
  locksDir?: string;
  /** The learned suggester's worker thread (node/learn/worker-host.ts); without it, no learned suggestions. */
  learnWorker?: WorkerSpec;
  /** The suggester's worker thread (node/suggest/suggest-thread.ts); without it, suggestions are read in this thread. */
  suggestWorker?: WorkerSpec;
  /** When the learner trains after opening and after decisions (node/learn/service.ts); tests shorten them. */
  learnTimings?: LearnTimings;
}

/** Set when another Pilcrow holds this annotator's layer: the window shows, never writes. */
export interface ReadOnlyState {
  annotator: string;
  heldBy: LockHolder;
  /** Why this window cannot write (shared/messages/app.ts). */
  said: MainMessage;
}

export class Session {
  workspace: Workspace | null = null;
  store: AnnotationStore | null = null;
  /** The workspace's label schema (`.pilcrow/schema.json`); defaults until someone edits it. */
  schema: WorkspaceSchemaStore | null = null;
  /** Non-null while another window or process holds this annotator's writer lock. */
  readOnly: ReadOnlyState | null = null;
  private lock: WriterLock | null = null;
  /** Which workspace and annotator `lock` is for. */
  private lockKey = '';
  private lockQueue: Promise<void> = Promise.resolve();
  /** Set by close(): a lock still being taken then is given back as soon as it is held. */
  private closed = false;

  get labels(): LabelDef[] {
    return this.schema?.schema.labels ?? DEFAULT_LABELS.map((l) => ({ ...l }));
  }

  /** Told whenever a workspace is opened (the file watcher follows it: handlers/articles.ts). */
  readonly onOpen = new Set<(workspace: Workspace) => void>();
  /** Background work to stop when the session ends (the file watcher). */
  readonly onClose = new Set<() => void>();
  /** Told after every request that changed the workspace (decisions arrive: the learner retrains). */
  readonly onWritten = new Set<(channel: string) => void>();
  /** Requests in flight, which background reading waits for (foreground.ts). */
  readonly foreground = new Foreground();
  /** Told when a label file changed on disk while the app held it was merged (the editor hears of it). */
  readonly mergeListeners = new Set<(report: MergedFromDisk) => void>();

  tellMerged(report: MergedFromDisk): void {
    for (const listener of this.mergeListeners) listener(report);
  }

  private constructor(
    readonly options: SessionOptions,
    readonly settings: SettingsStore,
    /** Told of every damaged file that was quarantined, wherever it was read. */
    readonly recoveryListeners: Set<(report: RecoveryReport) => void>,
  ) {}

  /** Stops background work and gives the writer lock back; called when the app quits. */
  close(): void {
    if (this.closed) return; // twice is once: a test's cleanup may close what the test closed
    this.closed = true;
    for (const stop of this.onClose) stop();
    this.lock?.releaseSync();
    this.lock = null;
  }

  static async create(options: SessionOptions): Promise<Session> {
    // Every store is built with this callback, so a damaged file found anywhere reaches the
    // session's listeners (the handler table turns it into an event the editor sees).
    const listeners = new Set<(report: RecoveryReport) => void>();
    const routed: SessionOptions = {
      ...options,
      onRecover: (report) => {
        options.onRecover?.(report);
        for (const listener of listeners) listener(report);
      },
    };
    const session = new Session(routed, await SettingsStore.open(options.userDataDir, routed.onRecover), listeners);
    // An export killed with the app last time left full-size temp files beside its target.
    session.startupCleaning = ExportJournal.in(options.userDataDir).cleanUp().catch(() => []);
    return session;
  }

  /** The temp files of exports killed with the app last time, being removed at start (for tests to wait on). */
  startupCleaning: Promise<string[]> = Promise.resolve([]);

  get annotator(): string {
    return this.settings.data.annotator ?? defaultAnnotatorName();
  }

  /** The workspace to show at start: the one asked for, else the last one, else the sample. */
  async openInitial(): Promise<void> {
    if (this.workspace) return;
    const candidates = [this.options.initialWorkspace, this.settings.data.recent[0]].filter((c): c is string => !!c);
    for (const folder of candidates) {
      if (await isFolder(folder)) return this.open(folder);
    }
    if (this.settings.data.recent.length === 0) return this.open(await this.copySample());
  }

  async open(folder: string): Promise<void> {
    // Damaged article settings are quarantined while articles are read: the editor must hear of it.
    // What the read guard keeps (a file that stopped the app last time is skipped) lives in user data.
    const workspace = await Workspace.open(folder, this.options.onRecover, { stateDir: join(this.options.userDataDir, 'reading') }).catch((e: Error) => {
      throw PilcrowError.wrapping('workspace-unreadable', e);
    });
    this.schema = await WorkspaceSchemaStore.open(workspace.root, this.options.onRecover);
    this.workspace = workspace;
    this.store = this.storeFor(workspace.root, this.annotator);
    await this.takeLock();
    if (this.closed) return; // no watcher for a window that has gone
    for (const listener of this.onOpen) listener(workspace);
    await this.settings.rememberWorkspace(workspace.root);
  }

  async setAnnotator(name: string): Promise<void> {
    if (!ANNOTATOR_NAME_PATTERN.test(name)) {
      throw new PilcrowError('invalid-annotator', { code: 'invalid-annotator', name });
    }
    await this.settings.setAnnotator(name);
    if (this.workspace) {
      this.store = this.storeFor(this.workspace.root, name);
      await this.takeLock();
    }
  }

  /**
   * Takes the writer lock of this annotator's layer in the open workspace (giving back the one
   * held before); when another Pilcrow holds it, the session turns read-only and says why.
   * Called again by a refresh, so closing the other window and refreshing makes this one writable.
   * Calls run one at a time (a double-clicked Try again must not see its own lock as another's).
   */
  takeLock(): Promise<void> {
    const next = this.lockQueue.then(() => this.takeLockNow());
    this.lockQueue = next.catch(() => undefined);
    return next;
  }

  private async takeLockNow(): Promise<void> {
    if (this.closed) return;
    const { workspace, store } = this.requireWorkspace();
    const key = `${workspace.root}\0${store.annotator}`;
    if (this.lock && !this.readOnly && this.lockKey === key) return;
    const wasReadOnly = this.readOnly !== null;
    await this.lock?.release();
    this.lock = null;
    let result: Awaited<ReturnType<typeof lockLayer>>;
    try {
      result = await lockLayer(this.options.locksDir ?? defaultLocksDir(), workspace.root, store.annotator);
    } catch (error) {
      // Fail closed: without the lock this window must not write.
      const reason = error instanceof Error ? error.message : String(error);
      this.readOnly = { annotator: store.annotator, heldBy: { pid: 0, host: '', since: '' }, said: { code: 'read-only-unlockable', annotator: store.annotator, reason } };
      store.readOnly = true;
      return;
    }
    if (this.closed) {
      // Closed while the lock was being taken: a closed window must not keep another one read-only.
      if (!('heldBy' in result)) await result.release();
      return;
    }
    if ('heldBy' in result) {
      this.readOnly = { annotator: store.annotator, heldBy: result.heldBy, said: { code: 'read-only-held', annotator: store.annotator, ...result.heldBy } };
      store.readOnly = true;
      return;
    }
    this.lock = result;
    this.lockKey = key;
    this.readOnly = null;
    // What a read-only store holds was read while another window wrote: start from the disk.
    this.store = wasReadOnly ? this.storeFor(workspace.root, store.annotator) : store;
    this.store.readOnly = false;
  }

  /** Refuses a change to the workspace in a read-only window, before anything is touched. */
  requireWritable(): void {
    if (this.readOnly) throw new PilcrowError('read-only', this.readOnly.said);
  }

  /** This annotator's store, migrating labels the team renamed in the schema as files open. */
  private storeFor(root: string, annotator: string): AnnotationStore {
    const store = new AnnotationStore(root, annotator, this.options.onRecover, () => renameMap(this.schema?.schema ?? { renames: [] }));
    store.anchorsFor = (articlePath) => articleAnchors(this.workspace, articlePath);
    store.onMerged = (report) => this.tellMerged(report);
    return store;
  }

  /** A readable article of the open workspace, or an error the editor can act on. */
  async loadArticle(articleId: string): Promise<LoadedArticle> {
    const { workspace } = this.requireWorkspace();
    const entry = await workspace.entry(articleId).catch((e: Error) => {
      throw PilcrowError.wrapping('unknown-article', e);
    });
    if (!entry.ok) throw new PilcrowError('unreadable-article', entry.said);
    return entry.article;
  }

  requireWorkspace(): { workspace: Workspace; store: AnnotationStore } {
    if (!this.workspace || !this.store) throw new PilcrowError('no-workspace', { code: 'no-workspace' });
    return { workspace: this.workspace, store: this.store };
  }

  private async copySample(): Promise<string> {
    const target = join(this.options.userDataDir, 'Sample workspace');
    if (!(await isFolder(target))) {
      await mkdir(this.options.userDataDir, { recursive: true });
      await cp(this.options.sampleWorkspaceDir, target, { recursive: true, errorOnExist: false });
    }
    return target;
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** The OS login when it is a valid annotator name, so a first run needs no typing. */
export function defaultAnnotatorName(): string {
  const login = (() => {
    try {
      return userInfo().username;
    } catch {
      return '';
    }
  })();
  return ANNOTATOR_NAME_PATTERN.test(login) ? login : 'editor';
}
