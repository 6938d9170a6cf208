/**
 * This annotator's decisions, one lowdb database per article, each saved durably on every change.
 * Other annotators' layers are read, never written. Labels renamed in the workspace schema are
 * migrated in this annotator's files when they are opened (and all at once by `migrateAll`).
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { checkBytes, DurableJsonFile, LAYER_LIMIT, listConfined, makeFolders, readPlainFileSync, RefusedFileError, walkConfined, type RecoveryReport } from '../storage';
import { annotationFileSchema, emptyAnnotationFile, type AnnotationFile } from './schema';
import { annotationFilePath, annotationsDir, articleOfStem } from './paths';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';
import { migrateLabelSet } from '../../core/label-schema';
import { setDecision } from './decision-ops';
import { fillAnchors, type AnchorLookup } from './reanchor-layer';
import { LayerSerialiser } from './layer-format';
import { mergeFromDisk } from './merge-from-disk';
import { withoutRepeatedLabels } from './repeated-labels';
import { quickAnnotationFile } from './quick-check';
import { yielder } from '../storage/yielder';
import { sharedFileOptions } from '../workspace/gitignore';
import { readRenames } from '../workspace-schema/schema-store';

export type Renames = () => ReadonlyMap<string, string>;

/** This annotator's label file changed on disk while the app held it, and was merged (merge-from-disk.ts). */
export interface MergedFromDisk {
  article: string;
  annotator: string;
  /** Paragraphs whose decision came from the file on disk. */
  decisions: number;
}

export class AnnotationStore {
  private readonly dbs = new Map<string, Promise<Low<AnnotationFile>>>();
  private readonly files = new Map<string, DurableJsonFile<AnnotationFile>>();
  /** Told when a file changed on disk (a git pull, a sync) was merged into what the app holds. */
  onMerged: ((report: MergedFromDisk) => void) | null = null;
  /**
   * Another Pilcrow holds this layer's writer lock: changes made while reading (re-anchoring on
   * open, renames) stay in memory and nothing is written. Editors' changes are refused earlier.
   */
  readOnly = false;
  /** Per article, the anchor lookup every decision's anchor was last filled from. */
  private readonly anchoredWith = new Map<string, AnchorLookup>();
  /** Articles whose layer folder exists (made on the first save). */
  private readonly folderMade = new Set<string>();

  constructor(
    readonly root: string,
    readonly annotator: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
    private readonly renames: Renames = () => new Map(),
  ) {}

  /** This annotator's labels for an article (an empty file's content when none yet). */
  async load(articlePath: string): Promise<AnnotationFile> {
    const db = await this.db(articlePath);
    // The window that holds the lock may have written since: a read-only one reads afresh.
    if (this.readOnly) {
      await db.read();
      renameInLayer(db.data, this.renames());
    } else {
      // A sync or git pull may have changed the file since: bring it in before it is shown or changed.
      await this.files.get(articlePath)?.refresh(db.data);
    }
    return db.data;
  }

  /**
   * Where the article's paragraphs are (set by the session): every save records each decision's
   * text anchor, so labels can be re-anchored when the file changes (reanchor-layer.ts).
   */
  anchorsFor: ((articlePath: string) => Promise<AnchorLookup | null>) | null = null;

  /** Changes an article's decisions in memory and resolves once the file is durable on disk. */
  async change(articlePath: string, mutate: (data: AnnotationFile, now: string) => void): Promise<AnnotationFile> {
    const db = await this.db(articlePath);
    const now = new Date().toISOString();
    if (this.readOnly) {
      mutate(db.data, now);
      return db.data;
    }
    const anchors = await this.anchorsFor?.(articlePath).catch(() => null);
    // Folders are made on the first write, so opening a workspace leaves no empty annotator folder.
    if (!this.folderMade.has(articlePath)) {
      await makeFolders(this.root, dirname(annotationFilePath(this.root, this.annotator, articlePath)));
      this.folderMade.add(articlePath);
    }
    await db.update((data) => {
      // With the same reading of the article as last time, only decisions this change replaced
      // or added need an anchor (the others got theirs then); a new reading refreshes them all.
      const sameReading = !!anchors && this.anchoredWith.get(articlePath) === anchors;
      const before = sameReading ? new Map(Object.entries(data.paragraphs)) : null;
      mutate(data, now);
      if (anchors) {
        fillAnchors(data, anchors, before ? (id, entry) => before.get(id) !== entry || !entry.anchor : undefined);
        this.anchoredWith.set(articlePath, anchors);
      } else this.anchoredWith.delete(articlePath);
      data.updated_at = now;
    });
    return db.data;
  }

