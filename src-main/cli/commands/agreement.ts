/** `pilcrow agreement WORKSPACE [--annotators a,b] [--json]`: how much the annotators agree. */
import { LayerReader } from '../../node/annotations/store';
import { AgreementChoiceError, workspaceAgreement } from '../../node/review/agreement-report';
import type { WorkspaceAgreement } from '../../shared/contract/review';
import { CliError } from '../cli-error';
import { openWorkspaceForCli } from './export';

export const AGREEMENT_HELP = `pilcrow agreement WORKSPACE [--annotators a,b,…] [--json]
  Percent agreement, Krippendorff's alpha, Fleiss' kappa and pairwise Cohen's kappa over the
  annotators' decisions (all annotators by default), overall and per label; each annotator
  against gold when a gold layer exists. Undefined coefficients are null with a reason.`;

export async function agreementCommand(args: { workspace: string; annotators?: string | undefined; json: boolean }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const { workspace, schema } = await openWorkspaceForCli(args.workspace, io);
  const chosen = args.annotators?.split(',').map((a) => a.trim()).filter(Boolean);
  const report = await workspaceAgreement(workspace, new LayerReader(workspace.root, workspace.onRecover), schema.schema.labels.map((l) => l.name), chosen).catch((e: unknown) => {
    throw e instanceof AgreementChoiceError ? new CliError(e.message) : e;
  });
  for (const s of report.skipped) io.err(`skipped ${s.reason}`);
  if (args.json) return io.out(JSON.stringify(report, null, 2));
  io.out(humanReport(report));
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));

function humanReport(r: WorkspaceAgreement): string {
  const lines = [
    `${r.annotators.join(', ')}: ${r.items} paragraphs decided by two or more`,
    `  percent agreement   ${fmt(r.percent_agreement)}`,
    `  Krippendorff alpha  ${fmt(r.krippendorff_alpha)}`,
    `  Fleiss kappa        ${fmt(r.fleiss_kappa)}`,
    ...Object.entries(r.reasons).map(([k, why]) => `    ${k}: ${why}`),
    'pairs (Cohen kappa):',
    ...r.pairwise.map((p) => `  ${p.a} × ${p.b}: ${fmt(p.cohen_kappa)} over ${p.items} (agree ${fmt(p.percent_agreement)})`),
    'per label (alpha / Fleiss / percent):',
    ...Object.entries(r.per_label).map(([label, s]) => `  ${label.padEnd(12)} ${fmt(s.krippendorff_alpha)} / ${fmt(s.fleiss_kappa)} / ${fmt(s.percent_agreement)}`),
  ];
  for (const g of r.gold ?? []) lines.push(`${g.annotator} vs gold: micro F1 ${fmt(g.micro.f1)} over ${g.items}`);
  return lines.join('\n');
}
