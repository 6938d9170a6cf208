/**
 * A teammate's label file may list one label twice on a paragraph (written by hand, by another
 * tool, or by an older build): every reader takes each label once, so review, agreement and
 * export count it once, and the review names the file. The file itself is never rewritten by
 * reading it; this annotator's own files lose the repeat when they are next saved.
 */
import type { MainMessage } from '../../shared/messages';
import type { AnnotationFile, ParagraphEntry } from './schema';

export interface RepeatedLabels {
  paragraph_id: string;
  /** Each label that was listed more than once. */
  labels: string[];
}

const found = new WeakMap<AnnotationFile, RepeatedLabels[]>();

/** The file with each entry's labels listed once; what was repeated is kept for `repeatedLabelsIn`. */
export function withoutRepeatedLabels(file: AnnotationFile): AnnotationFile {
  const repeats: RepeatedLabels[] = [];
  const dedupe = (id: string, entry: ParagraphEntry) => {
    const once = [...new Set(entry.labels)];
    if (once.length === entry.labels.length) return;
    repeats.push({ paragraph_id: id, labels: once.filter((l) => entry.labels.indexOf(l) !== entry.labels.lastIndexOf(l)) });
    entry.labels = once;
  };
  for (const [id, entry] of Object.entries(file.paragraphs)) dedupe(id, entry);
  for (const orphan of file.orphans) dedupe(orphan.paragraph_id, orphan.entry);
  if (repeats.length > 0) found.set(file, repeats);
  return file;
}

/** Paragraphs of this file (as read) whose labels were listed more than once. */
export function repeatedLabelsIn(file: AnnotationFile | null): readonly RepeatedLabels[] {
  return (file && found.get(file)) ?? [];
}

/** One sentence for the editor about a file with repeated labels. */
export function describeRepeatedLabels(annotator: string, article: string, repeats: readonly RepeatedLabels[]): MainMessage {
  return { code: 'repeated-labels', annotator, article, labels: [...new Set(repeats.flatMap((r) => r.labels))], paragraphs: repeats.length };
}
