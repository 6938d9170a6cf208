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
import type { MainMessage } from '../../shared/messages';

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
  /** What to do with it, in a sentence the editor can follow (shared/messages, English with englishText). */
  said: MainMessage;
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
  const made = (kind: SharedFileKind, what: string, annotator?: string): ConflictCopyFile => {
    const said: MainMessage = { code: 'shared-conflict-copy', path, of, tool, kind, what, annotator: annotator ?? null };
    return { path, of, kind, tool, ...(annotator !== undefined ? { annotator } : {}), said };
  };
  if (inside.startsWith('annotations/')) {
    const [annotator = '', ...rest] = inside.slice('annotations/'.length).split('/');
    return made('layer', rest.join('/').replace(/\.json$/, ''), annotator);
  }
  if (inside === 'schema.json') return made('schema', '');
  if (inside.startsWith('schema/labels/')) return made('schema', inside.slice('schema/labels/'.length).replace(/\.json$/, ''));
  if (inside === 'schema/mode.json') return made('schema', '');
  if (inside.startsWith('articles/')) return made('settings', inside.slice('articles/'.length).replace(/\.json$/, ''));
  if (inside === 'suggest.json') return made('suggest', '');
  if (inside.startsWith('predictions/')) return made('predictions', '');
  return made('file', of);
}
