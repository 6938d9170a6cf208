/** `pilcrow suggest-eval WORKSPACE --against ANNOTATOR|gold [--predictions FILE] [--json]`: how good the suggestions are. */
import type { LabelScores } from '../../core/suggest/evaluate';
import { evaluateWorkspace, NoSuchLayerError, type WorkspaceEvaluation } from '../../node/suggest/evaluate-workspace';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const SUGGEST_EVAL_HELP = `pilcrow suggest-eval WORKSPACE --against ANNOTATOR|gold [--predictions FILE]… [--json]
  Precision, recall and F1 per label per suggester of the suggestions shown at the workspace's
  thresholds, against that annotator's decisions (paragraphs of articles marked done count as
  "none"); "combined" is all enabled suggesters together.`;

export interface SuggestEvalArgs {
  workspace: string;
  against?: string | undefined;
  predictions?: string[] | undefined;
  json: boolean;
}

export async function suggestEvalCommand(args: SuggestEvalArgs, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  if (!args.against) throw new CliError('suggest-eval needs --against ANNOTATOR (or --against gold); run pilcrow --help');
  const workspace = await openCliWorkspace(args.workspace, io);
  const report = await evaluateWorkspace(workspace, args.against, args.predictions ? { predictionFiles: args.predictions } : {}).catch((e: unknown) => {
    throw e instanceof NoSuchLayerError ? new CliError(e.message) : e;
  });
  for (const s of report.skipped) io.err(`skipped ${s.reason}`);
  for (const p of report.problems) io.err(`predictions: ${p}`);
  if (args.json) return io.out(JSON.stringify(report, null, 2));
  io.out(humanReport(report));
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3)).padEnd(10);

function row(name: string, label: string, s: LabelScores): string {
  return `  ${name.padEnd(20)} ${label.padEnd(12)} ${fmt(s.precision)}${fmt(s.recall)}${fmt(s.f1)}${s.tp}/${s.fp}/${s.fn}`;
}

function humanReport(r: WorkspaceEvaluation): string {
  const lines = [
    `against "${r.against}": ${r.items} decided paragraphs in ${r.articles} articles`,
    `thresholds: ${Object.entries(r.thresholds).map(([l, t]) => `${l} ${t}`).join(', ')}`,
    `  ${'suggester'.padEnd(20)} ${'label'.padEnd(12)} ${'precision'.padEnd(10)}${'recall'.padEnd(10)}${'F1'.padEnd(10)}tp/fp/fn`,
  ];
  for (const [suggester, perLabel] of Object.entries(r.suggesters)) {
    for (const [label, s] of Object.entries(perLabel)) lines.push(row(suggester, label, s));
  }
  for (const [label, s] of Object.entries(r.combined)) lines.push(row('combined', label, s));
  return lines.join('\n');
}
