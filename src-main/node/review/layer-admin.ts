/**
 * Managing annotator layers from Review (and `pilcrow layers`): rename, merge into another layer,
 * remove — recoverably. Nothing is deleted: a layer that goes away is moved, files unchanged, to
 * `.pilcrow/removed-layers/<annotator>~<time>/layer/` beside a `removed.json` that says who,
 * when, how (removed, renamed to, merged into) and, for a merge, every conflicting decision. That
 * folder is shared like `annotations/`, so a teammate who pulls sees the same layers; **Restore**
 * moves the layer back. A merge keeps the target's decision where both decided differently and
 * reports each such paragraph; nothing is dropped silently (docs/review.md, "Managing layers").
 */
import { rename as renameFolder } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { decisionOf } from '../../core/decisions';
import type { LayerConflict, LayersView, RemovedLayerView } from '../../shared/contract/review';
import { ANNOTATOR_NAME_PATTERN, GOLD_ANNOTATOR } from '../../shared/labels';
import { SaidError } from '../../shared/messages';
import { PILCROW_DIR, annotationsDir } from '../annotations/paths';
import type { AnnotationFile } from '../annotations/schema';
import { LayerReader, layerFile, layerFilesOf } from '../annotations/store';
import { checkFolder, confinedDurableFs, listConfined, lstatConfined, makeFolders, readConfined, writeAtomic, type RecoveryReport } from '../storage';
import { ensureGitignore } from '../workspace/gitignore';

export const REMOVED_LAYERS_DIR = 'removed-layers';
const MANIFEST = 'removed.json';
const MANIFEST_LIMIT = { maxBytes: 4 * 1048576, what: 'a removed layer’s record', advice: 'restore it from git, or move the layer folder beside it back by hand' };

const conflictSchema = z.object({ article: z.string(), paragraph: z.string(), index: z.number(), from: z.array(z.string()), into: z.array(z.string()) });
const manifestSchema = z.object({
  version: z.literal(1),
  annotator: z.string().regex(ANNOTATOR_NAME_PATTERN),
  removed_at: z.string(),
  removed_by: z.string(),
  how: z.enum(['removed', 'renamed', 'merged']),
  to: z.string().nullable(),
  conflicts: z.array(conflictSchema).max(1_000_000),
  restored_at: z.string().optional(),
});
type Manifest = z.infer<typeof manifestSchema>;

const said = (detail: { code: 'layer-admin'; problem: 'unknown' | 'exists' | 'reserved' | 'yours' | 'same' | 'unreadable' | 'restored' | 'no-record'; name: string; other?: string }) => new SaidError({ other: '', ...detail });

export class LayerAdmin {
  constructor(
    readonly root: string,
    /** Who does it (recorded), and whose layer this app writes: never moved under it. */
    readonly me: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
  ) {}

  private get removedDir(): string {
    return join(this.root, PILCROW_DIR, REMOVED_LAYERS_DIR);
  }

