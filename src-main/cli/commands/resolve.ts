/** `pilcrow resolve WORKSPACE`: finishes what it can of a git merge in `.pilcrow/` (docs/teams.md). */
import { realpath } from 'node:fs/promises';
import { resolveMidMerge } from '../../node/workspace/resolve-merge';
import { CliError } from '../cli-error';

export const RESOLVE_HELP = `pilcrow resolve WORKSPACE
  Finishes a git merge in .pilcrow/ where Pilcrow knows how: schema.json label by label, a label
  file decision by decision (the newer wins), one label's file keeping your values. Other files
  with conflict markers (an article's settings) are named and left for you: pick a side per field
  in the app (Finish the merge). Then git add and git commit (docs/teams.md). Exits 1 when any is left.`;

export async function resolveCommand(args: { workspace: string }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const root = await realpath(args.workspace).catch(() => {
    throw new CliError(`cannot open workspace ${args.workspace}: the folder does not exist or cannot be read`);
  });
  const results = await resolveMidMerge(root);
  if (results.length === 0) io.out(`${root}: no file in .pilcrow/ holds conflict markers`);
  for (const r of results) (r.resolved ? io.out : io.err)(r.message);
  return results.some((r) => !r.resolved) ? 1 : 0;
}
