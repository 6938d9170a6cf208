/**
 * Resolves a workspace-relative path to a real file that is provably inside the workspace.
 * A naive `startsWith(root)` lets a sibling `ws-evil`, symlinks and `..` through; here both
 * sides are realpath'd and compared by path segments.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export class OutsideWorkspaceError extends Error {
  readonly code = 'outside-workspace';
}

export async function confinePath(root: string, relPath: string): Promise<string> {
  if (relPath.includes('\0')) throw new OutsideWorkspaceError(`refused a path with a NUL byte: ${JSON.stringify(relPath)}`);
  if (isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) throw new OutsideWorkspaceError(`refused an absolute path: ${relPath}`);
  const realRoot = await realpath(root);
  const real = await realpath(resolve(realRoot, relPath));
  if (!isInside(realRoot, real)) throw new OutsideWorkspaceError(`${relPath} resolves outside the workspace (to ${real})`);
  return real;
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
