/**
 * The agreement report without re-reading every layer file on every call (issue 8: 10.6 s at
 * 18,000 layer files, as slow as parsing their 264 MB). Teammates' and gold layers are parsed
 * once and kept until a watcher on `.pilcrow/annotations/` sees their file change (sync tools,
 * git), or this process says it wrote them (gold, import: `forget`); this annotator's own layers
 * come from the session's store, which always holds them as saved. A report is reused while
 * nothing it was computed from changed: the layers, the articles' readings, the choice.
 */
import { existsSync } from 'node:fs';
import type { WorkspaceAgreement } from '../../shared/contract/review';
import type { AnnotationFile } from '../annotations/schema';
import { annotationsDir } from '../annotations/paths';
import { LayerReader } from '../annotations/store';
import type { Session } from '../app/session';
import { perSession } from '../app/per-session';
import { watchTree, type TreeWatcher } from '../watch/tree-watcher';

export type LayerSource = Pick<LayerReader, 'annotators' | 'readLayer'>;

interface Memo {
  choice: string;
  version: number;
  /** The article readings and own-layer save times it was computed from, compared by identity. */
  inputs: unknown[];
  report: WorkspaceAgreement;
}

export class AgreementCache {
  private root: string | null = null;
  private watcher: TreeWatcher | null = null;
  /** `<annotator>/<article path>` (the file's place under annotations/, without .json) -> layer. */
  private layers = new Map<string, Promise<AnnotationFile | null>>();
  /** Increases whenever a cached layer is dropped, so a report computed meanwhile is not kept. */
  private version = 0;
  private memo: Memo | null = null;

  constructor(private readonly session: Session) {
    session.onClose.add(() => this.follow(null));
  }

  /** The report for `choice` (annotators, labels…), reused or computed by `compute` on cached layers. */
  async report(choice: unknown, compute: (layers: LayerSource) => Promise<WorkspaceAgreement>): Promise<WorkspaceAgreement> {
    const { workspace, store } = this.session.requireWorkspace();
    this.follow(workspace.root);
    const key = JSON.stringify([this.session.annotator, choice]);
    const entries = await workspace.entries();
    const inputs: unknown[] = [];
    for (const entry of entries) {
      inputs.push(entry.ok ? entry.article : entry.error);
      inputs.push(entry.ok ? (await store.load(entry.path)).updated_at : null);
    }
    const memo = this.memo;
    if (memo && memo.choice === key && memo.version === this.version && sameItems(memo.inputs, inputs)) return memo.report;
    const version = this.version;
    const report = await compute(this.source(workspace.root));
    this.memo = { choice: key, version, inputs, report };
    return report;
  }

  /** This process wrote an annotator's layer (one article's, or all of them): read it again next time. */
  forget(annotator?: string, articlePath?: string): void {
    this.drop(annotator === undefined ? '' : articlePath === undefined ? annotator : `${annotator}/${articlePath}`);
  }

  private source(root: string): LayerSource {
    const files = new LayerReader(root, this.session.options.onRecover);
    return {
      annotators: () => files.annotators(),
      readLayer: (annotator, articlePath) => {
        const store = this.session.store;
        if (store && store.root === root && annotator === store.annotator) return store.load(articlePath);
        if (!this.watcher) return files.readLayer(annotator, articlePath);
        const key = `${annotator}/${articlePath}`;
        let layer = this.layers.get(key);
        if (!layer) {
          layer = files.readLayer(annotator, articlePath);
          this.layers.set(key, layer);
          layer.catch(() => this.layers.delete(key));
        }
        return layer;
      },
    };
  }

  /**
   * Watches the layers of `root` (null: stop), starting over when the workspace changes. Until
   * the annotations folder exists nothing can be watched, so nothing is cached either.
   */
  private follow(root: string | null): void {
    if (root !== this.root) {
      this.watcher?.close();
      this.watcher = null;
      this.root = root;
      this.drop('');
    }
    if (root && !this.watcher && existsSync(annotationsDir(root))) {
      this.drop('');
      this.watcher = watchTree(annotationsDir(root), (paths) => paths.forEach((p) => this.drop(p.replace(/\.json$/, ''))));
    }
  }

  /** Forgets the layers at `place` under annotations/ (a file, or a folder and all below; '' = all). */
  private drop(place: string): void {
    this.version += 1;
    this.memo = null;
    if (place === '') return this.layers.clear();
    for (const key of [...this.layers.keys()]) if (key === place || key.startsWith(`${place}/`)) this.layers.delete(key);
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The session's one agreement cache (made on first use). */
export const agreementCacheOf = perSession((session) => new AgreementCache(session));
