/**
 * The team's guidelines, `<workspace>/guidelines.md`: read as text for the guidelines panel
 * (which renders its own small markdown subset, never HTML). Confined like an article, so a
 * symlink cannot show a file from outside the workspace.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { confinePath } from '../workspace/confine';

export const GUIDELINES_FILE = 'guidelines.md';
const MAX_BYTES = 1024 * 1024;

export type GuidelinesText = { text: string } | { missing: true } | { error: string };

export async function readGuidelines(root: string): Promise<GuidelinesText> {
  const real = await confinePath(root, GUIDELINES_FILE).catch((error: NodeJS.ErrnoException) => error);
  if (real instanceof Error) {
    if (real.code === 'ENOENT') return { missing: true };
    return { error: `${GUIDELINES_FILE} cannot be shown: ${real.message}` };
  }
  const info = await stat(real);
  if (!info.isFile()) return { error: `${GUIDELINES_FILE} is not a file.` };
  if (info.size > MAX_BYTES) return { error: `${GUIDELINES_FILE} is ${Math.round(info.size / 1024)} KB; the panel shows files up to 1 MB. Shorten it or split it.` };
  const bytes = await readFile(real);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { error: `${GUIDELINES_FILE} is not valid UTF-8: save it as UTF-8 and reopen the panel.` };
  }
}

export async function hasGuidelines(root: string): Promise<boolean> {
  return stat(join(root, GUIDELINES_FILE)).then((s) => s.isFile(), () => false);
}
