/**
 * The article paths anybody has decisions for, from the layer files under
 * `.pilcrow/annotations/<annotator>/`. An article whose file is gone but which has labels is
 * shown as missing (never silently dropped), so its labels stay visible and exportable.
 */
import { join } from 'node:path';
import { conflictCopyName } from '../annotations/conflict-copies';
import { annotationsDir, articleOfStem, isHashedStem } from '../annotations/paths';
import { walkConfined, type FolderEntry } from '../storage';

/** `pilcrowEntries`: a walk of `.pilcrow/` already made (workspace.ts shares one with conflict-files.ts). */
export async function annotatedPaths(root: string, pilcrowEntries?: (FolderEntry & { path: string })[]): Promise<Set<string>> {
  const paths = new Set<string>();
  // Hidden names are temp files of an interrupted save; links are never walked (storage/confined-fs.ts).
  const entries = pilcrowEntries
    ? pilcrowEntries.filter((e) => e.path.startsWith('annotations/')).map((e) => ({ ...e, path: e.path.slice('annotations/'.length) }))
    : await walkConfined(root, annotationsDir(root), (name) => name.startsWith('.')).catch(() => []);
  for (const entry of entries) {
    const slash = entry.path.indexOf('/');
    if (slash <= 0 || entry.kind !== 'file' || !entry.name.endsWith('.json')) continue;
    // A sync tool's conflict copy is not an article's layer: it is listed as what it is (conflict-files.ts).
    if (conflictCopyName(entry.name)?.original.endsWith('.json')) continue;
    // A long name's short hashed file names its article inside (annotations/paths.ts); any other names it.
    const stem = entry.path.slice(slash + 1, -'.json'.length);
    const article = isHashedStem(stem) ? await articleOfStem(root, join(annotationsDir(root), ...entry.path.split('/')), stem) : stem;
    if (article !== null) paths.add(article);
  }
  return paths;
}
