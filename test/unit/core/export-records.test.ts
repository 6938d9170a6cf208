import { describe, expect, it } from 'vitest';
import { buildArticleExport, type Layer } from '../../../src-main/core/export-records';
import { buildParagraphs } from '../../../src-main/core/paragraphs';
import { segmentByLine } from '../../../src-main/core/segment';

const text = 'عنوان 😀 خبر\nگفت: «سلام»\nانتهای پیام';
const paragraphs = buildParagraphs(text, segmentByLine(text));
const [p0, p1, p2] = paragraphs as [(typeof paragraphs)[0], (typeof paragraphs)[0], (typeof paragraphs)[0]];
const at = '2026-11-27T10:00:00.000Z';
const later = '2026-11-27T11:00:00.000Z';
const article = { path: 'fa/x.txt', encoding: 'utf-8', source_sha256: 'f'.repeat(64), paragraphs };
const plain = { resolve: [], labels: null, includeUntouched: false };

describe('export records', () => {
  it('writes one record per decided paragraph per layer, in paragraph order, with code-point offsets', () => {
    const { records, orphans } = buildArticleExport(article, [
      { annotator: 'sara', status: 'in_progress', paragraphs: { [p2.id]: { index: 2, labels: ['boilerplate'], updated_at: at }, [p1.id]: { index: 1, labels: ['quote'], updated_at: at, note: 'check the name', flagged: true } } },
      { annotator: 'omid', status: 'in_progress', paragraphs: { [p1.id]: { index: 1, labels: ['quote', 'claim'], updated_at: at } } },
    ], plain);
    expect(orphans).toEqual([]);
    expect(records.map((r) => [r.paragraph, r.annotator, r.labels])).toEqual([
      [1, 'sara', ['quote']],
      [1, 'omid', ['quote', 'claim']],
      [2, 'sara', ['boilerplate']],
    ]);
    expect(records[0]).toEqual({
      article: 'fa/x.txt', paragraph: 1, paragraph_id: p1.id, text: 'گفت: «سلام»', start: 12, end: 23, annotator: 'sara', status: 'in_progress',
      labels: ['quote'], updated_at: at, source_sha256: 'f'.repeat(64), encoding: 'utf-8', note: 'check the name', flagged: true,
    });
    // The emoji before it is one code point (two UTF-16 units): JS indexes would say 13.
    expect([...text].slice(records[0]!.start, records[0]!.end).join('')).toBe(records[0]!.text);
  });

  it('counts a done article’s untouched paragraphs as reviewed-none and skips untouched ones otherwise', () => {
    const done: Layer = { annotator: 'sara', status: 'done', done_at: later, updated_at: later, paragraphs: { [p1.id]: { index: 1, labels: ['quote'], updated_at: at } } };
    const { records } = buildArticleExport(article, [done, { annotator: 'omid', paragraphs: {} }], plain);
    expect(records.map((r) => [r.paragraph, r.annotator, r.labels, r.via ?? null, r.status])).toEqual([
      [0, 'sara', [], 'done', 'done'],
      [1, 'sara', ['quote'], null, 'done'],
      [2, 'sara', [], 'done', 'done'],
    ]);
    expect(records[0]).toMatchObject({ updated_at: later, done_at: later });
  });

  it('exports untouched paragraphs as labels null only on request, but always keeps a note on an undecided paragraph', () => {
    const layer: Layer = { annotator: 'sara', paragraphs: { [p0.id]: { index: 0, labels: [], updated_at: at, undecided: true, note: 'is this an ad?' } } };
    expect(buildArticleExport(article, [layer], plain).records.map((r) => [r.paragraph, r.labels, r.note])).toEqual([[0, null, 'is this an ad?']]);
    const all = buildArticleExport(article, [layer], { ...plain, includeUntouched: true }).records;
    expect(all.map((r) => [r.paragraph, r.labels, r.updated_at])).toEqual([[0, null, at], [1, null, null], [2, null, null]]);
  });

  it('keeps only the chosen labels, leaving [] where none of them applied, and tags the split', () => {
    const layer: Layer = { annotator: 'sara', paragraphs: { [p1.id]: { index: 1, labels: ['quote', 'claim'], updated_at: at }, [p2.id]: { index: 2, labels: ['ad'], updated_at: at } } };
    const { records } = buildArticleExport(article, [layer], { ...plain, labels: ['claim'], split: 'dev' });
    expect(records.map((r) => [r.paragraph, r.labels, r.split])).toEqual([[1, ['claim'], 'dev'], [2, [], 'dev']]);
  });

  it('resolves gold first, then a majority, recording where each answer came from', () => {
    const layers: Layer[] = [
      { annotator: 'a', paragraphs: { [p0.id]: { index: 0, labels: ['ad'], updated_at: at }, [p1.id]: { index: 1, labels: ['quote'], updated_at: at } } },
      { annotator: 'b', paragraphs: { [p0.id]: { index: 0, labels: ['ad'], updated_at: later }, [p1.id]: { index: 1, labels: ['claim'], updated_at: at } } },
      { annotator: 'gold', paragraphs: { [p1.id]: { index: 1, labels: ['claim'], updated_at: later, reviewer: 'mina', took: 'annotator:b' } } },
    ];
    const { records, unresolved } = buildArticleExport(article, layers, { ...plain, resolve: ['gold', 'majority'] });
    expect(records.map((r) => [r.paragraph, r.annotator, r.labels, r.resolved_from, r.agreeing])).toEqual([
      [0, 'majority', ['ad'], 'majority', ['a', 'b']],
      [1, 'gold', ['claim'], 'gold', ['gold']],
    ]);
    expect(records[0]!.updated_at).toBe(later);
    expect(records[1]).toMatchObject({ reviewer: 'mina', took: 'annotator:b' });
    expect(unresolved).toBe(1);
  });

  it('tells a tie (two annotators, no majority) from a paragraph too few decided', () => {
    const layers: Layer[] = [
      { annotator: 'a', paragraphs: { [p0.id]: { index: 0, labels: ['quote'], updated_at: at }, [p1.id]: { index: 1, labels: ['ad'], updated_at: at } } },
      { annotator: 'b', paragraphs: { [p0.id]: { index: 0, labels: ['claim'], updated_at: at } } },
    ];
    const built = buildArticleExport(article, layers, { ...plain, resolve: ['gold', 'majority'] });
    // p0: a and b disagree (a tie); p1: only a decided; p2: nobody did.
    expect([built.unresolved, built.ties]).toEqual([3, 1]);
  });

  it('returns labels whose paragraph no longer exists, and stored orphans, instead of dropping them', () => {
    const layer: Layer = {
      annotator: 'sara',
      paragraphs: { pgone0000000: { index: 7, labels: ['ad'], updated_at: at } },
      orphans: [{ paragraph_id: 'pold00000000', entry: { index: 3, labels: ['quote'], updated_at: at, note: 'n' }, orphaned_at: later, reason: 'its paragraph is gone' }],
    };
    const { records, orphans } = buildArticleExport(article, [layer], plain);
    expect(records).toEqual([]);
    expect(orphans).toEqual([
      { article: 'fa/x.txt', annotator: 'sara', paragraph_id: 'pgone0000000', last_index: 7, labels: ['ad'], updated_at: at, reason: 'the paragraph is no longer in the article' },
      { article: 'fa/x.txt', annotator: 'sara', paragraph_id: 'pold00000000', last_index: 3, labels: ['quote'], updated_at: at, reason: 'its paragraph is gone', note: 'n' },
    ]);
  });
});
