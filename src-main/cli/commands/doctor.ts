/** `pilcrow doctor WORKSPACE [--json]`: what in a shared workspace waits for a person, and what fixes it. */
import { realpath } from 'node:fs/promises';
import { defaultLocksDir } from '../../node/workspace/layer-lock';
import { diagnoseWorkspace, type Finding } from '../../node/workspace/doctor';
import { CliError } from '../cli-error';

export const DOCTOR_HELP = `pilcrow doctor WORKSPACE [--json]
  Lists every file in the middle of a git merge, every sync-tool conflict copy, every
  quarantined file, every stale writer lock and every label file that still uses a renamed
  label, each with the command or click that fixes it (docs/teams.md). Changes nothing.
  Exits 1 when something needs a person (a merge, a conflict copy, a quarantined file).`;

/** What can be left alone: Pilcrow handles it by itself. */
const SELF_HEALING = new Set<Finding['kind']>(['stale-lock', 'unmigrated-rename']);

export async function doctorCommand(args: { workspace: string; json: boolean }, io: { out: (s: string) => void }): Promise<number> {
  const root = await realpath(args.workspace).catch(() => {
    throw new CliError(`cannot open workspace ${args.workspace}: the folder does not exist or cannot be read`);
  });
  const findings = await diagnoseWorkspace(root, defaultLocksDir());
  const needsPerson = findings.some((f) => !SELF_HEALING.has(f.kind));
  if (args.json) io.out(JSON.stringify({ workspace: root, findings }, null, 2));
  else io.out(findings.length === 0 ? `${root}: nothing to do` : [`${root}: ${findings.length} finding${findings.length === 1 ? '' : 's'}`, ...findings.map((f) => `${f.kind}  ${f.message}`)].join('\n'));
  return needsPerson ? 1 : 0;
}