  /** Replaces one paragraph's label set (`[]` = reviewed — none). */
  setLabels(articlePath: string, paragraph: { id: string; index: number }, labels: string[]): Promise<AnnotationFile> {
    return this.change(articlePath, (data, now) => setDecision(data, paragraph, { labels }, now));
  }

  /** Applies the schema's renames to every file of this annotator; returns what changed. */
  async migrateAll(): Promise<{ files: number; paragraphs: number }> {
    const renames = this.renames();
    let files = 0;
    let paragraphs = 0;
    if (renames.size === 0) return { files, paragraphs };
    for (const articlePath of await this.layerPaths()) {
      const db = await this.db(articlePath);
      const changed = renameInLayer(structuredClone(db.data), renames);
      if (changed === 0) continue;
      await db.update((data) => void renameInLayer(data, renames));
      files += 1;
      paragraphs += changed;
    }
    return { files, paragraphs };
  }

  /** Article paths of every file in this annotator's folder. */
  private async layerPaths(): Promise<string[]> {
    return layerFilesOf(this.root, this.annotator);
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
    // A teammate renamed a label since this file was last written: migrate it now, durably.
    const renames = this.renames();
    if (renames.size > 0 && renameInLayer(structuredClone(db.data), renames) > 0) {
      if (this.readOnly) renameInLayer(db.data, renames);
      else await db.update((data) => void renameInLayer(data, renames));
    }
    return db;
  }

  private adapter(annotator: string, articlePath: string): DurableJsonFile<AnnotationFile> {
    const file = layerFile(this.root, annotator, articlePath, this.onRecover, (onDisk, base, mine) => {
      const renames = this.renames();
      renameInLayer(onDisk, renames);
      if (base) renameInLayer(base, renames);
      const decisions = mergeFromDisk(mine, base, onDisk);
      this.anchoredWith.delete(articlePath); // anchors of what came in are refreshed on the next save
      if (decisions > 0) this.onMerged?.({ article: articlePath, annotator, decisions });
    });
    this.files.set(articlePath, file);
    return file;
  }
}

/** Renames labels in decisions, orphans and suggestion records; returns how many entries changed. */
function renameInLayer(data: AnnotationFile, renames: ReadonlyMap<string, string>): number {
  let changed = 0;
  const entries = [...Object.values(data.paragraphs), ...data.orphans.map((o) => o.entry)];
  for (const entry of entries) {
    const labels = migrateLabelSet(entry.labels, renames);
    if (labels) {
      entry.labels = labels;
      changed += 1;
    }
    if (entry.suggested_by && Object.keys(entry.suggested_by).some((l) => renames.has(l))) {
      entry.suggested_by = Object.fromEntries(Object.entries(entry.suggested_by).map(([l, who]) => [renames.get(l) ?? l, who]));
    }
  }
  return changed;
}

/**
 * The article paths of an annotator's label files, found by listing their folder (a long name's
 * short hashed file is mapped back through its `article` field; one that cannot be is skipped).
 */
export async function layerFilesOf(root: string, annotator: string): Promise<string[]> {
  const base = join(annotationsDir(root), annotator);
  const entries = await walkConfined(root, base, (name) => name.startsWith('.')).catch(() => []);
  const paths: string[] = [];
  for (const e of entries) {
    if (e.kind !== 'file' || !e.name.endsWith('.json')) continue;
    const article = await articleOfStem(root, join(base, ...e.path.split('/')), e.path.replace(/\.json$/, ''));
    if (article !== null) paths.push(article);
  }
  return paths;
}

/** Label files readLayers reads the careful way at once. */
const CAREFUL_BATCH = 32;

/**
 * Every annotator's layers, for export, review, agreement and the CLI. Each layer is read with the
 * workspace's label renames applied (in memory; a teammate's file is never written), so a layer
 * whose owner's app has not migrated it yet reads like one that has (docs/storage.md).
 */
export class LayerReader {
  #renames: Promise<ReadonlyMap<string, string>> | null = null;

  constructor(
    readonly root: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
    /** The renames to apply; by default the workspace schema's, read once without side effects. */
    renames?: Renames,
  ) {
    if (renames) this.#renames = Promise.resolve().then(renames);
  }

