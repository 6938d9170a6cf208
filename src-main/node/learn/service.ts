/**
 * The learned suggester of the open workspace, in the main process: it never trains here. When a
 * workspace opens it takes the model kept in user data (if any, even one a few decisions old) at
 * once, then asks the worker (worker-host.ts) to train a little later; as decisions arrive it
 * asks again, debounced, so a burst of keys is one training. The worker skips training when the
 * kept model is current. One job at a time: a request while one runs is done after it.
 * `learn.changed` tells the renderer whenever the state or the model changes.
 */
import { decisionOf } from '../../core/decisions';
import { MIN_DECIDED } from '../../core/learn/model';
import type { LearnedScoring, SparseScoringModel } from '../../core/learn/score-job';
import type { LearnEvaluationView, LearnStatusView } from '../../shared/contract/learn';
import type { AnnotationFile } from '../annotations/schema';
import { LayerReader } from '../annotations/store';
import type { Emit } from '../app/context';
import type { Session } from '../app/session';
import type { GatheredArticle } from '../suggest/gather';
import type { Workspace } from '../workspace/workspace';
import type { SuggestSettings } from '../../core/suggest/types';
import type { TrainReport } from './jobs';
import { loadModel, loadOrder, modelPath, orderPath, type ModelHeader } from './model-file';
import { LearnWorker, type WorkerSpec } from './worker-host';
import { GOLD_ANNOTATOR } from '../../shared/labels';

/** The seed every training of the app uses: the same decisions always give the same model. */
export const LEARN_SEED = 1;

export interface LearnTimings {
  /** After a workspace opens, before the first training (the list's reading goes first). */
  afterOpenMs: number;
  /** After the last decision of a burst. */
  afterDecisionMs: number;
}

export const DEFAULT_TIMINGS: LearnTimings = { afterOpenMs: 1500, afterDecisionMs: 4000 };

interface Loaded {
  root: string;
  header: ModelHeader;
  /** As kept, in shared memory: each article's suggestion job takes it to the suggester's thread without a copy. */
  model: SparseScoringModel;
}

/** A copy of `array` in a SharedArrayBuffer: posted to a worker thread, it is shared, not copied. */
function shared<T extends Uint32Array | Float32Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

