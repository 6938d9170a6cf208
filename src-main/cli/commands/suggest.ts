/** `pilcrow suggest WORKSPACE [--article PATH] [--predictions FILE] [--json]`: the suggestions an editor would see. */
import { suggestionRows, suggestWorkspace, UnknownArticleError } from '../../node/suggest/suggest-workspace';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const SUGGEST_HELP = `pilcrow suggest WORKSPACE [--article PATH] [--predictions FILE]… [--json]
  Label suggestions at the workspace's thresholds (.pilcrow/suggest.json): repeated lines and
  end markers (boilerplate), sponsor lines (ad), quotation cues (quote), figures (claim), and
  model predictions (JSONL). --json prints [{"article", "paragraph", "paragraph_id", "label",
  "score", "suggester", "reason"}]. Unmatched prediction records are listed on stderr.`;

export interface SuggestArgs {
  workspace: string;
  article?: string | undefined;
  predictions?: string[] | undefined;
  json: boolean;
}

export async function suggestCommand(args: SuggestArgs, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const workspace = await openCliWorkspace(args.workspace, io);
  const result = await suggestWorkspace(workspace, {
    ...(args.article !== undefined ? { articlePath: args.article } : {}),
    ...(args.predictions ? { predictionFiles: args.predictions } : {}),
  }).catch((e: unknown) => {
    throw e instanceof UnknownArticleError ? new CliError(e.message) : e;
  });
  for (const s of result.skipped) io.err(`skipped ${s.reason}`);
  for (const p of result.problems) io.err(`predictions: ${p}`);
  const rows = suggestionRows(result);
  if (args.json) return io.out(JSON.stringify(rows, null, 2));
  let last = '';
  for (const r of rows) {
    if (r.article !== last) io.out(`${last ? '\n' : ''}${r.article}`);
    last = r.article;
    io.out(`  ${`¶${r.paragraph}`.padEnd(5)} ${r.label.padEnd(12)} ${r.score.toFixed(2)}  ${r.suggester.padEnd(11)} ${r.reason}`);
  }
  if (rows.length === 0) io.out('no suggestions at the workspace\'s thresholds');
}
