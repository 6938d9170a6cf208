/** `pilcrow suggest-eval WORKSPACE --against ANNOTATOR|gold [--predictions FILE] [--json]`: how good the suggestions are. */
import type { LabelScores } from '../../core/suggest/evaluate';
import { evaluateWorkspace, NoSuchLayerError, type WorkspaceEvaluation } from '../../node/suggest/evaluate-workspace';
import { Workspace } from '../../node/workspace/workspace';
import type { EvaluationReport } from '../../node/learn/jobs';
import { LearnWorkerError } from '../../node/learn/worker-host';
import { SuggestSettingsStore } from '../../node/suggest/settings-store';
import { workspaceLabels } from '../../node/suggest/suggest-workspace';
import { seedOf, workerFor, type LearnIo } from './train';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const SUGGEST_EVAL_HELP = `pilcrow suggest-eval WORKSPACE --against ANNOTATOR|gold [--predictions FILE]… [--json]
  Precision, recall and F1 per label per suggester of the suggestions shown at the workspace's
  thresholds, against that annotator's decisions (paragraphs of articles marked done count as
  "none"); "combined" is all enabled suggesters together.
pilcrow suggest-eval WORKSPACE --against ANNOTATOR|gold --learned [--folds N] [--seed N] [--json]
  The learned suggester, cross-validated by article (N folds, 5 by default: no paragraph of an
  article it is tested on is learned from), beside the rules on the same paragraphs, and its
  learning curve: F1 per label after training on 5, 10, 20, 40 … labelled articles.`;

export interface SuggestEvalArgs {
  workspace: string;
  against?: string | undefined;
  predictions?: string[] | undefined;
  learned?: boolean | undefined;
  folds?: string | undefined;
  seed?: string | undefined;
  json: boolean;
}

function foldsOf(value: string | undefined): number {
  if (value === undefined) return 5;
  const folds = Number(value);
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new CliError(`--folds must be a whole number from 2 to 20, not "${value}"`);
  return folds;
}

export async function suggestEvalCommand(args: SuggestEvalArgs, io: LearnIo): Promise<void> {
  if (!args.against) throw new CliError('suggest-eval needs --against ANNOTATOR (or --against gold); run pilcrow --help');
  if (!args.learned && (args.folds !== undefined || args.seed !== undefined)) throw new CliError('--folds and --seed go with --learned');
  const workspace = await openCliWorkspace(args.workspace, io);
  if (args.learned) return learnedEval(workspace, { ...args, against: args.against }, io);
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

async function learnedEval(workspace: Workspace, args: SuggestEvalArgs & { against: string }, io: LearnIo): Promise<void> {
  const folds = foldsOf(args.folds);
  const seed = seedOf(args.seed);
  const worker = workerFor(io);
  try {
    const settings = await new SuggestSettingsStore(workspace.root, workspace.onRecover).read();
    const result = await worker.run({ kind: 'evaluate', root: workspace.root, labels: await workspaceLabels(workspace), against: args.against, folds, seed, settings }).catch((e: unknown) => {
      throw e instanceof LearnWorkerError && e.kind === 'UnknownLayerError' ? new CliError(e.message) : e;
    });
    if (result.kind !== 'evaluate') throw new Error('the learner answered an evaluation with something else');
    for (const u of result.report.unreadable) io.err(`skipped ${u.reason}`);
    if (args.json) return io.out(JSON.stringify(result.report, null, 2));
    io.out(learnedReport(result.report));
  } finally {
    await worker.close();
  }
}

function learnedReport(r: EvaluationReport): string {
  if (r.folds < 2) return `against "${r.against}": cross-validation needs decisions in at least two articles; ${r.articles} ${r.articles === 1 ? 'has' : 'have'} them`;
  const lines = [
    `learned suggester against "${r.against}", cross-validated by article: ${r.folds} folds, seed ${r.seed}; ${r.items} decided paragraphs in ${r.articles} articles`,
    `thresholds: ${Object.entries(r.thresholds).map(([l, t]) => `${l} ${t}`).join(', ')}`,
    `  ${'suggester'.padEnd(20)} ${'label'.padEnd(12)} ${'precision'.padEnd(10)}${'recall'.padEnd(10)}${'F1'.padEnd(10)}tp/fp/fn`,
  ];
  for (const [name, perLabel] of [['learned', r.learned], ['rules', r.rules], ['rules + learned', r.combined]] as const) {
    for (const [label, s] of Object.entries(perLabel)) lines.push(row(name, label, s));
  }
  const labels = Object.keys(r.learned);
  lines.push('learning curve (F1 on the held-out articles, by labelled articles trained on):');
  lines.push(`  ${'articles'.padEnd(10)}${labels.map((l) => l.padEnd(13)).join('')}`);
  for (const p of r.curve) lines.push(`  ${`${p.articles}${p.all ? ' (all)' : ''}`.padEnd(10)}${labels.map((l) => fmt(p.f1[l] ?? null).padEnd(13)).join('')}`);
  return lines.join('\n');
}
