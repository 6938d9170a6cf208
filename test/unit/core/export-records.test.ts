import { describe, expect, it } from 'vitest';
import { buildRecords } from '../../../src-main/core/export-records';
import { buildParagraphs } from '../../../src-main/core/paragraphs';
import { segmentByLine } from '../../../src-main/core/segment';

const text = 'عنوان\nگفت: «سلام»\nانتهای پیام';
const paragraphs = buildParagraphs(text, segmentByLine(text));
const at = '2026-11-27T10:00:00.000Z';

describe('export records', () => {
  it('writes one record per labelled paragraph per annotator, in paragraph order', () => {
    const { records, orphans } = buildRecords('fa/x.txt', paragraphs, [
      { annotator: 'sara', paragraphs: { [paragraphs[2]!.id]: { index: 2, labels: ['boilerplate'], updated_at: at }, [paragraphs[1]!.id]: { index: 1, labels: ['quote'], updated_at: at } } },
      { annotator: 'omid', paragraphs: { [paragraphs[1]!.id]: { index: 1, labels: ['quote', 'claim'], updated_at: at } } },
    ]);
    expect(orphans).toEqual([]);
    expect(records.map((r) => [r.paragraph, r.annotator, r.labels])).toEqual([
      [1, 'sara', ['quote']],
      [1, 'omid', ['quote', 'claim']],
      [2, 'sara', ['boilerplate']],
    ]);
    expect(records[0]).toMatchObject({ article: 'fa/x.txt', paragraph_id: paragraphs[1]!.id, text: 'گفت: «سلام»', start: 6, end: 17, updated_at: at });
  });

  it('returns labels whose paragraph no longer exists as orphans instead of dropping them', () => {
    const { records, orphans } = buildRecords('fa/x.txt', paragraphs, [{ annotator: 'sara', paragraphs: { pgone0000000: { index: 7, labels: ['ad'], updated_at: at } } }]);
    expect(records).toEqual([]);
    expect(orphans).toEqual([{ article: 'fa/x.txt', annotator: 'sara', paragraph_id: 'pgone0000000', last_index: 7, labels: ['ad'], updated_at: at }]);
  });
});
