/**
 * Label Studio exports (labelstud.io/guide/export): JSON (tasks with `data` and `annotations`)
 * and JSON-MIN (one flat object per annotation: the task's data fields, each control's value
 * under its name, and `annotator`, `annotation_id`, `created_at`, `updated_at`, `lead_time`).
 * Understood: Paragraphs labelled with ParagraphLabels (regions give paragraph indices
 * `start`..`end` into the task's paragraph list), Choices on a task that is one paragraph (its
 * `text`) or on a region (`perRegion`), and Labels spans on a Text (offsets in UTF-16 units,
 * mapped to lines: spans.ts). Each paragraph of an annotated task is a record; one no region
 * touches is "none". Cancelled (skipped) annotations are not imported.
 */
import { articleOf, isObject, toolAnnotator, type ConvertSink } from './types';
import { spansToParagraphs, type Span } from './spans';

export function isLabelStudioTask(item: unknown): boolean {
  return isObject(item) && isObject(item.data) && (Array.isArray(item.annotations) || Array.isArray(item.completions));
}

export function isLabelStudioMin(item: unknown): boolean {
  return isObject(item) && ('annotation_id' in item || 'lead_time' in item);
}

interface Result {
  id?: unknown;
  type?: unknown;
  value?: unknown;
}

/** One annotated task of a JSON export. */
export function fromLabelStudioTask(task: Record<string, unknown>, where: string, sink: ConvertSink): void {
  const data = task.data as Record<string, unknown>;
  const annotations = ((task.annotations ?? task.completions) as unknown[]).filter(isObject);
  if (annotations.length === 0) sink.skip(where, { code: 'skip-unannotated' });
  annotations.forEach((annotation, n) => {
    const at = `${where}, annotation ${n + 1}`;
    if (annotation.was_cancelled === true) return sink.skip(at, { code: 'skip-cancelled' });
    const results = (Array.isArray(annotation.result) ? annotation.result : []).filter(isObject) as Result[];
    const common = {
      article: articleOf(data, task),
      annotator: toolAnnotator(annotation.completed_by, 'label-studio'),
      updated_at: annotation.updated_at ?? annotation.created_at ?? task.updated_at,
    };
    emit(data, results, common, at, sink);
  });
}

/** One row of a JSON-MIN export: the task's data and each control's (prettified) value under its name. */
export function fromLabelStudioMin(row: Record<string, unknown>, where: string, sink: ConvertSink): void {
  const META = new Set(['id', 'annotator', 'annotation_id', 'created_at', 'updated_at', 'lead_time', 'agreement', 'article', 'path', 'file', 'text', 'title', 'url', 'meta']);
  const results: Result[] = [];
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (META.has(key)) {
      data[key] = value;
      continue;
    }
    if (Array.isArray(value) && value.some((v) => isObject(v) && ('paragraphlabels' in v || 'labels' in v || 'choices' in v))) {
      for (const v of value.filter(isObject)) results.push({ type: 'paragraphlabels' in v ? 'paragraphlabels' : 'labels' in v ? 'labels' : 'choices', value: v });
    } else if (isObject(value) && Array.isArray(value.choices)) results.push({ type: 'choices', value });
    // A single choice is written as its name alone; a paragraph list or long text is task data.
    else if (typeof value === 'string' && value.length <= 64 && !/\s{2,}|\n/.test(value)) results.push({ type: 'choices', value: { choices: [value] } });
    else data[key] = value;
  }
  emit(data, results, { article: articleOf(row), annotator: toolAnnotator(row.annotator, 'label-studio'), updated_at: row.updated_at ?? row.created_at }, where, sink);
}

interface Common {
  article: string | undefined;
  annotator: string | undefined;
  updated_at: unknown;
}

function emit(data: Record<string, unknown>, results: Result[], common: Common, where: string, sink: ConvertSink): void {
  const base = { ...(common.article ? { article: common.article } : {}), ...(common.annotator ? { annotator: common.annotator } : {}), ...(common.updated_at !== undefined ? { updated_at: common.updated_at } : {}) };
  const paragraphs = paragraphList(data);
  const regions = results.filter((r) => r.type === 'paragraphlabels' && isObject(r.value));
  const choices = results.filter((r) => r.type === 'choices' && isObject(r.value));
  const spans = results.filter((r) => r.type === 'labels' && isObject(r.value));
  if (paragraphs) {
    const labels = paragraphs.map(() => new Set<string>());
    const regionParagraphs = new Map<unknown, number[]>();
    for (const r of regions) {
      const v = r.value as Record<string, unknown>;
      const from = Number(v.start);
      const to = Number(v.end ?? v.start);
      if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
      const covered: number[] = [];
      for (let i = Math.max(0, from); i <= Math.min(to, paragraphs.length - 1); i++) covered.push(i);
      regionParagraphs.set(r.id, covered);
      for (const i of covered) for (const l of stringList(v.paragraphlabels)) labels[i]!.add(l);
    }
    // perRegion Choices refer to their region by its id.
    for (const c of choices) for (const i of regionParagraphs.get(c.id) ?? []) for (const l of stringList((c.value as Record<string, unknown>).choices)) labels[i]!.add(l);
    paragraphs.forEach((text, i) => sink.record({ ...base, paragraph: i, text, labels: [...labels[i]!] }, `${where}, paragraph ${i}`));
    return;
  }
  const text = typeof data.text === 'string' ? data.text : undefined;
  if (spans.length && text !== undefined) {
    const list: Span[] = spans.map((s) => s.value as Record<string, unknown>).map((v) => ({ start: Number(v.start), end: Number(v.end), labels: stringList(v.labels) }));
    for (const p of spansToParagraphs(text, list, 'utf16')) sink.record({ ...base, text: p.text, labels: p.labels }, `${where}, paragraph ${p.index}`);
    return;
  }
  if (text !== undefined) {
    const labels = new Set(choices.flatMap((c) => stringList((c.value as Record<string, unknown>).choices)));
    sink.record({ ...base, text, labels: [...labels] }, where);
    return;
  }
  sink.skip(where, { code: 'skip-no-paragraphs' });
}

/** The task's paragraph list: the first data field that is a list of `{text}` objects (Paragraphs' default textKey). */
function paragraphList(data: Record<string, unknown>): string[] | null {
  for (const value of Object.values(data)) {
    if (Array.isArray(value) && value.length && value.every((p) => isObject(p) && typeof p.text === 'string')) return value.map((p) => (p as { text: string }).text);
  }
  return null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}