  async list(): Promise<LayersView> {
    const reader = new LayerReader(this.root, this.onRecover);
    const names = (await reader.annotators()).filter((a) => a !== GOLD_ANNOTATOR);
    const layers = await Promise.all(names.map(async (name) => ({ name, articles: (await layerFilesOf(this.root, name)).length })));
    const entries = await listConfined(this.root, this.removedDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    const removed: RemovedLayerView[] = [];
    for (const e of entries.filter((x) => x.kind === 'folder').sort((a, b) => (a.name < b.name ? 1 : -1))) {
      const manifest = await this.manifest(e.name).catch(() => null);
      if (manifest?.restored_at) continue;
      const annotator = manifest?.annotator ?? e.name.replace(/~[^~]*$/, '');
      removed.push({ id: e.name, annotator, removedAt: manifest?.removed_at ?? null, removedBy: manifest?.removed_by ?? null, how: manifest?.how ?? 'removed', to: manifest?.to ?? null, conflicts: manifest?.conflicts ?? [] });
    }
    return { layers, removed };
  }

  /** Moves the layer aside; it can be restored. */
  async remove(name: string): Promise<RemovedLayerView> {
    await this.checkMovable(name);
    return this.setAside(name, 'removed', null, []);
  }

  /** The layer under a new name: every file written for `to`, then `from` set aside as "renamed". */
  async rename(from: string, to: string): Promise<RemovedLayerView> {
    await this.checkMovable(from);
    await this.checkNew(to, from);
    const files = await this.readAll(from);
    for (const [path, layer] of files) await layerFile(this.root, to, path, this.onRecover).write({ ...layer, annotator: to });
    return this.setAside(from, 'renamed', to, []);
  }

  /** `from`'s decisions into `into` where `into` has none; where both decided differently, `into`'s stays and the paragraph is reported. */
  async merge(from: string, into: string): Promise<RemovedLayerView> {
    await this.checkMovable(from);
    if (from === into) throw said({ code: 'layer-admin', problem: 'same', name: from });
    await this.checkMovable(into);
    const theirs = await this.readAll(from);
    const ours = await this.readAll(into, [...theirs.keys()]);
    const conflicts: LayerConflict[] = [];
    for (const [path, source] of theirs) {
      const target: AnnotationFile = ours.get(path) ?? { ...source, annotator: into, paragraphs: {}, orphans: [] };
      for (const [id, entry] of Object.entries(source.paragraphs)) {
        const mine = target.paragraphs[id];
        const a = decisionOf({ paragraphs: { [id]: mine } }, id);
        const b = decisionOf({ paragraphs: { [id]: entry } }, id);
        if (!mine) target.paragraphs[id] = entry;
        else if (a === undefined && b !== undefined) target.paragraphs[id] = { ...entry, ...(mine.note ? { note: mine.note } : {}), ...(mine.flagged ? { flagged: true } : {}) };
        else if (a && b && [...a].sort().join('\u0000') !== [...b].sort().join('\u0000')) conflicts.push({ article: path, paragraph: id, index: mine.index, from: [...b], into: [...a] });
        else if (!mine.note && entry.note) target.paragraphs[id] = { ...mine, note: entry.note };
      }
      const known = new Set(target.orphans.map((o) => o.paragraph_id));
      for (const orphan of source.orphans) if (!known.has(orphan.paragraph_id)) target.orphans.push(orphan);
      target.updated_at = new Date().toISOString();
      await layerFile(this.root, into, path, this.onRecover).write(target);
    }
    return this.setAside(from, 'merged', into, conflicts);
  }

  /** Moves a set-aside layer back under its name (refused while a layer of that name exists). */
  async restore(id: string): Promise<string> {
    if (!/^[^/\\]+~[0-9TZ-]+$/.test(id)) throw said({ code: 'layer-admin', problem: 'no-record', name: id });
    const manifest = await this.manifest(id).catch(() => null);
    const name = manifest?.annotator ?? id.replace(/~[^~]*$/, '');
    if (manifest?.restored_at) throw said({ code: 'layer-admin', problem: 'restored', name });
    if (!ANNOTATOR_NAME_PATTERN.test(name)) throw said({ code: 'layer-admin', problem: 'no-record', name: id });
    if (await lstatConfined(this.root, join(annotationsDir(this.root), name))) throw said({ code: 'layer-admin', problem: 'exists', name });
    const layer = join(this.removedDir, id, 'layer');
    await checkFolder(this.root, layer);
    await makeFolders(this.root, annotationsDir(this.root));
    await renameFolder(layer, join(annotationsDir(this.root), name));
    if (manifest) await this.writeManifest(id, { ...manifest, restored_at: new Date().toISOString() });
    return name;
  }

  private async checkMovable(name: string): Promise<void> {
    if (name === GOLD_ANNOTATOR) throw said({ code: 'layer-admin', problem: 'reserved', name });
    if (name === this.me) throw said({ code: 'layer-admin', problem: 'yours', name });
    const info = await lstatConfined(this.root, join(annotationsDir(this.root), name));
    if (!info?.isDirectory()) throw said({ code: 'layer-admin', problem: 'unknown', name });
  }

  private async checkNew(name: string, from: string): Promise<void> {
    if (name === GOLD_ANNOTATOR || !ANNOTATOR_NAME_PATTERN.test(name)) throw said({ code: 'layer-admin', problem: 'reserved', name });
    if (name === this.me) throw said({ code: 'layer-admin', problem: 'yours', name });
    if (await lstatConfined(this.root, join(annotationsDir(this.root), name))) throw said({ code: 'layer-admin', problem: 'exists', name, other: from });
  }

  /** Every label file of a layer, read whole before anything changes; one that cannot be read stops the operation. */
  private async readAll(annotator: string, only?: string[]): Promise<Map<string, AnnotationFile>> {
    const paths = only ?? (await layerFilesOf(this.root, annotator));
    const files = new Map<string, AnnotationFile>();
    for (const path of paths) {
      let problem = false;
      const layer = await layerFile(this.root, annotator, path, (report) => {
        problem = true;
        this.onRecover(report);
      }).read();
      if (problem) throw said({ code: 'layer-admin', problem: 'unreadable', name: annotator, other: path });
      if (layer) files.set(path, layer);
    }
    return files;
  }

  private async setAside(name: string, how: Manifest['how'], to: string | null, conflicts: LayerConflict[]): Promise<RemovedLayerView> {
    const removedAt = new Date().toISOString();
    const id = `${name}~${removedAt.replace(/[:.]/g, '-')}`;
    await ensureGitignore(this.root);
    await makeFolders(this.root, join(this.removedDir, id));
    await checkFolder(this.root, annotationsDir(this.root));
    await renameFolder(join(annotationsDir(this.root), name), join(this.removedDir, id, 'layer'));
    const manifest: Manifest = { version: 1, annotator: name, removed_at: removedAt, removed_by: this.me, how, to, conflicts };
    await this.writeManifest(id, manifest);
    return { id, annotator: name, removedAt, removedBy: this.me, how, to, conflicts };
  }

  private async manifest(id: string): Promise<Manifest> {
    const bytes = await readConfined(this.root, join(this.removedDir, id, MANIFEST), MANIFEST_LIMIT);
    return manifestSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  }

  private async writeManifest(id: string, manifest: Manifest): Promise<void> {
    await writeAtomic(confinedDurableFs(this.root), join(this.removedDir, id, MANIFEST), new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
  }
}
