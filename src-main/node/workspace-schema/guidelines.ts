/**
 * The team's guidelines, `<workspace>/guidelines.md`: read as text for the guidelines panel
 * (which renders its own small markdown subset, never HTML). A teammate's file: read with no
 * link followed (storage/confined-fs.ts), so a link cannot show a file from anywhere.
 */
import { join } from 'node:path';
import { GUIDELINES_LIMIT, lstatConfined, readConfined, RefusedFileError } from '../storage';

export const GUIDELINES_FILE = 'guidelines.md';

export type GuidelinesText = { text: string } | { missing: true } | { error: string };

export async function readGuidelines(root: string): Promise<GuidelinesText> {
  const bytes = await readConfined(root, join(root, GUIDELINES_FILE), GUIDELINES_LIMIT).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) {
    if (bytes.code === 'ENOENT') return { missing: true };
    if (bytes instanceof RefusedFileError && bytes.kind === 'too-large') return { error: `${GUIDELINES_FILE} is ${Math.round((bytes.detail.size ?? 0) / 1024)} KB; the panel shows files up to 1 MB. Shorten it or split it.` };
    if (bytes instanceof RefusedFileError) return { error: `${GUIDELINES_FILE} cannot be shown: ${bytes.problem}.` };
    return { error: `${GUIDELINES_FILE} cannot be shown: ${bytes.message}` };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { error: `${GUIDELINES_FILE} is not valid UTF-8: save it as UTF-8 and reopen the panel.` };
  }
}

export async function hasGuidelines(root: string): Promise<boolean> {
  // A link or a pipe is "there" too: opening the panel says what it is.
  return lstatConfined(root, join(root, GUIDELINES_FILE)).then((s) => s !== null && !s.isDirectory(), () => false);
}
