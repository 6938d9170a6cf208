/** The `pilcrow` CLI run in-process with its output captured: exit code, stdout and stderr as text. */
import { runCli } from '../../src-main/cli/pilcrow';

export async function runPilcrow(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
