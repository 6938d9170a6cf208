import { describe, expect, it } from 'vitest';
import { majorityOf } from '../../../src-main/core/decisions';

describe('the majority answer', () => {
  it('is the label set more than half of the decided annotators chose, in any order', () => {
    expect(majorityOf([['quote', 'claim'], ['claim', 'quote'], ['ad']])).toEqual(['claim', 'quote']);
    expect(majorityOf([['quote'], ['quote'], undefined])).toEqual(['quote']);
    expect(majorityOf([[], [], ['ad']])).toEqual([]);
  });

  it('is no majority for a lone vote: one of two chosen annotators decided', () => {
    expect(majorityOf([['quote'], undefined])).toBeNull();
    expect(majorityOf([['quote']])).toBeNull();
    expect(majorityOf([undefined, undefined])).toBeNull();
  });

  it('is no majority for a tie or a plurality short of half', () => {
    expect(majorityOf([['quote'], ['claim']])).toBeNull();
    expect(majorityOf([['quote'], ['quote'], ['claim'], ['ad']])).toBeNull();
    expect(majorityOf([['quote'], ['quote'], ['claim'], ['claim'], ['ad']])).toBeNull();
  });
});