  /**
   * Names of every annotator with a layer folder in the workspace. A layer folder that is a
   * symbolic link is reported (named, never followed) and left out.
   */
  async annotators(): Promise<string[]> {
    const dir = annotationsDir(this.root);
    const entries = await listConfined(this.root, dir).catch((error: unknown) => {
      if (error instanceof RefusedFileError) this.onRecover({ file: error.file, problem: error.problem, quarantinedTo: null, restoredFrom: 'none' });
      return [];
    });
    for (const e of entries) {
      if (e.kind !== 'link' || !ANNOTATOR_NAME_PATTERN.test(e.name)) continue;
      const refusal = await listConfined(this.root, join(dir, e.name)).then(() => null, (error: unknown) => error);
      if (refusal instanceof RefusedFileError) this.onRecover({ file: refusal.file, problem: refusal.problem, quarantinedTo: null, restoredFrom: 'none' });
    }
    return entries.filter((e) => e.kind === 'folder' && ANNOTATOR_NAME_PATTERN.test(e.name)).map((e) => e.name).sort();
  }

  /** One annotator's layer for an article; null when they have none. */
  async readLayer(annotator: string, articlePath: string): Promise<AnnotationFile | null> {
    const layer = await layerFile(this.root, annotator, articlePath, this.onRecover).read();
    const renames = await this.renames();
    if (layer && renames.size > 0) renameInLayer(layer, renames);
    return layer;
  }

  /**
   * Many layers, in the order asked, for readers of thousands of files (team progress). A file
   * that is plainly fine (a regular file reached through real folders, within the limit, whole,
   * valid by quickAnnotationFile) is read and checked without waiting: a tenth of readLayer's
   * time, which goes to awaiting the open, stat, link check, read and close one by one and to
   * zod. Every other file (missing, a link, damaged, mid-merge, anything unusual) goes through
   * readLayer, which names it as every reader does. Yields to the event loop between slices.
   */
  async readLayers(wanted: readonly { annotator: string; article: string }[]): Promise<(AnnotationFile | null)[]> {
    const renames = await this.renames();
    let realRoot: string | null;
    try {
      realRoot = realpathSync.native(this.root);
    } catch {
      realRoot = null;
    }
    const found: (AnnotationFile | null)[] = [];
    const careful: number[] = [];
    const pause = yielder();
    for (const [i, w] of wanted.entries()) {
      await pause();
      const quick = realRoot === null ? null : this.#readPlainly(realRoot, w.annotator, w.article);
      if (quick && renames.size > 0) renameInLayer(quick, renames);
      found.push(quick);
      if (!quick) careful.push(i);
    }
    for (let start = 0; start < careful.length; start += CAREFUL_BATCH) {
      const batch = careful.slice(start, start + CAREFUL_BATCH);
      const layers = await Promise.all(batch.map((i) => this.readLayer(wanted[i]!.annotator, wanted[i]!.article)));
      batch.forEach((i, k) => (found[i] = layers[k]!));
    }
    return found;
  }

  #readPlainly(realRoot: string, annotator: string, article: string): AnnotationFile | null {
    const bytes = readPlainFileSync(this.root, realRoot, annotationFilePath(this.root, annotator, article), LAYER_LIMIT);
    const check = bytes && checkBytes(bytes);
    const file = check?.ok ? quickAnnotationFile(check.value) : null;
    return file && withoutRepeatedLabels(file);
  }

  /** The renames applied to every layer read (what anything derived from a layer depends on too). */
  renames(): Promise<ReadonlyMap<string, string>> {
    this.#renames ??= readRenames(this.root);
    return this.#renames;
  }
}

/** An annotator's label file, as every writer saves it: one line per decision (layer-format.ts). */
export function layerFile(
  root: string,
  annotator: string,
  articlePath: string,
  onRecover: (report: RecoveryReport) => void,
  reconcile?: (onDisk: AnnotationFile, base: AnnotationFile | null, mine: AnnotationFile) => void,
): DurableJsonFile<AnnotationFile> {
  const serialiser = new LayerSerialiser();
  return new DurableJsonFile<AnnotationFile>(annotationFilePath(root, annotator, articlePath), {
    ...sharedFileOptions(root),
    limit: LAYER_LIMIT,
    parse: (value) => withoutRepeatedLabels(annotationFileSchema.parse(value)),
    serialise: (data) => serialiser.serialise(data),
    onRecover,
    ...(reconcile ? { reconcile } : {}),
  });
}
