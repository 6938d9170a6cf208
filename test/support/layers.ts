/** Writes annotators' layer files in the documented on-disk format, as a sync tool would deliver them. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { segmentArticle } from '../../src-main/core/article';
import { annotationFilePath } from '../../src-main/node/annotations/paths';
import type { AnnotationFile } from '../../src-main/node/annotations/schema';

/** decisions[i] = labels for paragraph i (null: untouched). Plain-text articles only. */
export async function writeLayer(workspace: string, annotator: string, article: string, decisions: (string[] | null)[], status: 'in_progress' | 'done' = 'in_progress'): Promise<void> {
  const text = await readFile(join(workspace, article), 'utf8');
  const paragraphs = segmentArticle(text, article.endsWith('.md') ? 'md' : 'txt').paragraphs;
  const at = '2026-11-27T09:00:00.000Z';
  const file: AnnotationFile = { version: 1, article, annotator, updated_at: at, status, paragraphs: {}, orphans: [] };
  decisions.forEach((labels, index) => {
    const p = paragraphs[index];
    if (labels && p) file.paragraphs[p.id] = { index, labels, updated_at: at };
  });
  const path = annotationFilePath(workspace, annotator, article);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(file, null, 2));
}
