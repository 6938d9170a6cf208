/** `pilcrow assign WORKSPACE --annotators a,b,c …`: who labels which article (docs/teams.md, "Assignments"). */
import { AssignOptionsError, parseShare } from '../../core/team/assign';
import { assignOneArticle, assignWorkspace, type AssignResult } from '../../node/team/team';
import { AssignmentFileError } from '../../node/workspace/assignments';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const ASSIGN_HELP = `pilcrow assign WORKSPACE --annotators a,b,c [--per-article K] [--overlap P%] [--seed N] [--only-unassigned] [--json]
pilcrow assign WORKSPACE --article PATH --annotators a,b
  Deals the articles out: each to one annotator, balanced, in a seeded random queue; with
  --overlap, that share of the articles (a seeded sample) goes to K annotators (--per-article,
  2 by default) so their agreement can be measured. Replaces the whole assignment, unless
  --only-unassigned (deal out only articles nobody has). --article gives one article to exactly
  the named annotators. Stored in .pilcrow/assignments/; labels are never touched.`;

export interface AssignArgs {
  workspace: string;
  annotators?: string | undefined;
  perArticle?: string | undefined;
  overlap?: string | undefined;
  seed?: string | undefined;
  onlyUnassigned?: boolean | undefined;
  article?: string | undefined;
  json: boolean;
}

export async function assignCommand(args: AssignArgs, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const annotators = (args.annotators ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  if (annotators.length === 0) throw new CliError('assign needs --annotators a,b,c (the annotators to deal the articles to)');
  const overlap = args.overlap === undefined ? null : parseShare(args.overlap);
  if (overlap === null && args.overlap !== undefined) throw new CliError(`--overlap "${args.overlap}" is not a share: give a percentage such as 20%`);
  const perArticle = args.perArticle === undefined ? (overlap ? 2 : 1) : wholeNumber('--per-article', args.perArticle);
  const seed = args.seed === undefined ? 1 : wholeNumber('--seed', args.seed);
  const workspace = await openCliWorkspace(args.workspace, io);
  const result = await (args.article !== undefined
    ? assignOneArticle(workspace, args.article, annotators)
    : // --per-article 2 alone: every article to two annotators.
      assignWorkspace(workspace, { annotators, perArticle, overlap: overlap ?? (perArticle > 1 ? 1 : 0), seed, onlyUnassigned: args.onlyUnassigned === true })
  ).catch((e: unknown) => {
    if (e instanceof AssignOptionsError || e instanceof AssignmentFileError) throw new CliError(e.message);
    if (e instanceof Error && args.article !== undefined) throw new CliError(e.message);
    throw e;
  });
  for (const s of result.skipped) io.err(`skipped ${s.reason}`);
  io.out(args.json ? JSON.stringify(result, null, 2) : summary(result));
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new CliError(`${flag} "${text}" is not a whole number`);
  return Number(text);
}

function summary(r: AssignResult): string {
  const lines = [`assigned ${r.assigned} article${r.assigned === 1 ? '' : 's'}; ${r.unassigned} left unassigned`];
  for (const [name, a] of Object.entries(r.annotators)) lines.push(`  ${name.padEnd(16)} ${String(a.articles).padStart(6)} articles${a.overlap ? `, ${a.overlap} shared for agreement` : ''}`);
  lines.push(r.written.length ? `wrote ${r.written.join(', ')}` : 'nothing changed on disk');
  return lines.join('\n');
}