export class LearnService {
  private readonly worker: LearnWorker | null;
  private root: string | null = null;
  private state: LearnStatusView['state'];
  private loaded: Loaded | null = null;
  private order: Record<string, number> | null = null;
  private last: TrainReport | null = null;
  private message: string | null = null;
  private evaluation: LearnEvaluationView = { state: 'none' };
  private layers: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly session: Session,
    private readonly emit: Emit,
    spec: WorkerSpec | undefined,
    private readonly timings: LearnTimings = DEFAULT_TIMINGS,
  ) {
    this.worker = spec ? new LearnWorker(spec, { editorActivity: session.foreground.activity.buffer }) : null;
    this.state = this.worker ? 'waiting' : 'off';
    session.onOpen.add((workspace) => void this.opened(workspace));
    session.onWritten.add(() => this.schedule(this.timings.afterDecisionMs));
    session.onClose.add(() => void this.close());
    if (session.workspace) void this.opened(session.workspace);
  }

  get enabled(): boolean {
    return this.worker !== null;
  }

  status(): LearnStatusView {
    const header = this.loaded?.header;
    const skipped = (this.last?.skipped ?? header?.skipped ?? []).map((s) => ({ name: s.name, positives: s.positives, negatives: s.negatives }));
    return {
      state: this.state,
      minimum: MIN_DECIDED,
      model: header
        ? {
            trainedAt: header.trainedAt,
            examples: header.examples,
            articles: header.articles,
            folds: header.folds,
            labels: header.labels.map((l) => ({ name: l.name, positives: l.positives, negatives: l.negatives, heldOut: l.heldOut, reliability: l.reliability })),
            current: this.last?.fingerprint === header.fingerprint,
          }
        : null,
      ordered: this.order ? Object.keys(this.order).length : 0,
      skipped,
      message: this.message,
      layers: this.layers,
      evaluation: this.evaluation,
    };
  }

  /** Trains after `delay` ms, unless asked again before: the last request wins. */
  schedule(delay: number): void {
    if (!this.worker || this.closed || !this.session.workspace) return;
    if (this.timer) clearTimeout(this.timer);
    if (this.state !== 'training') this.setState('waiting');
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.train();
    }, delay);
    this.timer.unref?.();
  }

  /** Trains now (after the running job, if one runs); resolves when done. */
  train(force = false): Promise<void> {
    if (!this.worker || this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.trainNow(force).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.train();
      }
    });
    return this.running;
  }

  /** Cross-validates against a layer in the worker; the result comes with `learn.changed`. */
  evaluate(against: string | undefined, settings: SuggestSettings): void {
    const workspace = this.session.workspace;
    if (!this.worker || !workspace) return;
    const layer = against ?? this.defaultLayer();
    if (!layer) {
      this.evaluation = { state: 'failed', message: 'Nobody has labelled anything in this workspace yet.' };
      return this.changed();
    }
    this.evaluation = { state: 'running', against: layer };
    this.changed();
    const root = workspace.root;
    this.worker
      .run({ kind: 'evaluate', root, labels: this.labels(), against: layer, folds: 5, seed: LEARN_SEED, settings })
      .then(
        async (result) => {
          if (result.kind !== 'evaluate' || this.root !== root) return;
          // The layers the evaluation read: a training may not have told them yet (both run in the worker at once).
          const layers = await this.layerNames(workspace);
          if (this.root !== root) return;
          this.layers = layers;
          const r = result.report;
          this.evaluation = { state: 'ready', against: r.against, folds: r.folds, items: r.items, articles: r.articles, learned: r.learned, rules: r.rules, combined: r.combined, curve: r.curve };
        },
        (error: unknown) => {
          if (this.root === root) this.evaluation = { state: 'failed', against: layer, message: error instanceof Error ? error.message : String(error) };
        },
      )
      .finally(() => this.changed());
  }

  /** articleId -> uncertainty, for "most uncertain first". */
  uncertainty(workspace: Workspace): Record<string, number> {
    const out: Record<string, number> = {};
    if (!this.order || this.root !== workspace.root) return out;
    for (const [path, value] of Object.entries(this.order)) {
      const id = workspace.idOfPath(path);
      if (id) out[id] = value;
    }
    return out;
  }

  /**
   * What one article is scored with for its learned suggestions, from `floor` up: the model and
   * the annotator's own decisions, which tell it the neighbours' labels. The suggester's thread
   * scores it (core/learn/score-job.ts), not this one. Null when there is no model.
   */
  scoringFor(article: GatheredArticle, layer: AnnotationFile | null, floor: number): Omit<LearnedScoring, 'site'> | null {
    const workspace = this.session.workspace;
    if (!this.loaded || !workspace || this.loaded.root !== workspace.root) return null;
    return { model: this.loaded.model, decided: article.paragraphs.map((p) => decisionOf(layer, p.id)), floor };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.worker?.close();
  }

  private labels(): string[] {
    return this.session.labels.map((l) => l.name);
  }

  private defaultLayer(): string | undefined {
    if (this.layers.includes(GOLD_ANNOTATOR)) return GOLD_ANNOTATOR;
    if (this.layers.includes(this.session.annotator)) return this.session.annotator;
    return this.layers[0];
  }

  private async opened(workspace: Workspace): Promise<void> {
    if (!this.worker) return;
    this.root = workspace.root;
    this.loaded = null;
    this.order = null;
    this.last = null;
    this.message = null;
    this.evaluation = { state: 'none' };
    this.layers = [];
    // The model kept from an earlier session serves at once; training checks it is current.
    if (await this.loadKept(workspace.root)) this.setState('ready');
    this.schedule(this.timings.afterOpenMs);
  }

  /** Takes the model kept in user data for this workspace; false when there is none to use. Emits nothing. */
  private async loadKept(root: string): Promise<boolean> {
    const file = modelPath(this.session.options.userDataDir, root);
    const stored = await loadModel(file, root);
    if (this.root !== root) return false;
    if (!('header' in stored)) {
      this.loaded = null;
      if (stored.problem === 'damaged') this.message = 'The kept model was damaged; it is being trained again.';
      return false;
    }
    const model = { key: stored.header.sha256, labels: stored.header.labels, vocabulary: shared(stored.vocabulary), weights: shared(stored.weights), bias: shared(stored.bias) };
    this.loaded = { root, header: stored.header, model };
    this.order = await this.keptOrder(root, stored.header.fingerprint);
    return true;
  }

  /** The article order kept beside the model of this fingerprint (null: none, or another model's). */
  private keptOrder(root: string, fingerprint: string): Promise<Record<string, number> | null> {
    return loadOrder(orderPath(modelPath(this.session.options.userDataDir, root)), fingerprint);
  }

  private async trainNow(force: boolean): Promise<void> {
    const workspace = this.session.workspace;
    if (!this.worker || !workspace) return;
    const root = workspace.root;
    this.setState('training');
    try {
      // Known before the worker answers: its progress can make the model usable (and told as
      // ready) before the training ends, and a status then must already name the layers.
      this.layers = await this.layerNames(workspace);
      const job = { kind: 'train' as const, root, userDataDir: this.session.options.userDataDir, labels: this.labels(), seed: LEARN_SEED, force };
      const result = await this.worker.run(job, (progress) => {
        // The model is usable before the worker has ordered the articles.
        if (this.root === root) void this.loadKept(root).then((loaded) => loaded && this.remember(progress.report, 'ready'));
      });
      if (result.kind !== 'train' || this.root !== root) return;
      const report = result.report;
      this.layers = await this.layerNames(workspace);
      if (report.state === 'too-few') {
        this.loaded = null;
        this.order = null;
        return this.remember(report, 'too-few');
      }
      // The model itself was taken when the worker said it was usable: only the order is new.
      if (this.loaded?.root === root && this.loaded.header.fingerprint === report.fingerprint) {
        this.order = await this.keptOrder(root, report.fingerprint);
        if (this.root === root) this.remember(report, 'ready');
        return;
      }
      this.remember(report, (await this.loadKept(root)) ? 'ready' : 'failed');
    } catch (error) {
      if (this.root !== root || this.closed) return;
      this.message = error instanceof Error ? error.message : String(error);
      this.state = this.loaded ? 'ready' : 'failed';
      this.changed();
    }
  }

  /** A training's outcome, told once. */
  private remember(report: TrainReport, state: LearnStatusView['state']): void {
    this.last = report;
    this.message = null;
    this.state = state;
    this.changed();
  }

  private layerNames(workspace: Workspace): Promise<string[]> {
    return new LayerReader(workspace.root).annotators();
  }

  private setState(state: LearnStatusView['state']): void {
    if (this.state === state) return;
    this.state = state;
    this.changed();
  }

  private changed(): void {
    if (!this.closed) this.emit('learn.changed', this.status());
  }
}
