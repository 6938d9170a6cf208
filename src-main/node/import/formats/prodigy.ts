/**
 * Prodigy JSONL (`prodigy db-out`, prodi.gy/docs/api-interfaces): every task has `text` and the
 * editor's `answer` (accept, reject, ignore). textcat with options: `accept` lists the chosen
 * options' ids; binary textcat: `label` is accepted or rejected; spans (ner, spans.manual):
 * `spans` of `{start, end, label}` in characters (code points) of `text`, mapped to paragraphs
 * (spans.ts). A reject of a binary label says only that this one label does not apply, and an
 * ignore says nothing: neither is imported (both are listed). `_timestamp` (seconds) gives the
 * time and `_annotator_id` the annotator, unless --annotator names one.
 */
import { articleOf, isObject, toolAnnotator, type ConvertSink } from './types';
import { spansToParagraphs } from './spans';

export function isProdigy(item: unknown): boolean {
  return isObject(item) && typeof item.text === 'string' && (typeof item.answer === 'string' || '_input_hash' in item || '_task_hash' in item);
}

export function fromProdigy(item: Record<string, unknown>, where: string, sink: ConvertSink): void {
  const text = item.text;
  if (typeof text !== 'string') return sink.skip(where, { code: 'skip-no-text' });
  const answer = item.answer;
  if (answer === 'ignore') return sink.skip(where, { code: 'skip-ignored' });
  const article = articleOf(item);
  const annotator = toolAnnotator(item._annotator_id ?? item._session_id, 'prodigy');
  const base = {
    ...(article ? { article } : {}),
    ...(annotator ? { annotator } : {}),
    ...(typeof item._timestamp === 'number' ? { updated_at: item._timestamp } : {}),
  };
  const spans = Array.isArray(item.spans) ? item.spans.filter(isObject) : null;
  if (Array.isArray(item.options)) {
    if (answer !== 'accept') return sink.skip(where, { code: 'skip-answer-choice', answer: String(answer) });
    const accepted = Array.isArray(item.accept) ? item.accept.map(String) : [];
    return sink.record({ ...base, text, labels: [...new Set(accepted)] }, where);
  }
  if (spans && spans.length && !(typeof item.label === 'string' && answer === 'reject')) {
    if (answer !== 'accept') return sink.skip(where, { code: 'skip-answer-spans', answer: String(answer) });
    const list = spans.map((s) => ({ start: Number(s.start), end: Number(s.end), labels: typeof s.label === 'string' ? [s.label] : [] }));
    for (const p of spansToParagraphs(text, list, 'code-point')) sink.record({ ...base, text: p.text, labels: p.labels }, `${where}, paragraph ${p.index}`);
    return;
  }
  if (typeof item.label === 'string') {
    if (answer === 'accept') return sink.record({ ...base, text, labels: [item.label] }, where);
    return sink.skip(where, { code: 'skip-answer-label', answer: String(answer), label: String(item.label) });
  }
  if (answer === 'accept') return sink.record({ ...base, text, labels: [] }, where);
  sink.skip(where, { code: 'skip-answer-nothing', answer: String(answer) });
}
