import { describe, expect, it } from 'vitest';
import { compareInstants, instantOf, latestOf, untrustedTimeProblem } from '../../../src-main/core/instant';
import { buildArticleExport } from '../../../src-main/core/export-records';
import { mergeLayerInto } from '../../../src-main/core/merge-layers';
import { buildParagraphs } from '../../../src-main/core/paragraphs';
import { segmentByLine } from '../../../src-main/core/segment';

describe('decision times are compared as instants', () => {
  it('reads ISO 8601 times with Z or an offset, and nothing else', () => {
    expect(instantOf('2026-12-01T10:00:00+03:30')).toBe(Date.UTC(2026, 11, 1, 6, 30));
    expect(instantOf('2026-12-01T08:00Z')).toBe(Date.UTC(2026, 11, 1, 8, 0));
    expect(instantOf('2026-12-01T08:00:00.123456Z')).toBe(Date.UTC(2026, 11, 1, 8, 0, 0, 123));
    for (const bad of ['yesterday', '', '2026-12-01', '2026-12-01T08:00:00', '2026-02-29T08:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01T08:00:00+24:00', '1764576000000']) {
      expect(instantOf(bad), bad).toBeNull();
    }
    expect(instantOf('2028-02-29T08:00:00Z')).not.toBeNull();
  });

  it('reads the form Pilcrow writes (toISOString) as Date.parse does, and refuses there what it refuses elsewhere', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const text = new Date(next() * 100_000 + (next() % 1000)).toISOString();
      expect(text).toHaveLength(24);
      expect(instantOf(text), text).toBe(Date.parse(text));
    }
    expect(instantOf('0050-06-01T08:00:00.000Z')).toBe(Date.parse('0050-06-01T08:00:00.000Z'));
    expect(instantOf('2000-02-29T23:59:59.999Z')).toBe(Date.UTC(2000, 1, 29, 23, 59, 59, 999));
    for (const bad of ['2026-02-29T08:00:00.000Z', '2026-13-01T08:00:00.000Z', '2026-12-00T08:00:00.000Z', '2026-12-01T24:00:00.000Z', '2026-12-01T08:60:00.000Z', '2026-12-01T08:00:60.000Z', '2026-12-01T08:00:00.00xZ', '2026-12-01 08:00:00.000Z', '+26-12-01T08:00:00.000Z']) {
      expect(instantOf(bad), bad).toBeNull();
    }
  });

  it('orders 10:00+03:30 before 08:00Z, which text order gets backwards', () => {
    expect('2026-12-01T10:00:00+03:30' > '2026-12-01T08:00:00Z').toBe(true);
    expect(compareInstants('2026-12-01T10:00:00+03:30', '2026-12-01T08:00:00Z')).toBeLessThan(0);
    expect(compareInstants('2026-12-01T06:30:00Z', '2026-12-01T10:00:00+03:30')).toBe(0);
    // A time that is no instant is older than every real one.
    expect(compareInstants('yesterday', '1971-01-01T00:00:00Z')).toBeLessThan(0);
    expect(latestOf(['yesterday', '2026-12-01T10:00:00+03:30', '2026-12-01T08:00:00Z', null])).toBe('2026-12-01T08:00:00Z');
    expect(latestOf(['yesterday', undefined])).toBeNull();
  });

  it('allows an imported time up to 24 hours ahead of this clock, not more', () => {
    const now = Date.UTC(2026, 11, 5, 12);
    expect(untrustedTimeProblem('2026-12-06T11:59:00Z', now)).toBeNull();
    expect(untrustedTimeProblem('2026-12-06T12:01:00Z', now)).toMatch(/^is in the future/);
    expect(untrustedTimeProblem('9999-12-31T23:59:59Z', now)).toMatch(/^is in the future/);
    expect(untrustedTimeProblem('yesterday', now)).toMatch(/^must be a date and time with its offset/);
  });
});

describe('where times are compared', () => {
  const layer = (updated_at: string, labels: string[]) => ({ updated_at, status: 'in_progress' as const, paragraphs: { p1: { updated_at, labels } }, orphans: [] as { paragraph_id: string }[] });

  it('a conflict copy’s decision wins only when it is a later instant', () => {
    const current = layer('2026-12-01T08:00:00Z', ['quote']);
    expect(mergeLayerInto(current, layer('2026-12-01T10:00:00+03:30', ['ad']))).toEqual({ taken: 0, kept: 1 });
    expect(current.paragraphs.p1.labels).toEqual(['quote']);
    const older = layer('2026-12-01T10:00:00+03:30', ['quote']);
    expect(mergeLayerInto(older, layer('2026-12-01T08:00:00Z', ['ad']))).toEqual({ taken: 1, kept: 0 });
    expect(older.paragraphs.p1.labels).toEqual(['ad']);
  });

  it('a majority answer carries the latest instant of the annotators who agree', () => {
    const text = 'one\ntwo';
    const paragraphs = buildParagraphs(text, segmentByLine(text));
    const p = paragraphs[0]!;
    const vote = (annotator: string, updated_at: string) => ({ annotator, status: 'in_progress' as const, paragraphs: { [p.id]: { index: 0, labels: ['quote'], updated_at } } });
    const { records } = buildArticleExport({ path: 'x.txt', encoding: 'utf-8', source_sha256: 'f'.repeat(64), paragraphs }, [vote('a', '2026-12-01T10:00:00+03:30'), vote('b', '2026-12-01T08:00:00Z')], { resolve: ['majority'], labels: null, includeUntouched: false });
    expect(records[0]).toMatchObject({ resolved_from: 'majority', updated_at: '2026-12-01T08:00:00Z' });
  });
});
