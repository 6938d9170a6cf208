/** `pilcrow suggest WORKSPACE [--article PATH] [--predictions FILE] [--json]`: the suggestions an editor would see. */
import type { ScoringModel } from '../../core/learn/score';
import { commandModel } from '../../node/learn/cli-model';
import { LEARN_SEED } from '../../node/learn/service';
import { defaultUserDataDir } from '../../node/learn/user-data';
import { LearnWorker } from '../../node/learn/worker-host';
import { suggestionRows, suggestWorkspace, UnknownArticleError, workspaceLabels } from '../../node/suggest/suggest-workspace';
import type { LearnIo } from './train';
import { Workspace } from '../../node/workspace/workspace';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const SUGGEST_HELP = `pilcrow suggest WORKSPACE [--article PATH] [--predictions FILE]… [--user-data DIR] [--json]
  Label suggestions at the workspace's thresholds (.pilcrow/suggest.json): repeated lines and
  end markers (boilerplate), sponsor lines (ad), quotation cues (quote), figures (claim), model
  predictions (JSONL), and the learned suggester ("learned") once the workspace has 20 decided
  paragraphs of a label (trained first when its kept model is stale; see pilcrow train).
  --json prints [{"article", "paragraph", "paragraph_id", "label", "score", "suggester",
  "reason"}]. Unmatched prediction records are listed on stderr.`;

export interface SuggestArgs {
  workspace: string;
  article?: string | undefined;
  predictions?: string[] | undefined;
  userData?: string | undefined;
  json: boolean;
}

/** The learned model, or null (too few decisions, or no learner in this build); a failure is said on stderr. */
async function learnedModel(workspace: Workspace, args: SuggestArgs, io: LearnIo): Promise<ScoringModel | null> {
  if (!io.learnWorker) return null;
  const worker = new LearnWorker(io.learnWorker);
  try {
    const { scoring } = await commandModel(worker, { root: workspace.root, userDataDir: args.userData ?? defaultUserDataDir(), labels: await workspaceLabels(workspace), seed: LEARN_SEED });
    return scoring;
  } catch (error) {
    io.err(`learned suggester unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    await worker.close();
  }
}

export async function suggestCommand(args: SuggestArgs, io: LearnIo): Promise<void> {
  const workspace = await openCliWorkspace(args.workspace, io);
  const learned = await learnedModel(workspace, args, io);
  const result = await suggestWorkspace(workspace, {
    ...(args.article !== undefined ? { articlePath: args.article } : {}),
    ...(args.predictions ? { predictionFiles: args.predictions } : {}),
    ...(learned ? { learned } : {}),
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
