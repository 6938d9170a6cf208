/**
 * Builds the agreement statistics' input from a workspace: every readable article's paragraphs
 * and each selected annotator's decisions on them (done articles count untouched as "none").
 */
import type { AgreementInput, AgreementItem } from '../../core/agreement';
import { decisionOf } from '../../core/decisions';
import type { LayerSource } from './agreement-cache';
import type { Workspace } from '../workspace/workspace';

export interface AgreementSource {
  input: AgreementInput;
  skipped: { path: string; reason: string }[];
}

export async function agreementInput(workspace: Workspace, reader: LayerSource, annotators: string[], labels: string[]): Promise<AgreementSource> {
  const items: AgreementItem[] = [];
  const skipped: AgreementSource['skipped'] = [];
  for (const entry of await workspace.entries()) {
    if (!entry.ok) {
      skipped.push({ path: entry.path, reason: entry.error });
      continue;
    }
    const layers = await Promise.all(annotators.map((a) => reader.readLayer(a, entry.path)));
    for (const paragraph of entry.article.paragraphs) {
      const decisions: Record<string, readonly string[] | undefined> = {};
      annotators.forEach((annotator, i) => {
        decisions[annotator] = decisionOf(layers[i], paragraph.id);
      });
      items.push({ id: paragraph.id, article: entry.path, decisions });
    }
  }
  return { input: { annotators, labels, items }, skipped };
}
