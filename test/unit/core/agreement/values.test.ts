import { describe, it, expect } from 'vitest';
import { labelSetDisplay, labelSetKey, labelSetOf } from '../../../../src-main/core/agreement';
import { LabelSetInterner } from '../../../../src-main/core/agreement/values';

describe('label-set values', () => {
  it('encodes label sets canonically: order-insensitive, duplicates ignored', () => {
    expect(labelSetKey(['quote', 'claim'])).toBe(labelSetKey(['claim', 'quote']));
    expect(labelSetKey(['b', 'a', 'c', 'a'])).toBe(labelSetKey(['c', 'b', 'a']));
    expect(labelSetKey(['x', 'x'])).toBe(labelSetKey(['x']));
  });

  it('keeps distinct sets distinct, including the empty set and a label with an empty name', () => {
    const keys = [[], [''], ['a'], ['a', 'b'], ['a b'], ['ab']].map(labelSetKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('round-trips keys to sorted label lists and display names', () => {
    expect(labelSetOf(labelSetKey(['quote', 'claim']))).toEqual(['claim', 'quote']);
    expect(labelSetOf(labelSetKey([]))).toEqual([]);
    expect(labelSetDisplay(labelSetKey(['quote', 'claim']))).toBe('claim + quote');
    expect(labelSetDisplay(labelSetKey([]))).toBe('(no label)');
  });

  it('interns equal sets to the same id whatever their size, order or duplicates, and records membership', () => {
    const interner = new LabelSetInterner(['x', 'y', 'z']);
    const xy = interner.id(['y', 'x']);
    expect(interner.id(['x', 'y'])).toBe(xy);
    expect(interner.id(['y', 'x', 'x'])).toBe(xy);
    expect(interner.id(['x', 'x'])).toBe(interner.id(['x']));
    expect(interner.id([])).not.toBe(interner.id(['x']));
    expect(interner.id(['z', 'y', 'x'])).toBe(interner.id(['x', 'z', 'y']));
    expect(interner.key(xy)).toBe(labelSetKey(['x', 'y']));
    expect([...(interner.membership[xy] ?? [])]).toEqual([1, 1, 0]);
    // unknown labels are part of the set but not of the membership table
    const other = interner.id(['x', 'other']);
    expect(other).not.toBe(interner.id(['x']));
    expect([...(interner.membership[other] ?? [])]).toEqual([1, 0, 0]);
  });
});
