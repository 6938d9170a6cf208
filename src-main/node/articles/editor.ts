/**
 * Changing how an article is read — encoding, segmentation, direction, language, splits and
 * merges — with this annotator's decisions carried along (annotations/reanchor-layer.ts) and
 * every change undoable for the session. The settings are the team's (settings.ts); the
 * decisions moved are this annotator's only: teammates' layers follow when their app reads the
 * article (re-anchoring on open).
 */
import { EditError, mergeEdit, splitEdit } from '../../core/edits';
import type { AnnotationFile } from '../annotations/schema';
import type { AnnotationStore } from '../annotations/store';
import { reattachOrphan, recodeLayer, resegmentLayer } from '../annotations/reanchor-layer';
import type { LoadedArticle } from '../workspace/read-article';
import type { Workspace } from '../workspace/workspace';
import { lookupFor } from './anchors';
import { emptySettings, type ArticleSettings } from './settings';

export interface EditorDeps {
  workspace(): Workspace;
  store(): AnnotationStore;
  annotator(): string;
  load(articleId: string): Promise<LoadedArticle>;
}

export interface EditOutcome {
  article: LoadedArticle;
  layer: AnnotationFile;
  undo?: string;
  message: string;
}

/** A refused edit, with a message for the editor (the handler turns it into a PilcrowError). */
export class EditRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Relabel = 'resegment' | 'recode' | 'none';

interface Snapshot {
  articleId: string;
  path: string;
  settings: ArticleSettings | null;
  before: Pick<AnnotationFile, 'paragraphs' | 'orphans'>;
  after: Pick<AnnotationFile, 'paragraphs' | 'orphans'>;
}

export interface Configure {
  encoding?: ArticleSettings['encoding'] | null;
  segmentation?: ArticleSettings['segmentation'] | null;
  direction?: ArticleSettings['direction'] | null;
  lang?: string | null;
}

const UNDO_LIMIT = 200;

export class ArticleEditor {
  private readonly snapshots = new Map<string, Snapshot>();
  private counter = 0;

  constructor(private readonly deps: EditorDeps) {}

  async configure(articleId: string, change: Configure): Promise<EditOutcome> {
    const current = await this.deps.load(articleId);
    const recode = change.encoding !== undefined && (change.encoding ?? undefined) !== current.settings?.encoding;
    const resegment = change.segmentation !== undefined && (change.segmentation ?? undefined) !== current.settings?.segmentation;
    if (recode && !current.encodingChoosable) throw new EditRefused('fixed-encoding', `${current.path}: a ${current.format} file's encoding is fixed by its format; it cannot be changed.`);
    if (resegment && current.format !== 'txt' && current.format !== 'md') {
      throw new EditRefused('fixed-segmentation', `${current.path}: a ${current.format} file's paragraphs come from its own structure; use split and merge instead.`);
    }
    const relabel: Relabel = recode ? 'recode' : resegment ? 'resegment' : 'none';
    return this.apply(articleId, relabel, (s) => {
      for (const key of ['encoding', 'segmentation', 'direction', 'lang'] as const) {
        const value = change[key];
        if (value === undefined) continue;
        if (value === null) delete s[key];
        else (s as Record<string, unknown>)[key] = value;
      }
      // Splits and merges were made on the old paragraphs; under another rule they mean nothing.
      if (resegment) s.edits = [];
    }, describeConfigure(change));
  }

  async split(articleId: string, paragraphId: string, offset: number): Promise<EditOutcome> {
    const before = await this.deps.load(articleId);
    const index = this.indexOf(before, paragraphId);
    const edit = refuseOnEditError(() => splitEdit(before.text, before.blocks[index]!, offset));
    return this.apply(articleId, 'resegment', (s) => s.edits.push(edit), `Split paragraph ${index + 1} in two; both halves keep its labels and are marked to re-check.`, (after) => after.paragraphs.length === before.paragraphs.length + 1);
  }

  async merge(articleId: string, paragraphId: string): Promise<EditOutcome> {
    const before = await this.deps.load(articleId);
    const index = this.indexOf(before, paragraphId);
    const edit = refuseOnEditError(() => mergeEdit(before.text, before.blocks, index));
    return this.apply(articleId, 'resegment', (s) => s.edits.push(edit), `Merged paragraphs ${index + 1} and ${index + 2}; the labels of both are kept and marked to re-check.`, (after) => after.paragraphs.length === before.paragraphs.length - 1);
  }

  resetEdits(articleId: string): Promise<EditOutcome> {
    return this.apply(articleId, 'resegment', (s) => (s.edits = []), 'Removed every split and merge in this article.');
  }

