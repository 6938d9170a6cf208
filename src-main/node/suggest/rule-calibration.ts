/**
 * The open workspace's calibration of the rule suggesters (core/suggest/calibrate.ts), kept up to
 * date cheaply: each article's counts are kept with what they came from (the identity of every
 * layer file of it, file-identity.ts, and the reading of the article and the line index), so a
 * call stats the layer files and recounts only the articles whose decisions or text changed:
 * a keystroke's save recounts its own article; a teammate's `git pull` the ones it touched.
 */
import type { NamingSource } from '../../core/label-schema';
import { countArticle, mergeCounts, RuleCalibration, type CalibrationCount } from '../../core/suggest/calibrate';
import type { Suggestion } from '../../core/suggest/types';
import { articleTargets } from '../../core/learn/targets';
import { annotationFilePath } from '../annotations/paths';
import type { AnnotationFile } from '../annotations/schema';
import { LayerReader } from '../annotations/store';
import { ABSENT, fileIdentity } from '../review/file-identity';
import { yielder } from '../storage/yielder';
import type { GatheredArticle } from './gather';
import type { WorkspaceSuggester } from './workspace-suggester';
import { GOLD_ANNOTATOR } from '../../shared/labels';

interface Kept {
  layers: string;
  paragraphs: GatheredArticle['paragraphs'];
  generation: number;
  counts: CalibrationCount[];
  decided: number;
}

/** Every rule on and no threshold: the counts see every score level, shown or not. */
const ALL_RULES = { settings: { enabled: {}, thresholds: {} }, unfiltered: true } as const;

export class RuleCalibrationCache {
  private readonly kept = new Map<string, Kept>();
  private last: { key: string; calibration: RuleCalibration } | null = null;

  constructor(
    private readonly root: string,
    private readonly onRecover: ConstructorParameters<typeof LayerReader>[1],
  ) {}

  /** The calibration from every decision in the workspace now, for the articles the suggester read. */
  async current(suggester: WorkspaceSuggester, articles: readonly GatheredArticle[], labels: readonly string[], naming?: NamingSource): Promise<RuleCalibration> {
    const reader = new LayerReader(this.root, this.onRecover);
    const annotators = await reader.annotators();
    const generation = suggester.indexGeneration;
    const pause = yielder();
    const present = new Set<string>();
    let changed = false;
    for (const article of articles) {
      present.add(article.path);
      await pause();
      // The labels too: after a rename the rules' suggestions carry the new name.
      const layers = [labels.join(','), ...annotators.map((a) => `${a}=${fileIdentity(annotationFilePath(this.root, a, article.path))}`)].join('\n');
      const kept = this.kept.get(article.path);
      if (kept && kept.layers === layers && kept.paragraphs === article.paragraphs && kept.generation === generation) continue;
      changed = true;
      if (annotators.every((a) => layers.includes(`${a}=${ABSENT}`))) {
        this.kept.set(article.path, { layers, paragraphs: article.paragraphs, generation, counts: [], decided: 0 });
        continue;
      }
      this.kept.set(article.path, { layers, paragraphs: article.paragraphs, generation, ...(await this.count(reader, annotators, article, suggester, labels, naming)) });
    }
    for (const path of [...this.kept.keys()]) {
      if (!present.has(path)) {
        this.kept.delete(path);
        changed = true;
      }
    }
    const key = `${generation}:${labels.join(',')}`;
    if (!changed && this.last?.key === key) return this.last.calibration;
    const all = [...this.kept.values()];
    const calibration = new RuleCalibration(mergeCounts(all.map((k) => k.counts)), all.reduce((sum, k) => sum + k.decided, 0));
    this.last = { key, calibration };
    return calibration;
  }

  private async count(reader: LayerReader, annotators: readonly string[], article: GatheredArticle, suggester: WorkspaceSuggester, labels: readonly string[], naming?: NamingSource): Promise<{ counts: CalibrationCount[]; decided: number }> {
    let gold: AnnotationFile | null = null;
    const editors: AnnotationFile[] = [];
    for (const name of annotators) {
      // A damaged file is quarantined and reported by the store; here it counts as absent.
      const layer = await reader.readLayer(name, article.path).catch(() => null);
      if (!layer) continue;
      if (name === GOLD_ANNOTATOR) gold = layer;
      else editors.push(layer);
    }
    const targets = articleTargets(article.paragraphs.map((p) => p.id), { gold, editors }, labels);
    if (targets.length === 0) return { counts: [], decided: 0 };
    const byId = await suggester.suggest(article, naming ? { ...ALL_RULES, naming } : ALL_RULES);
    const byIndex = new Map<number, Suggestion[]>();
    article.paragraphs.forEach((p, i) => byIndex.set(i, byId[p.id] ?? []));
    return { counts: countArticle(byIndex, targets), decided: new Set(targets.map((t) => t.paragraph)).size };
  }
}
