import { describe, expect, it } from 'vitest';
import { averageScores, precisionOf, recallOf, shingleMatch, shingles, words } from '../../eval/shingles';

describe('the word 4-gram shingle score of eval:pages', () => {
  it('cuts unspaced Japanese and Chinese into words, not one token per line', () => {
    expect(words('欲張りなイヌ')).toEqual(['欲張り', 'な', 'イヌ']);
    expect(words('人工智能迈上新台阶')).toEqual(['人工', '智能', '迈', '上', '新', '台阶']);
    expect(words('Hello, world — 3.5 kg!')).toEqual(['Hello', 'world', '3.5', 'kg']);
  });

  it('counts shingles as a multiset, and a text of fewer than four words as one shingle', () => {
    expect([...shingles(words('a b c d a b c d')).values()]).toEqual([2, 1, 1, 1]);
    expect(shingles(words('one two'))).toEqual(new Map([['one\u0001two', 1]]));
    expect(shingles([])).toEqual(new Map());
  });

  it('scores one page by hand: 3 shared shingles, 1 extra (the menu), 1 missing (the last words)', () => {
    // expected: [the cat sat on] [cat sat on the] [sat on the mat] [on the mat today]
    // extracted: [Menu the cat sat] [the cat sat on] [cat sat on the] [sat on the mat]
    const match = shingleMatch('the cat sat on the mat today', 'Menu the cat sat on the mat');
    expect(match.tp).toBeCloseTo(3 / 5);
    expect(match.fp).toBeCloseTo(1 / 5);
    expect(match.fn).toBeCloseTo(1 / 5);
    expect(precisionOf(match)).toBeCloseTo(0.75);
    expect(recallOf(match)).toBeCloseTo(0.75);
  });

  it('keeps a repeated shingle apart from a single one', () => {
    const match = shingleMatch('a b c d a b c d', 'a b c d');
    expect(precisionOf(match)).toBeCloseTo(1);
    expect(recallOf(match)).toBeCloseTo(1 / 5);
  });

  it('averages precision over pages that extracted text, recall over pages that expect text, then takes F1', () => {
    const pages = [
      shingleMatch('the cat sat on the mat today', 'Menu the cat sat on the mat'), // P 0.75, R 0.75
      shingleMatch('欲張りなイヌ', '欲張りなイヌ'), // P 1, R 1
      shingleMatch('a b c d e', ''), // no precision, R 0
    ];
    const scores = averageScores(pages);
    expect(scores.precision).toBeCloseTo((0.75 + 1) / 2);
    expect(scores.recall).toBeCloseTo((0.75 + 1 + 0) / 3);
    expect(scores.f1).toBeCloseTo(0.7);
  });
});