  async undo(articleId: string, token: string): Promise<EditOutcome> {
    const snapshot = this.snapshots.get(token);
    if (!snapshot || snapshot.articleId !== articleId) throw new EditRefused('nothing-to-undo', 'That change can no longer be undone (it was undone already, or Pilcrow was restarted).');
    this.snapshots.delete(token);
    const workspace = this.deps.workspace();
    await workspace.settings.write({ ...(snapshot.settings ?? emptySettings(snapshot.path)), updated_at: new Date().toISOString(), updated_by: this.deps.annotator() });
    workspace.forget(articleId);
    const article = await this.deps.load(articleId);
    const layer = isEmptyLayer(snapshot.before) && isEmptyLayer(snapshot.after) ? await this.deps.store().load(snapshot.path) : await this.deps.store().change(snapshot.path, (data) => restoreChanged(data, snapshot));
    return { article, layer, message: 'Undone.' };
  }

  async reattach(articleId: string, orphan: number, paragraphId: string): Promise<EditOutcome> {
    const article = await this.deps.load(articleId);
    const index = this.indexOf(article, paragraphId);
    const paragraph = article.paragraphs[index]!;
    let found = false;
    const layer = await this.deps.store().change(article.path, (data, now) => {
      found = reattachOrphan(data, orphan, paragraph, lookupFor(article)(paragraph.id), now);
    });
    if (!found) throw new EditRefused('unknown-orphan', `${article.path} has no orphaned label number ${orphan + 1}; reopen the article.`);
    return { article, layer, message: `Put the orphaned label back on paragraph ${index + 1}, marked to re-check.` };
  }

  private indexOf(article: LoadedArticle, paragraphId: string): number {
    const index = article.paragraphs.findIndex((p) => p.id === paragraphId);
    if (index < 0) throw new EditRefused('unknown-paragraph', `${article.path} has no paragraph ${paragraphId}; the file may have changed. Reopen the article.`);
    return index;
  }

  /** Saves new settings, re-reads the article, carries the decisions, and remembers how to undo. */
  private async apply(articleId: string, relabel: Relabel, mutate: (s: ArticleSettings) => void, message: string, check?: (after: LoadedArticle) => boolean): Promise<EditOutcome> {
    const workspace = this.deps.workspace();
    const store = this.deps.store();
    const before = await this.deps.load(articleId);
    const next = structuredClone(before.settings ?? emptySettings(before.path));
    mutate(next);
    next.updated_at = new Date().toISOString();
    next.updated_by = this.deps.annotator();
    const restoreSettings = async () => {
      await workspace.settings.write({ ...(before.settings ?? emptySettings(before.path)), updated_at: next.updated_at });
      workspace.forget(articleId);
    };
    await workspace.settings.write(next);
    workspace.forget(articleId);
    const after = await this.deps.load(articleId).catch(async (error: unknown) => {
      await restoreSettings();
      throw error;
    });
    if (check && !check(after)) {
      await restoreSettings();
      throw new EditRefused('edit-not-applied', `${before.path}: that change would not apply cleanly to the text; nothing was changed.`);
    }
    const layerBefore = copyLayer(await store.load(before.path));
    // Direction and language change no paragraph: the layer is not rewritten. Nor is a layer with
    // no decision in it: a settings change must not create a label file (that editor would then
    // count as an annotator of the article, in agreement and progress).
    const layer =
      relabel === 'none' || isEmptyLayer(layerBefore)
        ? await store.load(before.path)
        : await store.change(before.path, (data, now) => {
            if (relabel === 'resegment') resegmentLayer(data, before, after, now);
            else recodeLayer(data, before, after, now);
          });
    const undo = this.remember({ articleId, path: before.path, settings: before.settings, before: layerBefore, after: copyLayer(layer) });
    return { article: after, layer, undo, message };
  }

  private remember(snapshot: Snapshot): string {
    const token = `u${(++this.counter).toString(36)}`;
    this.snapshots.set(token, snapshot);
    if (this.snapshots.size > UNDO_LIMIT) this.snapshots.delete(this.snapshots.keys().next().value as string);
    return token;
  }
}

function isEmptyLayer(layer: Snapshot['before']): boolean {
  return Object.keys(layer.paragraphs).length === 0 && layer.orphans.length === 0;
}

function copyLayer(layer: AnnotationFile): Snapshot['before'] {
  return structuredClone({ paragraphs: layer.paragraphs, orphans: layer.orphans });
}

/** Undo touches only the decisions the change touched; later decisions elsewhere stay. */
function restoreChanged(data: AnnotationFile, { before, after }: Snapshot): void {
  const keys = new Set([...Object.keys(before.paragraphs), ...Object.keys(after.paragraphs)]);
  for (const key of keys) {
    if (JSON.stringify(before.paragraphs[key]) === JSON.stringify(after.paragraphs[key])) continue;
    const entry = before.paragraphs[key];
    if (entry) data.paragraphs[key] = structuredClone(entry);
    else delete data.paragraphs[key];
  }
  if (JSON.stringify(before.orphans) !== JSON.stringify(after.orphans)) data.orphans = structuredClone(before.orphans);
}

function refuseOnEditError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EditError) throw new EditRefused('bad-edit', error.message);
    throw error;
  }
}

function describeConfigure(change: Configure): string {
  const parts = Object.entries(change)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (v === null ? `${k}: as detected` : `${k}: ${String(v)}`));
  return parts.length ? `Saved for the whole team: ${parts.join(', ')}.` : 'Nothing changed.';
}
