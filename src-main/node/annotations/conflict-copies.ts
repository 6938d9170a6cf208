/**
 * Sync tools (Dropbox, Nextcloud, Syncthing, OneDrive, Google Drive) keep both versions of a file
 * edited on two machines by writing a "conflict copy" beside it. Pilcrow never loads such a copy
 * silently: it lists them, and the owner of the layer merges them (newer decision wins).
 */
import { join } from 'node:path';
import { hashId } from '../../core/hash';
import { LAYER_LIMIT, readConfined, walkConfined } from '../storage';
import { annotationsDir, articleOfStem } from './paths';

/** Each pattern matches the marker a sync tool inserts into the file name. */
const MARKERS: { tool: string; pattern: RegExp }[] = [
  { tool: 'Dropbox / Nextcloud', pattern: / \([^)]*conflicted copy[^)]*\)/i },
  { tool: 'Syncthing', pattern: /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}/ },
  { tool: 'Google Drive', pattern: / \(\d{1,3}\)(?=\.jsonl?$)/ },
  { tool: 'OneDrive', pattern: /-(?:DESKTOP|LAPTOP)-[A-Z0-9]{5,15}(?=\.jsonl?$)/ },
  { tool: 'a sync tool', pattern: / \((?:[^)]*\s)?conflict[^)]*\)/i },
];

/**
 * A file name under `.pilcrow/` read as a sync tool's conflict copy: the name it is a copy of
 * and the tool that made it, or null. Only copies of Pilcrow's JSON files count.
 */
export function conflictCopyName(name: string): { original: string; tool: string } | null {
  for (const { tool, pattern } of MARKERS) {
    if (!pattern.test(name)) continue;
    const original = name.replace(pattern, '');
    if (original.endsWith('.json') || original.endsWith('.jsonl')) return { original, tool };
  }
  return null;
}

export interface ConflictCopy {
  id: string;
  annotator: string;
  /** The article whose layer this copy is of. */
  article: string;
  /** Path of the copy, relative to `.pilcrow/annotations/`. */
  file: string;
  tool: string;
}

export async function findConflictCopies(root: string): Promise<ConflictCopy[]> {
  const found: ConflictCopy[] = [];
  const base = annotationsDir(root);
  for (const entry of await walkConfined(root, base).catch(() => [])) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.json')) continue;
    const copy = asConflictCopy(entry.path);
    // A long name's short hashed file names its article inside (paths.ts).
    const article = copy && (await articleOfStem(root, join(base, ...entry.path.split('/')), copy.article));
    if (copy && article) found.push({ ...copy, article });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** A layer file's path (relative to annotations/) read as a conflict copy, or null. */
export function asConflictCopy(file: string): ConflictCopy | null {
  const [annotator, ...rest] = file.split('/');
  const name = rest.pop();
  if (!annotator || !name) return null;
  const copy = conflictCopyName(name);
  if (!copy || !copy.original.endsWith('.json')) return null;
  return { id: `c${hashId(file)}`, annotator, article: [...rest, copy.original.slice(0, -'.json'.length)].join('/'), file, tool: copy.tool };
}

export async function readConflictCopy(root: string, copy: ConflictCopy): Promise<unknown> {
  return JSON.parse((await readConfined(root, join(annotationsDir(root), ...copy.file.split('/')), LAYER_LIMIT)).toString('utf8'));
}
