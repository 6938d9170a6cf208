/**
 * Finds the article files of a workspace: recursive, sorted, skipping hidden folders (which
 * includes our own `.pilcrow/` and `.git/`) and symlinks (confinement is checked on open).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

export interface FoundFile {
  /** Workspace-relative POSIX path. */
  path: string;
}

export async function scanWorkspace(root: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  // Iterative walk: deep trees must not overflow the stack.
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    const entries = await readdir(join(root, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(childRel);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleName(entry.name)) found.push({ path: childRel });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
