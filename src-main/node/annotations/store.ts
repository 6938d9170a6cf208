/**
 * This annotator's labels, one lowdb database per article, each saved durably on every change.
 * Other annotators' layers are read, never written.
 */
import { readdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DurableJsonFile, type RecoveryReport } from '../storage';
import { annotationFileSchema, emptyAnnotationFile, type AnnotationFile } from './schema';
import { annotationFilePath, annotationsDir, quarantineDir } from './paths';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';

export class AnnotationStore {
  private readonly dbs = new Map<string, Promise<Low<AnnotationFile>>>();

  constructor(
    readonly root: string,
    readonly annotator: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
  ) {}

  /** This annotator's labels for an article (an empty file's content when none yet). */
  async load(articlePath: string): Promise<AnnotationFile> {
    return (await this.db(articlePath)).data;
  }

  /** Replaces one paragraph's label set; resolves once the file is durable on disk. */
  async setLabels(articlePath: string, paragraph: { id: string; index: number }, labels: string[]): Promise<AnnotationFile> {
    const db = await this.db(articlePath);
    const now = new Date().toISOString();
    await db.update((data) => {
      if (labels.length === 0) delete data.paragraphs[paragraph.id];
      else data.paragraphs[paragraph.id] = { index: paragraph.index, labels: [...labels], updated_at: now };
      data.updated_at = now;
    });
    return db.data;
  }

  private db(articlePath: string): Promise<Low<AnnotationFile>> {
    let pending = this.dbs.get(articlePath);
    if (!pending) {
      pending = this.openDb(articlePath);
      this.dbs.set(articlePath, pending);
      pending.catch(() => this.dbs.delete(articlePath));
    }
    return pending;
  }

  private async openDb(articlePath: string): Promise<Low<AnnotationFile>> {
    const adapter = this.adapter(this.annotator, articlePath);
    const db = new Low<AnnotationFile>(adapter, emptyAnnotationFile(articlePath, this.annotator));
    await db.read();
    return db;
  }

  private adapter(annotator: string, articlePath: string): DurableJsonFile<AnnotationFile> {
    return layerFile(this.root, annotator, articlePath, this.onRecover);
  }
}

/** Every annotator's layers, for export and review. */
export class LayerReader {
  constructor(
    readonly root: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
  ) {}

  /** Names of every annotator with a layer folder in the workspace. */
  async annotators(): Promise<string[]> {
    const entries = await readdir(annotationsDir(this.root), { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory() && ANNOTATOR_NAME_PATTERN.test(e.name)).map((e) => e.name).sort();
  }

  /** One annotator's layer for an article; null when they have none. */
  readLayer(annotator: string, articlePath: string): Promise<AnnotationFile | null> {
    return layerFile(this.root, annotator, articlePath, this.onRecover).read();
  }
}

function layerFile(root: string, annotator: string, articlePath: string, onRecover: (report: RecoveryReport) => void): DurableJsonFile<AnnotationFile> {
  return new DurableJsonFile<AnnotationFile>(annotationFilePath(root, annotator, articlePath), {
    parse: (value) => annotationFileSchema.parse(value),
    onRecover,
    quarantineDir: quarantineDir(root),
  });
}
