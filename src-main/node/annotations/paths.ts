/**
 * Where labels live: `<workspace>/.pilcrow/annotations/<annotator>/<article path>.json`.
 * One folder per annotator, so editors sharing the folder through git or a sync tool never
 * write the same file; the article path is mirrored so the tree reads like the workspace.
 */
import { join } from 'node:path';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';

export const PILCROW_DIR = '.pilcrow';

export function annotationsDir(root: string): string {
  return join(root, PILCROW_DIR, 'annotations');
}

export function quarantineDir(root: string): string {
  return join(root, PILCROW_DIR, 'quarantine');
}

export function annotationFilePath(root: string, annotator: string, articlePath: string): string {
  if (!ANNOTATOR_NAME_PATTERN.test(annotator)) throw new Error(`invalid annotator name: ${JSON.stringify(annotator)}`);
  const segments = articlePath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw new Error(`invalid article path: ${articlePath}`);
  return join(annotationsDir(root), annotator, ...segments) + '.json';
}
