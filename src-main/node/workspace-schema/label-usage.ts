/**
 * How many decisions carry a label, across every annotator's layer: asked before a label in use
 * is removed, so the editor knows what they are about to hide (the decisions themselves stay).
 */
import { join } from 'node:path';
import { annotationsDir } from '../annotations/paths';
import { LayerReader } from '../annotations/store';
import { walkConfined, type RecoveryReport } from '../storage';

export interface LabelUsage {
  paragraphs: number;
  articles: number;
  annotators: string[];
}

export async function labelUsage(root: string, label: string, onRecover?: (report: RecoveryReport) => void): Promise<LabelUsage> {
  const reader = new LayerReader(root, onRecover);
  const usage: LabelUsage = { paragraphs: 0, articles: 0, annotators: [] };
  for (const annotator of await reader.annotators()) {
    const files = await walkConfined(root, join(annotationsDir(root), annotator), (name) => name.startsWith('.')).catch(() => []);
    let used = false;
    for (const file of files) {
      if (file.kind !== 'file' || !file.name.endsWith('.json')) continue;
      const articlePath = file.path.replace(/\.json$/, '');
      const layer = await reader.readLayer(annotator, articlePath).catch(() => null);
      const n = layer ? Object.values(layer.paragraphs).filter((e) => e.labels.includes(label)).length : 0;
      if (n === 0) continue;
      usage.paragraphs += n;
      usage.articles += 1;
      used = true;
    }
    if (used) usage.annotators.push(annotator);
  }
  return usage;
}
