/**
 * Team progress without re-reading every label file (reading, checking and summarising 12,000
 * of them took 3 s; docs/performance.md). Each file's summary (core/team/progress.ts
 * `summariseLayer`: status, decisions counted, decision times, an overlap article's decisions)
 * is kept with the identity (file-identity.ts, links identified as links) of the file it came
 * from. A call stats the assigned layer files, reuses every summary whose file is unchanged and
 * whose folder is still reached through real folders, and reads the others as every reader does
 * (LayerReader: confined, size-limited, validated, renames applied). A file that could not be
 * read (damaged, mid-merge, a link, too large) gets no summary, so it is read and named again
 * on every call. The summaries are kept in user data (storage/kept-records.ts,
 * `<userData>/progress/<hash>.json`), never in the workspace, so the next process starts from
 * them: the CLI's next `pilcrow progress`, the app's next session. The progress made of them is
 * kept too, and given again while nothing it is made of changed (`progress`).
 */
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { summariseLayer, teamProgress, type LayerSummary, type ProgressInput, type TeamProgress } from '../../core/team/progress';
import { annotationFilePath } from '../annotations/paths';
import type { LayerReader } from '../annotations/store';
import { realFolderTest } from '../storage/confined-fs';
import { keptRecordsPath, loadKeptRecords, saveKeptRecords, type KeptHeader } from '../storage/kept-records';
import { ABSENT, identities } from '../review/file-identity';
import { yielder } from '../storage/yielder';

export const KEPT_SUMMARIES_FORMAT = 'pilcrow-progress-summaries';
export const KEPT_RESULT_FORMAT = 'pilcrow-progress-result';
/** Bump when LayerSummary, or what a summary takes from a file, changes. */
export const KEPT_SUMMARIES_VERSION = 1;
/** Bump when what teamProgress (core/team/progress.ts, and the agreement it reports) makes of its input changes. */
export const KEPT_RESULT_VERSION = 1;

/** One assigned annotator's label file of one article; `overlap` when agreement needs its decisions. */
export interface WantedLayer {
  annotator: string;
  article: string;
  overlap: boolean;
}

interface SummaryRecord {
  identity: string;
  summary: LayerSummary;
}

export const layerKey = (annotator: string, article: string): string => `${annotator}\u0000${article}`;

export class ProgressSummaries {
  private kept: { root: string; choice: string; records: Map<string, SummaryRecord> } | null = null;
  private result: { root: string; key: string; progress: TeamProgress } | null = null;
  private saving: Promise<void> = Promise.resolve();

  /** `userDataDir` null: kept in memory only, for this object's life. */
  constructor(private readonly userDataDir: string | null) {}

  /**
   * Team progress over the wanted layers. It is a pure function of its input: the article list,
   * the assignments, the labels and the layers' summaries, which are those of the files'
   * identities under the renames. While all of that is as it was when it was last computed, the
   * progress kept then (`<userData>/progress-result/<hash>.json`) is given again, without loading
   * the summaries or computing anything (~400 ms CPU of a later call over 12,000 layers).
   */
  async progress(reader: LayerReader, wanted: readonly WantedLayer[], input: Omit<ProgressInput, 'layer'>): Promise<TeamProgress> {
    const root = reader.root;
    // Renames change the labels a summary holds: summaries under other renames are not reused.
    const choice = JSON.stringify([...(await reader.renames())]);
    const paths = wanted.map((w) => annotationFilePath(root, w.annotator, w.article));
    // Taken before anything is read: a file written meanwhile differs from its record next time.
    const ids = await identities(paths, false);
    const realFolder = realFolderTest(root);
    const inRealFolders = wanted.map((_, i) => ids[i] === ABSENT || realFolder(dirname(paths[i]!)));
    const key = inRealFolders.every(Boolean) ? resultKey(choice, wanted, ids, input) : null;
    const file = this.userDataDir === null ? null : keptRecordsPath(this.userDataDir, 'progress-result', root);
    const header = { format: KEPT_RESULT_FORMAT, version: KEPT_RESULT_VERSION, workspace: root, choice: key ?? '' };
    if (key !== null) {
      if (this.result?.root === root && this.result.key === key) return this.result.progress;
      const kept = file ? (await loadKeptRecords<TeamProgress>(file, header)).get('progress') : undefined;
      if (kept) return (this.result = { root, key, progress: kept }).progress;
    }
    const { layers, allKept } = await this.summaries(reader, wanted, { choice, paths, ids, inRealFolders });
    const progress = teamProgress({ ...input, layer: (a, article) => layers.get(layerKey(a, article)) });
    // Only a result of summaries all kept: a file that could not be read is read (and named) again next time.
    if (key !== null && allKept) {
      this.result = { root, key, progress };
      if (file) await this.saveResult(file, header, progress);
    }
    return progress;
  }

