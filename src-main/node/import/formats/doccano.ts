/**
 * doccano JSONL exports (doccano.github.io, "Export"): text classification
 * `{"id", "text", "label": ["quote"]}`, sequence labelling `{"text", "label": [[start, end, "quote"], …]}`
 * or `{"text", "entities": [{"start_offset", "end_offset", "label"}]}`. Offsets count characters
 * as Python does (code points). A span document is split into paragraphs (spans.ts). doccano
 * exports texts nobody labelled too, with an empty list: those are not imported (it cannot say
 * "reviewed, none"). Any other field (doccano keeps the columns it was given) may name the article.
 */
import { articleOf, isObject, type ConvertSink } from './types';
import { spansToParagraphs, type Span } from './spans';

export function isDoccano(item: unknown): boolean {
  return isObject(item) && typeof item.text === 'string' && !('article' in item && 'paragraph_id' in item) && (Array.isArray(item.label) || Array.isArray(item.entities)) && !('answer' in item);
}

export function fromDoccano(item: Record<string, unknown>, where: string, sink: ConvertSink): void {
  const text = item.text;
  if (typeof text !== 'string') return sink.skip(where, { code: 'skip-no-text' });
  const article = articleOf(item);
  const base = { ...(article ? { article } : {}), ...(typeof item.annotator === 'string' ? { annotator: item.annotator } : {}) };
  const spans: Span[] = [];
  const classes: string[] = [];
  for (const l of Array.isArray(item.label) ? item.label : []) {
    if (typeof l === 'string') classes.push(l);
    else if (Array.isArray(l) && l.length >= 3) spans.push({ start: Number(l[0]), end: Number(l[1]), labels: [String(l[2])] });
  }
  for (const e of Array.isArray(item.entities) ? item.entities.filter(isObject) : []) spans.push({ start: Number(e.start_offset), end: Number(e.end_offset), labels: [String(e.label)] });
  if (spans.length === 0 && classes.length === 0) return sink.skip(where, { code: 'skip-unlabelled' });
  if (spans.length === 0) return sink.record({ ...base, text, labels: [...new Set(classes)] }, where);
  for (const p of spansToParagraphs(text, spans, 'code-point')) sink.record({ ...base, text: p.text, labels: [...new Set([...classes, ...p.labels])] }, `${where}, paragraph ${p.index}`);
}
