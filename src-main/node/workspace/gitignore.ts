/**
 * `.pilcrow/.gitignore`: what in a workspace is this machine's own — backups of the previous
 * generation, temp files of a save in progress, the quarantine — so `git add -A` never commits
 * it and it never conflicts (docs/teams.md). Written before Pilcrow's first save into a
 * workspace, never at open (a read writes nothing), and never rewritten once there: the team may
 * have edited it.
 */
import { join } from 'node:path';
import { confinedDurableFs, lstatConfined, makeFolders, writeAtomic } from '../storage';
import { PILCROW_DIR } from '../annotations/paths';

export const PILCROW_GITIGNORE = `# Written by Pilcrow (docs/teams.md): files of one machine, never shared.
# Shared through git: schema/, suggest.json, articles/, annotations/, predictions/.
*.bak
*.pilcrow-tmp
quarantine/
`;

/** Workspaces this process has seen a .gitignore in (or wrote one to). */
const checked = new Set<string>();

export function gitignorePath(root: string): string {
  return join(root, PILCROW_DIR, '.gitignore');
}

/** Writes `.pilcrow/.gitignore` when there is none; a failure never stops the save it precedes. */
export async function ensureGitignore(root: string): Promise<void> {
  if (checked.has(root)) return;
  const file = gitignorePath(root);
  try {
    // A link or anything else already there is the team's: left alone.
    if ((await lstatConfined(root, file)) === null) {
      await makeFolders(root, join(root, PILCROW_DIR));
      await writeAtomic(confinedDurableFs(root), file, new TextEncoder().encode(PILCROW_GITIGNORE));
    }
  } catch {
    // Read-only folder, a link in the way: the labels matter more than the ignore file.
  }
  checked.add(root);
}

/** Options of every durable file Pilcrow shares in a workspace (schema, settings, layers). */
export function sharedFileOptions(root: string): { root: string; quarantineDir: string; beforeWrite: () => Promise<void> } {
  return { root, quarantineDir: join(root, PILCROW_DIR, 'quarantine'), beforeWrite: () => ensureGitignore(root) };
}