  /** The summary of each wanted layer (null: no file, or one that could not be read), by layerKey; `allKept`: each file now has a kept summary. */
  private async summaries(reader: LayerReader, wanted: readonly WantedLayer[], at: { choice: string; paths: string[]; ids: string[]; inRealFolders: boolean[] }): Promise<{ layers: Map<string, LayerSummary | null>; allKept: boolean }> {
    const root = reader.root;
    const { choice, ids } = at;
    if (this.kept?.root !== root || this.kept.choice !== choice) {
      const file = this.file(root);
      this.kept = { root, choice, records: file ? await loadKeptRecords<SummaryRecord>(file, this.header(root, choice)) : new Map() };
    }
    const kept = this.kept;
    const found = new Map<string, LayerSummary | null>();
    const records = new Map<string, SummaryRecord>();
    const toRead: number[] = [];
    const pause = yielder();
    for (const [i, w] of wanted.entries()) {
      if (i % 256 === 0) await pause();
      const key = layerKey(w.annotator, w.article);
      const identity = ids[i]!;
      if (identity === ABSENT) {
        found.set(key, null);
        continue;
      }
      const before = kept.records.get(key);
      if (before && before.identity === identity && (!w.overlap || before.summary.decisions) && at.inRealFolders[i]) {
        found.set(key, before.summary);
        records.set(key, before);
      } else toRead.push(i);
    }
    const layers = await reader.readLayers(toRead.map((i) => wanted[i]!));
    toRead.forEach((i, k) => {
      const w = wanted[i]!;
      const key = layerKey(w.annotator, w.article);
      const layer = layers[k]!;
      const summary = layer ? summariseLayer(layer, w.overlap) : null;
      found.set(key, summary);
      // Only a file read whole and valid, of a known identity, is worth keeping.
      if (summary && !ids[i]!.startsWith('unreadable:')) records.set(key, { identity: ids[i]!, summary });
    });
    this.kept = { root, choice, records };
    if (toRead.length > 0 || records.size !== kept.records.size) await this.save(root, choice, records);
    return { layers: found, allKept: wanted.every((w, i) => ids[i] === ABSENT || records.has(layerKey(w.annotator, w.article))) };
  }

  private file(root: string): string | null {
    return this.userDataDir === null ? null : keptRecordsPath(this.userDataDir, 'progress', root);
  }

  private header(root: string, choice: string) {
    return { format: KEPT_SUMMARIES_FORMAT, version: KEPT_SUMMARIES_VERSION, workspace: root, choice };
  }

  private saveResult(file: string, header: KeptHeader, progress: TeamProgress): Promise<void> {
    this.saving = this.saving.then(() => saveKeptRecords(file, header, new Map([['progress', progress]]))).catch(() => undefined);
    return this.saving;
  }

  /** One write at a time; a failure (a read-only user data folder) only costs the next call time. */
  private save(root: string, choice: string, records: ReadonlyMap<string, SummaryRecord>): Promise<void> {
    const file = this.file(root);
    if (file === null) return this.saving;
    this.saving = this.saving.then(() => saveKeptRecords(file, this.header(root, choice), records)).catch(() => undefined);
    return this.saving;
  }
}

/** What a team progress is made of, as one hash: the renames, each wanted file's identity, the articles, the assignments, the labels. */
function resultKey(choice: string, wanted: readonly WantedLayer[], ids: readonly string[], input: Omit<ProgressInput, 'layer'>): string {
  const hash = createHash('sha256').update(choice).update('\u0000');
  hash.update(wanted.map((w, i) => `${layerKey(w.annotator, w.article)}\u0001${w.overlap ? 1 : 0}\u0001${ids[i]!}`).join('\n'));
  return hash.update('\u0000').update(JSON.stringify([input.articles, input.assignments, input.labels])).digest('hex');
}
