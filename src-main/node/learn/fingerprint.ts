/**
 * What a model was trained from, as one hash: the feature and file versions, the labels, the seed,
 * every article's path and paragraphs (recurrence is counted over all of them), and every
 * decision the training targets come from. A stored model whose fingerprint matches the
 * workspace now is current; any new decision, article or edit makes it stale.
 */
import { createHash } from 'node:crypto';
import { decisionOf } from '../../core/decisions';
import type { LearnInput } from '../../core/learn/dataset';
import { FEATURE_VERSION } from '../../core/learn/features';
import { MODEL_VERSION } from './model-file';

export function fingerprintOf(input: LearnInput, seed: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ model: MODEL_VERSION, features: FEATURE_VERSION, labels: input.labels, seed }));
  for (const article of input.articles) {
    hash.update(`\n${article.path}\n`);
    for (const p of article.paragraphs) hash.update(`${p.id},`);
    const layers = input.layers.get(article.path);
    if (!layers) continue;
    for (const layer of [layers.gold, ...layers.editors]) {
      hash.update('|');
      if (!layer) continue;
      for (const p of article.paragraphs) {
        const d = decisionOf(layer, p.id);
        if (d !== undefined) hash.update(`${p.index}:${[...d].sort().join('+')};`);
      }
    }
  }
  return hash.digest('hex');
}
