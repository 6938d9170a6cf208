/**
 * A workspace's training input, read from disk: every readable article (node/suggest/gather.ts)
 * and every layer of the articles anyone decided, the gold layer apart. Layers that cannot be
 * read are quarantined and reported by the store as anywhere else, and count as absent here.
 */
import type { DecisionLayer } from '../../core/decisions';
import { NO_CHECKPOINT, type Checkpoint } from '../../core/learn/checkpoint';
import type { LearnInput } from '../../core/learn/dataset';
import type { ArticleLayers } from '../../core/learn/targets';
import { LayerReader } from '../annotations/store';
import { gatherArticles, inBatches } from '../suggest/gather';
import type { Workspace } from '../workspace/workspace';
import { GOLD_ANNOTATOR } from '../../shared/labels';

export interface WorkspaceLearnInput extends LearnInput {
  /** Every layer's name, gold included when there is one. */
  layerNames: string[];
  /** Every layer of every article that has one, by annotator then path (for scoring against one). */
  byLayer: Map<string, Map<string, DecisionLayer>>;
  skipped: { path: string; reason: string }[];
}

export async function readLearnInput(workspace: Workspace, labels: readonly string[], checkpoint: Checkpoint = NO_CHECKPOINT): Promise<WorkspaceLearnInput> {
  const { articles, skipped } = await gatherArticles(workspace, checkpoint);
  const reader = new LayerReader(workspace.root, workspace.onRecover);
  const layerNames = await reader.annotators();
  const byLayer = new Map(layerNames.map((name) => [name, new Map<string, DecisionLayer>()]));
  const layers = new Map<string, ArticleLayers>();
  // Read a few articles' layers at once (each read waits on the disk several times), then take
  // them in article order, as one at a time would.
  const read = await inBatches(articles, LAYERS_AT_ONCE, checkpoint, (article) => Promise.all(layerNames.map((name) => reader.readLayer(name, article.path).catch(() => null))));
  articles.forEach((article, a) => {
    let gold: DecisionLayer | null = null;
    const editors: DecisionLayer[] = [];
    layerNames.forEach((name, n) => {
      const layer = read[a]![n];
      if (!layer) return;
      byLayer.get(name)!.set(article.path, layer);
      if (name === GOLD_ANNOTATOR) gold = layer;
      else editors.push(layer);
    });
    if (gold || editors.length > 0) layers.set(article.path, { gold, editors });
  });
  return { articles, layers, labels, layerNames, byLayer, skipped };
}

/** Articles whose layers are read at the same time. */
const LAYERS_AT_ONCE = 16;
