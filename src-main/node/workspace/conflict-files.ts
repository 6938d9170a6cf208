/**
 * Sync-tool conflict copies of every shared file under `.pilcrow/` — label layers, the label
 * schema, article settings, suggestion settings, predictions — named as what they are, so no
 * reader mistakes one for a missing article and none is lost from sight (docs/teams.md).
 * Pilcrow reads only the original file; the copy waits, untouched, for someone to merge it.
 */
import { join } from 'node:path';
import { PILCROW_DIR } from '../annotations/paths';
import { conflictCopyName } from '../annotations/conflict-copies';
import { walkConfined, type FolderEntry } from '../storage';

export type SharedFileKind = 'layer' | 'schema' | 'settings' | 'suggest' | 'predictions' | 'file';

export interface ConflictCopyFile {
  /** Workspace-relative path of the copy. */
  path: string;
  /** Workspace-relative path of the file it is a copy of. */
  of: string;
  kind: SharedFileKind;
  tool: string;
  /** For a layer: whose labels. */
  annotator?: string;
  /** What to do with it, in a sentence the editor can follow. */
  message: string;
}

/** Every file under `.pilcrow/`, hidden names skipped (temp files), links never followed. */
export function walkPilcrow(root: string): Promise<(FolderEntry & { path: string })[]> {
  return walkConfined(root, join(root, PILCROW_DIR), (name) => name.startsWith('.')).catch(() => []);
}

/** `entries`: a walk of `.pilcrow/` already made (walkPilcrow). */
export async function findSharedConflictCopies(root: string, entries?: (FolderEntry & { path: string })[]): Promise<ConflictCopyFile[]> {
  entries ??= await walkPilcrow(root);
  const found: ConflictCopyFile[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'file' || entry.path.startsWith('quarantine/')) continue;
    const copy = conflictCopyName(entry.name);
    if (!copy) continue;
    const folder = entry.path.slice(0, entry.path.length - entry.name.length);
    found.push(describe(`${PILCROW_DIR}/${entry.path}`, `${PILCROW_DIR}/${folder}${copy.original}`, copy.tool));
  }
  return found;
}

function describe(path: string, of: string, tool: string): ConflictCopyFile {
  const inside = of.slice(PILCROW_DIR.length + 1);
  const copy = (what: string, todo: string) => `${path} is a conflict copy ${tool} made of ${what} when two machines changed it at once; Pilcrow reads only ${of} and leaves the copy as it is. ${todo}`;
  const finish = `Compare the two, bring into ${of} what only the copy has, then delete the copy.`;
  if (inside.startsWith('annotations/')) {
    const [annotator = '', ...rest] = inside.slice('annotations/'.length).split('/');
    const article = rest.join('/').replace(/\.json$/, '');
    return { path, of, kind: 'layer', tool, annotator, message: copy(`${annotator}'s labels for ${article} (not a missing article)`, `${annotator} merges it in Pilcrow's Review view, under conflict copies (the newer decision of each paragraph wins), which sets the copy aside.`) };
  }
  if (inside === 'schema.json') return { path, of, kind: 'schema', tool, message: copy('the label schema', finish) };
  if (inside.startsWith('articles/')) return { path, of, kind: 'settings', tool, message: copy(`how ${inside.slice('articles/'.length).replace(/\.json$/, '')} is read`, finish) };
  if (inside === 'suggest.json') return { path, of, kind: 'suggest', tool, message: copy('the suggestion settings', finish) };
  if (inside.startsWith('predictions/')) return { path, of, kind: 'predictions', tool, message: copy('imported predictions', finish) };
  return { path, of, kind: 'file', tool, message: copy(of, finish) };
}
