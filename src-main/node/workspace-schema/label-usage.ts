/**
 * How many decisions carry a label, across every annotator's layer: asked before a label in use
 * is removed, so the editor knows what they are about to hide (the decisions themselves stay).
 */
import { layerFilesOf, LayerReader } from '../annotations/store';
import type { RecoveryReport } from '../storage';

export interface LabelUsage {
  paragraphs: number;
  articles: number;
  annotators: string[];
}

/**
 * Decisions are counted as every reader reads them (the schema's renames applied), or with
 * `asWritten` as the files hold them (which teammates' files still carry a renamed-away name).
 */
export async function labelUsage(root: string, label: string, onRecover?: (report: RecoveryReport) => void, options: { asWritten?: boolean } = {}): Promise<LabelUsage> {
  const reader = new LayerReader(root, onRecover, options.asWritten ? () => new Map() : undefined);
  const usage: LabelUsage = { paragraphs: 0, articles: 0, annotators: [] };
  for (const annotator of await reader.annotators()) {
    let used = false;
    for (const articlePath of await layerFilesOf(root, annotator)) {
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
