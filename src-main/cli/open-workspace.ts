/**
 * How every command opens a workspace: a damaged or refused file met on the way is reported on
 * stderr (recovered.ts), and a file that stopped Pilcrow last time is skipped and named (the read
 * guard's state lives beside the writer locks, outside the workspace: workspace/read-guard.ts).
 */
import { join } from 'node:path';
import { defaultLocksDir } from '../node/workspace/layer-lock';
import { Workspace } from '../node/workspace/workspace';
import { CliError } from './cli-error';
import { reportRecovered } from './recovered';

export async function openCliWorkspace(folder: string, io: { err: (s: string) => void }): Promise<Workspace> {
  const workspace = await Workspace.open(folder, reportRecovered(io), { stateDir: join(defaultLocksDir(), 'reading'), watched: false }).catch((e: Error) => {
    throw new CliError(e.message);
  });
  for (const path of workspace.guard.takeCrashed()) io.err(`skipped ${path}: Pilcrow stopped while reading it last time; it is not read again until it changes`);
  return workspace;
}
