/**
 * Finds the article files of a workspace: recursive, sorted, skipping hidden folders and files
 * (which includes our own `.pilcrow/` and `.git/`) and Word's `~$` lock files. Symlinks, pipes
 * and devices are listed; whether a target is inside the workspace and a regular file is
 * checked when it is read.
 */
import { join } from 'node:path';
import type { ArticleFormat } from '../../core/article';
import { listConfined } from '../storage';
import { yielder } from '../storage/yielder';

const FORMATS: Record<string, ArticleFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.jsonl': 'jsonl',
};
export const ARTICLE_EXTENSIONS = Object.keys(FORMATS);

export interface FoundFile {
  /** Workspace-relative POSIX path. */
  path: string;
  format: ArticleFormat;
}

export function formatOf(name: string): ArticleFormat | null {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? null : (FORMATS[name.slice(dot).toLowerCase()] ?? null);
}

export function isArticleName(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('~$') && formatOf(name) !== null;
}

/**
 * `problems` collects one line per sub-folder that could not be listed (the scan goes on);
 * `links`, the paths of symbolic links without an article's name (a linked folder, most likely),
 * which are never followed (an article-named link is listed, and checked when read).
 */
export async function scanWorkspace(root: string, problems: string[] = [], links: string[] = []): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  // Iterative walk: deep trees must not overflow the stack.
  const pending: string[] = [''];
  const pause = yielder();
  while (pending.length > 0) {
    await pause();
    const rel = pending.pop() as string;
    // Linked folders are listed as links, never walked (storage/confined-fs.ts).
    const entries = await listConfined(root, join(root, rel)).catch((error: NodeJS.ErrnoException) => {
      // A folder that vanished or cannot be listed must not stop the rest of the scan.
      if (rel === '') throw error;
      problems.push(`${rel}/: this folder cannot be read (${error.code ?? error.message}); its articles are not listed.`);
      return [];
    });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // The team's guidelines (shown in their own panel, see workspace-schema/guidelines.ts) are not an article.
      if (rel === '' && entry.name === 'guidelines.md') continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.kind === 'folder') pending.push(childRel);
      // Pipes, sockets and devices with an article's name are listed too, so the editor is told
      // what they are (read-article.ts) instead of the file silently not being there.
      else if (isArticleName(entry.name)) found.push({ path: childRel, format: formatOf(entry.name)! });
      else if (entry.kind === 'link' && !entry.name.startsWith('~$')) links.push(childRel);
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
