/**
 * What the import readers say (node/import/read-export-file.ts, formats/*.ts), in English: why a
 * file or a record cannot be imported (the file, the line, the format it was read as, the field
 * and the fix), and why something in another tool's export is not imported.
 */
import { catalogue, type Said } from './define';
import type { ImportFormat } from '../import-formats';

/** How a sentence names the format a file was read as. */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  pilcrow: 'a Pilcrow export',
  jsonl: 'plain JSON records',
  csv: 'CSV',
  'label-studio': 'a Label Studio export',
  doccano: 'a doccano export',
  prodigy: 'a Prodigy export',
};

/** How `field-type` names the type zod expected. */
const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

/** `pilcrow segment FILE --json`: where a record's paragraph id comes from. */
export const SEGMENT_HINT = '`pilcrow segment FILE --json` prints each paragraph\'s id';

export const importMessages = catalogue({
  /** One record refuses the whole file: where it is, how the file was read, what is wrong (`problem`, one of the codes below). */
  'import-record-refused': (p: { file: string; where: string; format: ImportFormat; problem: Said }, name, say) =>
    `${name(p.file)}, ${p.where} (read as ${IMPORT_FORMAT_NAMES[p.format]}): ${say(p.problem)}; nothing was imported`,
  'import-not-object': (p: { list: boolean; value: string }) => `is ${p.list ? 'a list' : p.value}, not a record (a JSON object)`,
  'import-not-label-studio': () => 'is not a Label Studio task (no "data" with "annotations") nor a JSON-MIN row (no "annotation_id"); export the project again as JSON or JSON-MIN',
  'import-no-fields': (p: { fields: string[]; has: string[] }) =>
    `has none of the fields of a record (${p.fields.join(', ')}); it has ${p.has.join(', ') || 'nothing'}. Import a Pilcrow export, records with those fields, or a Label Studio, doccano or Prodigy export`,
  'import-no-annotator': () => 'annotator: is missing; import with --annotator NAME (in the app: type the layer name), or add "annotator" to each record',
  'import-no-labels': () => 'labels: is missing; add "labels" as a list of label names ([] when none applies), or 0/1 "label:NAME" columns in a CSV',
  'import-bad-paragraph-id': () => `paragraph_id: is not a Pilcrow paragraph id (p and 11 letters or digits, such as p0rwnzi23xue); remove it to match by text, or take the id from ${SEGMENT_HINT}`,
  'import-no-paragraph': () => `paragraph_id: is missing, and so are text and paragraph: add paragraph_id (${SEGMENT_HINT}), the paragraph's text, or its 0-based position as paragraph`,
  /** A field with a wrong value; `problem`: one of the `field-*` codes below. */
  'import-bad-field': (p: { field: string; problem: Said }, name, say) => `${p.field}: ${say(p.problem)}`,
  'import-id-mismatch': (p: { id: string; own: string }) =>
    `paragraph_id: ${p.id} is not the id of this record's text (that text's id is ${p.own}); remove paragraph_id to match by text, or take the id from ${SEGMENT_HINT}`,
  'import-csv-unclosed': (p: { file: string; line: number }, name) => `${name(p.file)}, line ${p.line}: a quoted field is never closed; was the file cut short?`,
  'import-all-skipped': (p: { file: string; skipped: number; where: string; reason: Said }, name, say) =>
    `${name(p.file)}: holds no records to import (${p.skipped} skipped: ${p.where}: ${say(p.reason)}${p.skipped > 1 ? ', …' : ''}); nothing to import`,
  'import-no-article': (p: { file: string; where: string; count: number; reason: Said }, name, say) => {
    const one = p.count === 1;
    return `${name(p.file)}, ${p.where}: nothing was imported: ${one ? 'a record names' : `${p.count} records name`} no article and ${one ? 'its text was' : 'their text was'} not found in one (${say(p.reason)}); add "article" (the workspace-relative path) to ${one ? 'it' : 'them'}, or see them all with --dry-run`;
  },

  // What is wrong with a record's field (import-record.ts; zod's own checks said as codes).
  'field-type': (p: { expected: string }) => `must be ${TYPE_NAMES[p.expected] ?? p.expected}`,
  'field-empty': () => 'must not be empty',
  'field-minimum': (p: { minimum: number }) => `must be ${p.minimum} or more`,
  'field-too-long': (p: { maximum: number }) => `is longer than ${p.maximum} characters`,
  'field-one-of': (p: { values: string[] }) => `must be one of ${p.values.join(', ')}`,
  'field-relative-path': () => 'must be a workspace-relative path such as fa/news.txt (no "..", no leading "/")',
  'field-label-twice': (p: { label: string }, name) => `"${name(p.label)}" is listed twice`,
  'field-time-format': (p: { got: string }, name) => `must be a date and time with its offset, such as 2026-11-27T10:02:11Z or 2026-11-27T13:32:11+03:30 (got "${name(p.got)}")`,
  'field-time-future': (p: { time: string; now: string }) => `is in the future (${p.time}; this computer's clock says ${p.now}, and up to 24 hours ahead are allowed for another machine's clock)`,
  'field-time-missing': () => 'is missing; a decision, note or flag needs the time it was made',
  'field-article-missing': () => "is missing: add the article's workspace-relative path (fa/news.txt), or the paragraph's text so it can be found in any article",
  /** Any other check, in the schema library's own words. */
  'field-invalid': (p: { detail: string }) => p.detail,

  // Why a record was not placed on a paragraph (core/import-match.ts, node/import/import-export.ts).
  'match-no-id': (p: { id: string; article: string }, name) => `no paragraph with id ${p.id} in ${name(p.article)}, and the record has no text to find it by`,
  'match-no-position': (p: { article: string; count: number; position: number }, name) =>
    `${name(p.article)} has ${p.count} paragraph${p.count === 1 ? '' : 's'}; there is no paragraph ${p.position}`,
  'match-text-not-found': (p: { article: string }, name) => `its text is not in ${name(p.article)} (compared with Arabic and Persian letters, digits, ZWNJ and spaces folded)`,
  /** `best`: the most similar paragraph's likeness in percent; null when no copy of the text was saved. */
  'match-gone': (p: { best: number | null; needed: number }) =>
    p.best === null
      ? 'its paragraph is gone from the file, and no copy of its text was saved to look for it'
      : `its paragraph is gone from the file (the most similar paragraph now is ${p.best}% alike; ${p.needed}% is needed)`,
  'match-no-article': (p: { article: string }, name) => `no article ${name(p.article)} in this workspace`,
  'match-unreadable': (p: { problem: Said }, name, say) => say(p.problem),
  'match-in-no-article': () => 'its text is in no article of this workspace',
  /** `paths`: the first three. */
  'match-in-many-articles': (p: { count: number; paths: string[] }, name) => `its text is in ${p.count} articles (${p.paths.map(name).join(', ')}${p.count > p.paths.length ? ', …' : ''})`,

  // Why something in another tool's export is not imported (the preview's and --dry-run's list).
  'skip-no-text': () => 'has no "text"',
  'skip-unlabelled': () => 'no labels (doccano exports unlabelled texts too)',
  'skip-unannotated': () => 'a task nobody annotated',
  'skip-cancelled': () => 'skipped (cancelled) in Label Studio',
  'skip-no-paragraphs': () => 'its task has neither a paragraph list (Paragraphs) nor a "text" field',
  'skip-ignored': () => 'answer "ignore"',
  'skip-answer-choice': (p: { answer: string }) => `answer "${p.answer}" to a choice: nothing was chosen`,
  'skip-answer-spans': (p: { answer: string }) => `answer "${p.answer}" to spans`,
  'skip-answer-label': (p: { answer: string; label: string }, name) => `answer "${p.answer}" to "${name(p.label)}": says only that this label does not apply`,
  'skip-answer-nothing': (p: { answer: string }) => `answer "${p.answer}" with no label, options or spans`,
});
