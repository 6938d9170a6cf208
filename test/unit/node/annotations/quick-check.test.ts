import { describe, expect, it } from 'vitest';
import { quickAnnotationFile } from '../../../../src-main/node/annotations/quick-check';
import { annotationFileSchema } from '../../../../src-main/node/annotations/schema';

/** A label file with every field the schema knows. */
const FULL = {
  version: 1,
  article: 'news/a.txt',
  annotator: 'sara',
  updated_at: '2026-12-01T09:00:00Z',
  status: 'done',
  done_at: '2026-12-01T09:05:00Z',
  source_sha256: 'ab'.repeat(32),
  paragraphs: {
    p1: { index: 0, labels: ['quote', 'claim'], updated_at: '2026-12-01T09:00:00Z', via: 'suggestion', suggested_by: { quote: 'quotes', constructor: 'rules' }, note: 'check', flagged: true, recheck: 'split', anchor: { exact: 'text', prefix: '', suffix: 'next' }, reviewer: 'mina', took: 'majority' },
    p2: { index: 1, labels: [], updated_at: '2026-12-01T09:01:00Z', via: 'done' },
    p3: { index: 2, labels: [], updated_at: '2026-12-01T09:02:00Z', undecided: true, note: 'later' },
  },
  orphans: [{ paragraph_id: 'p9', entry: { index: 4, labels: ['ad'], updated_at: '2026-12-01T08:00:00Z' }, orphaned_at: '2026-12-01T09:03:00Z', reason: 'paragraph gone' }],
  rejected_suggestions: { p2: { ad: 'boilerplate', toString: 'x' } },
};

const WRONG_VALUES: unknown[] = [null, 0, -1, 1.5, 2 ** 60, '', 'x', 'done', true, false, [], [''], ['a'], {}, { a: 1 }, 'a'.repeat(10_001)];

/** Every path to a value in `value` (objects and arrays walked). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...at, k]))];
}

/** A copy of FULL (as JSON text, so `__proto__` stays an own key) changed at `path`. */
function mutant(path: (string | number)[], change: (parent: Record<string | number, unknown>, key: string | number) => void): string {
  const copy = JSON.parse(JSON.stringify(FULL)) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return JSON.stringify(copy).replace('"__PROTO__"', '"__proto__"');
}

function both(text: string) {
  return { quick: quickAnnotationFile(JSON.parse(text)), schema: annotationFileSchema.safeParse(JSON.parse(text)) };
}

describe('the quick label-file check', () => {
  it('accepts a file with every field and gives what the schema gives', () => {
    const { quick, schema } = both(JSON.stringify(FULL));
    expect(quick).not.toBeNull();
    expect(quick).toStrictEqual(schema.data);
    expect(Object.getPrototypeOf(quick!.paragraphs.p1!.suggested_by)).toBeNull();
  });

  it('fills the defaults the schema fills (status, orphans)', () => {
    const file = { version: 1, article: 'a.txt', annotator: 'sara', updated_at: '', paragraphs: {} };
    const { quick, schema } = both(JSON.stringify(file));
    expect(quick).toStrictEqual(schema.data);
    expect(quick).toMatchObject({ status: 'in_progress', orphans: [] });
  });

  it('never accepts a file the schema refuses, and gives the schema output for what it accepts', () => {
    const paths = pathsOf(FULL).filter((p) => p.length > 0);
    const texts: string[] = [];
    for (const path of paths) {
      texts.push(mutant(path, (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key])));
      for (const wrong of WRONG_VALUES) texts.push(mutant(path, (parent, key) => (parent[key] = wrong)));
      texts.push(mutant(path.slice(0, -1).concat('extra'), (parent, key) => typeof parent === 'object' && !Array.isArray(parent) && (parent[key] = 1)));
      texts.push(mutant(path.slice(0, -1).concat('__PROTO__'), (parent, key) => typeof parent === 'object' && !Array.isArray(parent) && (parent[key] = {})));
    }
    let accepted = 0;
    let refused = 0;
    for (const text of texts) {
      const { quick, schema } = both(text);
      if (!schema.success) refused += 1;
      if (quick === null) continue;
      accepted += 1;
      expect(schema.success, text).toBe(true);
      expect(quick, text).toStrictEqual(schema.data);
    }
    // The mutations reach both sides: the schema refuses many, the quick check accepts many.
    expect(refused).toBeGreaterThan(200);
    expect(accepted).toBeGreaterThan(50);
  });
});
