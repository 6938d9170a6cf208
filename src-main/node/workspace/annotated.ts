/**
 * The article paths anybody has decisions for, from the layer files under
 * `.pilcrow/annotations/<annotator>/`. An article whose file is gone but which has labels is
 * shown as missing (never silently dropped), so its labels stay visible and exportable.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { annotationsDir, articleOfStem } from '../annotations/paths';

export async function annotatedPaths(root: string): Promise<Set<string>> {
  const paths = new Set<string>();
  const annotators = await readdir(annotationsDir(root), { withFileTypes: true }).catch(() => []);
  for (const annotator of annotators) {
    if (!annotator.isDirectory() || annotator.name.startsWith('.')) continue;
    const base = join(annotationsDir(root), annotator.name);
    const pending = [''];
    while (pending.length > 0) {
      const rel = pending.pop() as string;
      const entries = await readdir(join(base, rel), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue; // temp files of an interrupted save
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) pending.push(childRel);
        else if (entry.isFile() && entry.name.endsWith('.json')) {
          // A long name's short hashed file names its article inside (annotations/paths.ts).
          const article = await articleOfStem(join(base, childRel), childRel.slice(0, -'.json'.length));
          if (article !== null) paths.add(article);
        }
      }
    }
  }
  return paths;
}
