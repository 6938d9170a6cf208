/** The agreement report for a workspace: coefficients for the chosen annotators, and each vs gold. */
import { SaidError } from '../../shared/messages';
import { AgreementTallier, goldFromTallies, reportFromTallies, type AgreementChoice, type ArticleTally } from '../../core/agreement';
import type { WorkspaceAgreement } from '../../shared/contract/review';
import type { AnnotationFile } from '../annotations/schema';
import type { Workspace } from '../workspace/workspace';
import { articleTally } from './article-agreement';
import { GOLD_ANNOTATOR } from '../../shared/labels';

export class AgreementChoiceError extends SaidError {}

export interface LayerSource {
  annotators(): Promise<string[]>;
  readLayer(annotator: string, articlePath: string): Promise<AnnotationFile | null>;
}

/**
 * The annotators to compare (every human one when none are chosen), checked against the layers
 * there are; the gold layer, when there is one and it is not among them, is scored against.
 */
export async function agreementChoice(root: string, reader: Pick<LayerSource, 'annotators'>, labels: string[], chosen?: string[]): Promise<AgreementChoice> {
  const available = await reader.annotators();
  const humans = available.filter((a) => a !== GOLD_ANNOTATOR);
  const annotators = chosen ?? humans;
  const unknown = annotators.filter((a) => !available.includes(a));
  if (unknown.length > 0) throw new AgreementChoiceError({ code: 'agreement-unknown', annotators: unknown, root, here: humans });
  if (annotators.length < 2) throw new AgreementChoiceError({ code: 'agreement-too-few', root, here: annotators });
  const withGold = available.includes(GOLD_ANNOTATOR) && !annotators.includes(GOLD_ANNOTATOR);
  return withGold ? { annotators, labels, gold: GOLD_ANNOTATOR } : { annotators, labels };
}

/** The layers an article's tally reads: the chosen annotators', then the gold's when scored against. */
export function layerOwners(choice: AgreementChoice): string[] {
  return choice.gold === undefined ? [...choice.annotators] : [...choice.annotators, choice.gold];
}

/** The report from tallies in article order, with the articles that could not be read. */
export function agreementFromTallies(choice: AgreementChoice, tallies: [string, ArticleTally][], skipped: WorkspaceAgreement['skipped']): WorkspaceAgreement {
  const report: WorkspaceAgreement = { ...reportFromTallies(choice, tallies), skipped };
  if (choice.gold !== undefined) report.gold = goldFromTallies(choice, tallies);
  return report;
}

/** Reads every article and layer once (the CLI); the app keeps tallies between calls (agreement-cache.ts). */
export async function workspaceAgreement(workspace: Workspace, reader: LayerSource, labels: string[], chosen?: string[]): Promise<WorkspaceAgreement> {
  const choice = await agreementChoice(workspace.root, reader, labels, chosen);
  const tallier = new AgreementTallier(choice);
  const owners = layerOwners(choice);
  const tallies: [string, ArticleTally][] = [];
  const skipped: WorkspaceAgreement['skipped'] = [];
  for (const entry of await workspace.entries()) {
    if (!entry.ok) {
      skipped.push({ path: entry.path, reason: entry.error });
      continue;
    }
    const layers = await Promise.all(owners.map((a) => reader.readLayer(a, entry.path)));
    tallies.push([entry.path, articleTally(tallier, entry.article, owners, layers)]);
  }
  return agreementFromTallies(choice, tallies, skipped);
}
