/** `pilcrow progress WORKSPACE [--user-data DIR] [--json]`: how far each annotator is through their assignment. */
import type { AnnotatorProgress } from '../../core/team/progress';
import { LayerReader } from '../../node/annotations/store';
import { defaultUserDataDir } from '../../node/learn/user-data';
import { ProgressSummaries } from '../../node/team/progress-cache';
import { workspaceProgress, type WorkspaceProgress } from '../../node/team/team';
import { AssignmentFileError } from '../../node/workspace/assignments';
import { CliError } from '../cli-error';
import { openWorkspaceForCli } from './export';

export const PROGRESS_HELP = `pilcrow progress WORKSPACE [--user-data DIR] [--json]
  Per annotator: articles assigned, done, in progress; paragraphs decided; pace (paragraphs
  per active hour, pauses over 10 minutes left out); last active; agreement with teammates on
  the shared (overlap) articles so far. Each figure says what good looks like. A summary of
  each label file is kept in the app's user data (or --user-data DIR / PILCROW_USER_DATA), so
  the next run reads only the files that changed.`;

export async function progressCommand(args: { workspace: string; json: boolean; userData?: string | undefined }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const { workspace, schema } = await openWorkspaceForCli(args.workspace, io);
  const summaries = new ProgressSummaries(args.userData ?? defaultUserDataDir());
  const progress = await workspaceProgress(workspace, new LayerReader(workspace.root, workspace.onRecover), schema.schema.labels.map((l) => l.name), summaries).catch((e: unknown) => {
    throw e instanceof AssignmentFileError ? new CliError(e.message) : e;
  });
  for (const s of progress.skipped) io.err(`skipped ${s.reason}`);
  io.out(args.json ? JSON.stringify(progress, null, 2) : table(progress));
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** Landis & Koch (1977): the bands κ is usually read against. */
export function kappaWords(k: number): string {
  if (k < 0) return 'below chance';
  return k <= 0.2 ? 'slight' : k <= 0.4 ? 'fair' : k <= 0.6 ? 'moderate' : k <= 0.8 ? 'substantial' : 'almost perfect';
}

function table(p: WorkspaceProgress): string {
  if (p.annotators.length === 0) return 'no assignments yet: run pilcrow assign WORKSPACE --annotators a,b,c';
  const lines = [`${p.annotators.length} annotators; ${p.unassigned} article${p.unassigned === 1 ? '' : 's'} assigned to nobody`];
  for (const a of p.annotators) lines.push('', ...annotatorLines(a, p.median_pace_per_hour));
  lines.push('', 'the team on shared articles:');
  lines.push(p.overlap.paragraphs === 0 ? '  no paragraph labelled by two annotators yet' : `  ${p.overlap.paragraphs} paragraphs labelled by two or more; the same labels on ${pct(p.overlap.percent_agreement)} (80% or more is good); Krippendorff alpha ${p.overlap.krippendorff_alpha === null ? '—' : p.overlap.krippendorff_alpha.toFixed(2)} (0.80 or more: reliable; 0.67–0.80: tentative)`);
  lines.push('', 'what good looks like: done rises every day; pace near the team median; agreement 80% or more, kappa above 0.60 (substantial).');
  return lines.join('\n');
}

function annotatorLines(a: AnnotatorProgress, median: number | null): string[] {
  const done = a.assigned ? Math.round((a.done / a.assigned) * 100) : 0;
  const pace = a.pace_per_hour === null ? 'pace — (not enough timed work yet)' : `pace ${a.pace_per_hour} paragraphs/hour over ${a.active_minutes} active minutes${median !== null ? ` (team median ${median})` : ''}`;
  const agreement =
    a.overlap.paragraphs === 0
      ? a.overlap.articles ? `agreement — (${a.overlap.articles} shared articles, none labelled by a teammate too yet)` : 'agreement — (no shared articles)'
      : `agreement ${pct(a.overlap.percent_agreement)} of ${a.overlap.paragraphs} shared paragraphs (80% or more is good)${a.overlap.cohen_kappa === null ? '' : `, kappa ${a.overlap.cohen_kappa.toFixed(2)}: ${kappaWords(a.overlap.cohen_kappa)} (above 0.60 is good)`}`;
  return [
    `${a.annotator}: ${a.done} of ${a.assigned} articles done (${done}%), ${a.in_progress} in progress, ${a.not_started} not started; ${a.paragraphs_decided} paragraphs decided`,
    `  ${pace}`,
    `  last active ${a.last_active ?? 'never'}${a.next ? `; next: ${a.next}` : ''}`,
    `  ${agreement}`,
  ];
}
