/**
 * Every sentence main says to the editor (src-main/shared/messages) has English and Persian text:
 * each code is written in both languages with sample parameters, and neither sentence shows a
 * missing parameter. Typecheck already requires a Persian entry per code; this proves each one
 * writes a real sentence.
 */
import { describe, expect, it } from 'vitest';
import { englishMessages, englishText, type MainMessage } from '../../../src-main/shared/messages';
import { isolatedName } from '../../../src-main/shared/visible-name';
import { persianText } from '../../../src-renderer/i18n/main-messages-fa';

/** A value for each parameter name; codes whose parameter has another type are listed below. */
const SAMPLE: Record<string, unknown> = {
  file: 'news/report.txt', path: 'news/report.txt', article: 'news/batch.jsonl#a1', folder: '/home/sara/ws', root: '/home/sara/ws',
  detail: 'a detail', reason: 'EACCES', step: 'fsync of the temp file', errno: 'ENOSPC', name: 'sara', annotator: 'sara', owner: 'reza',
  label: 'quote', labels: ['quote', 'claim'], layers: ['sara', 'reza'], annotators: ['sara', 'omid'], here: ['sara', 'reza'],
  part: 'word/document.xml', encoding: 'windows-1256', detected: 'iso-8859-6', correction: 'persian-letters', confidence: '0.83',
  count: 3, total: 12, paragraph: 4, paragraphs: 2, line: 7, first: 2, number: 2, at: 21, pid: 4711, method: 12, ratio: 300, max: 50000,
  since: '2026-11-27T10:02:11.000Z', host: 'laptop', limit: '20.0 MB', size: '21.0 MB', megabytes: '21.0', key: 'a1', id: 'a0f343t10t9d',
  where: '«…end|start…»', license: 'MIT', format: 'txt', extensions: '.txt, .md', label_: 'quote', value: 'rtl', is: 'a named pipe',
  problem: 'it is a symbolic link', refused: { code: 'json-empty' }, kind: 'split', crashed: true, app: true, advice: 'split it',
  quarantineFailed: null, color: '#12345z', files: ['fa/report.docx', 'big.docx'], changes: [{ key: 'direction', value: 'rtl' }],
};
const SAID = { code: 'json-nul', at: 0 };
const OVERRIDES: Record<string, Record<string, unknown>> = {
  'not-regular-file': { kind: 'pipe' },
  'file-refused': { kind: 'too-large', size: '21.0 MB', max: '20.0 MB' },
  'article-refused': { problem: SAID },
  'in-file': { problem: SAID },
  'damaged-left-in-place': { problem: SAID, refused: { code: 'in-file', path: 'q', problem: SAID } },
  'jsonl-nothing-readable': { first: [{ code: 'jsonl-no-text', file: 'b.jsonl', line: 2 }] },
  'export-target': { refused: { code: 'export-in-pilcrow', file: 'ws/.pilcrow/x.json', folder: '.pilcrow' } },
  'import-bad-name': { name: 'bad name' },
  'import-record-refused': { where: 'line 12', format: 'label-studio', problem: { code: 'import-no-labels' } },
  'import-not-object': { list: false, value: '42' },
  'import-no-fields': { fields: ['article', 'text'], has: ['title', 'body'] },
  'import-bad-field': { field: 'labels', problem: { code: 'field-type', expected: 'array' } },
  'import-no-article': { where: 'line 3', reason: { code: 'match-in-many-articles', count: 5, paths: ['fa/a.txt', 'fa/b.txt', 'fa/c.txt'] } },
  'field-type': { expected: 'string' },
  'field-minimum': { minimum: 0 },
  'field-too-long': { maximum: 10000 },
  'field-one-of': { values: ['in_progress', 'done'] },
  'field-time-format': { got: 'yesterday' },
  'field-time-future': { time: '9999-01-01T00:00:00Z', now: '2026-12-05T17:00:00.000Z' },
  'match-no-position': { count: 12, position: 40 },
  'match-gone': { best: 41, needed: 60 },
  'match-unreadable': { problem: SAID },
  'match-in-many-articles': { count: 5, paths: ['fa/a.txt', 'fa/b.txt', 'fa/c.txt'] },
  'import-id-mismatch': { id: 'p0rwnzi23xue', own: 'p1l8abcdefgh' },
  'import-all-skipped': { skipped: 2, where: 'line 3', reason: { code: 'skip-ignored' } },
  'skip-answer-choice': { answer: 'reject' },
  'skip-answer-spans': { answer: 'reject' },
  'skip-answer-label': { answer: 'reject' },
  'skip-answer-nothing': { answer: 'reject' },
  'export-empty-split': { ratios: [80, 10, 10], articles: 3, counts: [3, 0, 0], empty: ['dev', 'test'] },
  'unknown-paragraph': { paragraph: 'p-12ab' },
  'layer-admin': { problem: 'exists', name: 'sara', other: 'sarah' },
  'replies-unread': { file: '.pilcrow/replies/sara.jsonl', line: 3, problem: 'entry' },
  'shared-conflict-copy': { path: '.pilcrow/schema (conflicted copy).json', of: '.pilcrow/schema.json', tool: 'Dropbox', kind: 'layer', what: 'fa/a.txt', annotator: 'sara' },
};
/** Sentences that only carry a text from outside Pilcrow (an operating system's error, mammoth's note) after a name. */
const PASSED_THROUGH = new Set(['read-failed', 'word-note']);

const BROKEN = /undefined|NaN|\[object Object\]/;

function sample(code: string): MainMessage {
  const params: Record<string, unknown> = { ...SAMPLE, ...OVERRIDES[code] };
  return { ...params, code } as unknown as MainMessage;
}

describe('main messages in both languages', () => {
  const codes = Object.keys(englishMessages);

  it('has more than a hundred codes, one catalogue for English and Persian', () => {
    expect(codes.length).toBeGreaterThan(100);
  });

  it.each(codes)('writes %s in English and in Persian', (code) => {
    const message = sample(code);
    const english = englishText(message);
    const persian = persianText(message, isolatedName);
    expect(english.length).toBeGreaterThan(0);
    expect(english).not.toMatch(BROKEN);
    expect(persian).not.toMatch(BROKEN);
    // Persian, not English left in place: Persian letters, and not the English sentence.
    if (PASSED_THROUGH.has(code)) return;
    expect(persian).toMatch(/[\u0600-\u06FF]{3}/);
    expect(persian).not.toBe(english);
  });

  it('isolates names from files inside a Persian sentence, so a Latin path keeps it right to left', () => {
    const persian = persianText({ code: 'article-empty', path: 'news/report.txt' }, isolatedName);
    expect(persian).toContain('\u2068news/report.txt\u2069');
  });
});
