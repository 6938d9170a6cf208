/** The agreement report for a workspace: coefficients for the chosen annotators, and each vs gold. */
import { computeAgreement, goldScores } from '../../core/agreement';
import type { WorkspaceAgreement } from '../../shared/contract/review';
import { GOLD_ANNOTATOR } from '../annotations/schema';
import type { Workspace } from '../workspace/workspace';
import type { LayerSource } from './agreement-cache';
import { agreementInput } from './agreement-input';

export class AgreementChoiceError extends Error {}

export async function workspaceAgreement(workspace: Workspace, reader: LayerSource, labels: string[], chosen?: string[]): Promise<WorkspaceAgreement> {
  const available = await reader.annotators();
  const humans = available.filter((a) => a !== GOLD_ANNOTATOR);
  const annotators = chosen ?? humans;
  const unknown = annotators.filter((a) => !available.includes(a));
  if (unknown.length > 0) throw new AgreementChoiceError(`no layer for annotator(s) ${unknown.join(', ')} in ${workspace.root}; annotators here: ${humans.join(', ') || 'none'}`);
  if (annotators.length < 2) throw new AgreementChoiceError(`agreement needs at least two annotators; ${workspace.root} has ${annotators.length ? annotators.join(', ') : 'none'}`);
  const withGold = available.includes(GOLD_ANNOTATOR) && !annotators.includes(GOLD_ANNOTATOR);
  const { input, skipped } = await agreementInput(workspace, reader, withGold ? [...annotators, GOLD_ANNOTATOR] : annotators, labels);
  const report: WorkspaceAgreement = { ...computeAgreement({ ...input, annotators }), skipped };
  if (withGold) report.gold = annotators.map((annotator) => goldScores({ annotator, gold: GOLD_ANNOTATOR, labels, items: input.items }));
  return report;
}
