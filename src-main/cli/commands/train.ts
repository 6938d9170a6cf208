/** `pilcrow train WORKSPACE [--user-data DIR] [--seed N] [--force] [--json]`: the learned suggester, trained and reported. */
import type { TrainReport } from '../../node/learn/jobs';
import { LEARN_SEED } from '../../node/learn/service';
import { defaultUserDataDir } from '../../node/learn/user-data';
import { LearnWorker, type WorkerSpec } from '../../node/learn/worker-host';
import { workspaceLabels } from '../../node/suggest/suggest-workspace';
import { openCliWorkspace } from '../open-workspace';
import { CliError } from '../cli-error';
import { commandModel } from '../../node/learn/cli-model';

export const TRAIN_HELP = `pilcrow train WORKSPACE [--user-data DIR] [--seed N] [--force] [--json]
  Trains the learned suggester on the workspace's decisions (gold, then agreed majorities, then
  each editor's own) in a worker thread, once 20 decided paragraphs carry a label, and keeps it
  where the app finds it (the app's user data, or --user-data DIR / PILCROW_USER_DATA). Reports
  what it learned from and its held-out precision, recall and F1 (cross-validated by article),
  and how its scores bear out. A model that is already current is not trained again (--force).`;

export interface TrainArgs {
  workspace: string;
  userData?: string | undefined;
  seed?: string | undefined;
  force?: boolean | undefined;
  json: boolean;
}

export interface LearnIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** The learner's worker thread (the built CLI's learn-worker.js). */
  learnWorker?: WorkerSpec | undefined;
}

export function seedOf(value: string | undefined): number {
  if (value === undefined) return LEARN_SEED;
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new CliError(`--seed must be a whole number from 0 to 2147483648, not "${value}"`);
  return seed;
}

/** The worker, or an error saying why there is none (the CLI is run from an unbuilt checkout). */
export function workerFor(io: LearnIo): LearnWorker {
  if (!io.learnWorker) throw new CliError('the learner is not available in this build of pilcrow; run `npm run build` first');
  return new LearnWorker(io.learnWorker);
}

export async function trainCommand(args: TrainArgs, io: LearnIo): Promise<void> {
  const workspace = await openCliWorkspace(args.workspace, io);
  const seed = seedOf(args.seed);
  const worker = workerFor(io);
  try {
    const { report } = await commandModel(worker, { root: workspace.root, userDataDir: args.userData ?? defaultUserDataDir(), labels: await workspaceLabels(workspace), seed, force: args.force ?? false });
    for (const u of report.unreadable) io.err(`skipped ${u.reason}`);
    if (args.json) return io.out(JSON.stringify(report, null, 2));
    io.out(humanReport(report));
  } finally {
    await worker.close();
  }
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3)).padEnd(10);

export function humanReport(r: TrainReport): string {
  const lines: string[] = [];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  if (r.state === 'too-few') lines.push(`not trained: no label has 20 decided paragraphs with it and 20 without yet (${r.examples} decided paragraphs in ${r.articles} articles)`);
  else if (r.state === 'current') lines.push(`the kept model is current (trained ${r.trainedAt} from ${r.examples} decided paragraphs in ${r.articles} of ${r.workspaceArticles} articles, seed ${r.seed})`);
  else lines.push(`trained on ${r.examples} decided paragraphs in ${r.articles} of ${r.workspaceArticles} articles, seed ${r.seed}, in ${seconds(r.timings.totalMs)} (read ${seconds(r.timings.readMs)}, features ${seconds(r.timings.featuresMs)}, fit and calibration ${seconds(r.timings.fitMs)}, article order ${seconds(r.timings.orderMs)})`);
  if (r.labels.length > 0) {
    lines.push(`held out by article (${r.folds} folds), at score 0.5:`);
    lines.push(`  ${'label'.padEnd(12)} ${'with/without'.padEnd(14)}${'precision'.padEnd(10)}${'recall'.padEnd(10)}${'F1'.padEnd(10)}`);
    for (const l of r.labels) lines.push(`  ${l.name.padEnd(12)} ${`${l.positives}/${l.negatives}`.padEnd(14)}${fmt(l.heldOut.precision)}${fmt(l.heldOut.recall)}${fmt(l.heldOut.f1)}`);
    lines.push('how the held-out scores bear out (score range: paragraphs, share the editors gave the label):');
    for (const l of r.labels) {
      const bins = l.reliability.filter((b) => b.from >= 0.5).map((b) => `${b.from.toFixed(1)}–${(b.from + 0.1).toFixed(1)}: ${b.count}, ${b.observed.toFixed(2)}`);
      lines.push(`  ${l.name.padEnd(12)} ${bins.join('; ') || 'none at 0.5 or more'}`);
    }
  }
  for (const s of r.skipped) lines.push(`not learned yet: ${s.name} (${s.positives} decided paragraphs with it, ${s.negatives} without; 20 of each needed)`);
  if (r.state !== 'too-few') lines.push(`model: ${r.file}${r.bytes > 0 ? ` (${(r.bytes / 1024).toFixed(1)} KiB)` : ''}`);
  return lines.join('\n');
}
