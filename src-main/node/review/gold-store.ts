/**
 * The adjudicated layer (`annotations/gold/`), written by whoever reviews. Each gold decision
 * records the reviewer, the time, and whose answer was taken.
 */
import { Low } from 'lowdb';
import { DurableJsonFile, LAYER_LIMIT, type RecoveryReport } from '../storage';
import { annotationFileSchema, emptyAnnotationFile, type AnnotationFile } from '../annotations/schema';
import { annotationFilePath } from '../annotations/paths';
import { mergeFromDisk } from '../annotations/merge-from-disk';
import { withoutRepeatedLabels } from '../annotations/repeated-labels';
import type { MergedFromDisk } from '../annotations/store';
import { sharedFileOptions } from '../workspace/gitignore';
import { GOLD_ANNOTATOR } from '../../shared/labels';

export interface GoldDecision {
  paragraph: { id: string; index: number };
  labels: string[];
  /** `annotator:NAME`, `majority`, `agreed` (bulk accept) or `new`. */
  took: string;
}

export class GoldStore {
  private readonly dbs = new Map<string, Promise<Low<AnnotationFile>>>();
  private readonly files = new Map<string, DurableJsonFile<AnnotationFile>>();
  /** Told when a gold file changed on disk (a teammate's adjudication, pulled) was merged in. */
  onMerged: ((report: MergedFromDisk) => void) | null = null;

  constructor(
    readonly root: string,
    readonly reviewer: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
  ) {}

  async load(articlePath: string): Promise<AnnotationFile> {
    const db = await this.db(articlePath);
    // Other reviewers' adjudications arrive through git or a sync: merged, never overwritten.
    await this.files.get(articlePath)?.refresh(db.data);
    return db.data;
  }

  /** Saves gold decisions for one article in one durable write. */
  async set(articlePath: string, decisions: readonly GoldDecision[]): Promise<AnnotationFile> {
    const db = await this.db(articlePath);
    const now = new Date().toISOString();
    await db.update((data) => {
      for (const d of decisions) {
        data.paragraphs[d.paragraph.id] = { index: d.paragraph.index, labels: [...d.labels], updated_at: now, reviewer: this.reviewer, took: d.took };
      }
      data.updated_at = now;
    });
    return db.data;
  }

  async clear(articlePath: string, paragraphId: string): Promise<AnnotationFile> {
    const db = await this.db(articlePath);
    await db.update((data) => {
      delete data.paragraphs[paragraphId];
      data.updated_at = new Date().toISOString();
    });
    return db.data;
  }

  private db(articlePath: string): Promise<Low<AnnotationFile>> {
    let pending = this.dbs.get(articlePath);
    if (!pending) {
      pending = this.open(articlePath);
      this.dbs.set(articlePath, pending);
      pending.catch(() => this.dbs.delete(articlePath));
    }
    return pending;
  }

  private async open(articlePath: string): Promise<Low<AnnotationFile>> {
    const file = annotationFilePath(this.root, GOLD_ANNOTATOR, articlePath);
    const reconcile = (onDisk: AnnotationFile, base: AnnotationFile | null, mine: AnnotationFile) => {
      const decisions = mergeFromDisk(mine, base, onDisk);
      if (decisions > 0) this.onMerged?.({ article: articlePath, annotator: GOLD_ANNOTATOR, decisions });
    };
    const adapter = new DurableJsonFile<AnnotationFile>(file, { ...sharedFileOptions(this.root), limit: LAYER_LIMIT, parse: (v) => withoutRepeatedLabels(annotationFileSchema.parse(v)), onRecover: this.onRecover, reconcile });
    this.files.set(articlePath, adapter);
    const db = new Low<AnnotationFile>(adapter, emptyAnnotationFile(articlePath, GOLD_ANNOTATOR));
    await db.read();
    return db;
  }
}
