/**
 * What the team's line files share (`.pilcrow/assignments/*.jsonl`, `.pilcrow/replies/*.jsonl`):
 * one file per annotator, a header line then one JSON object a line, merged by git as sets of
 * lines (`merge=union`). Each is a teammate's file, so it is untrusted input: strict UTF-8, conflict
 * markers seen as a merge in progress, article paths that cannot leave the workspace.
 */
import { z } from 'zod';

/** An article's workspace-relative path, `/` between folders: never absolute, never `..`. */
export const articlePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(relativeParts, 'an article path relative to the workspace, with / between folders');

function relativeParts(p: string): boolean {
  return !p.startsWith('/') && !p.includes('\\') && !p.includes('\u0000') && !p.split('/').some((s) => s === '' || s === '.' || s === '..');
}

/** articlePathSchema's test, without zod (for checks of thousands of lines). */
export function isArticlePath(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 4096 && relativeParts(value);
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const CONFLICT_LINE = /^(?:<{7}|>{7})(?: |$)|^={7}$/;

/** The file's lines, or why it cannot be read as lines of text: not UTF-8, or the 1-based line of git's first conflict marker. */
export function linesOf(bytes: Uint8Array): { lines: string[] } | { notUtf8: true } | { conflictAt: number } {
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    return { notUtf8: true };
  }
  const lines = text.split('\n');
  const conflict = lines.findIndex((l) => CONFLICT_LINE.test(l));
  return conflict >= 0 ? { conflictAt: conflict + 1 } : { lines };
}

/** `.gitattributes` of a folder of line files: git keeps the lines of both sides instead of conflict markers. */
export const unionMergeAttributes = (why: string) => `# Written by Pilcrow (docs/teams.md): ${why}; git keeps the lines of both sides.
*.jsonl merge=union
`;
