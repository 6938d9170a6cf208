import { describe, expect, it } from 'vitest';
import { applyLabel, confirmNone, decisionOf, EMPTY_TALLY, sameDecision, stateOf, tallied, tallyOf } from '../../../src-renderer/state/decision-logic';
import { parseMarkdown } from '../../../src-renderer/features/annotate/guidelines/markdown';

const ORDER = ['quote', 'claim', 'boilerplate', 'ad'];

describe('keyboard-loop decisions', () => {
  it('multi-label: a key adds its label to every selected paragraph, or removes it when all have it', () => {
    expect(applyLabel([null, { labels: ['claim'] }, { labels: [] }], 'quote', 'multi', ORDER)).toEqual([{ labels: ['quote'] }, { labels: ['quote', 'claim'] }, { labels: ['quote'] }]);
    expect(applyLabel([{ labels: ['quote'] }, { labels: ['quote', 'ad'] }], 'quote', 'multi', ORDER)).toEqual([{ labels: [] }, { labels: ['ad'] }]);
  });

  it('single-label: a key sets exactly that label', () => {
    expect(applyLabel([{ labels: ['quote', 'claim'] }, null], 'ad', 'single', ORDER)).toEqual([{ labels: ['ad'] }, { labels: ['ad'] }]);
  });

  it('Space turns untouched into "none" and keeps decided paragraphs as they are (a "done" none becomes the editor’s own)', () => {
    expect(confirmNone([null, { labels: ['quote'] }, { labels: [], via: 'done' }])).toEqual([{ labels: [] }, { labels: ['quote'] }, { labels: [] }]);
  });

  it('reads decision views: an entry with only a note is still untouched', () => {
    expect(stateOf(undefined)).toBe('untouched');
    expect(stateOf({ labels: [], undecided: true, note: 'x' })).toBe('untouched');
    expect(stateOf({ labels: [] })).toBe('none');
    expect(stateOf({ labels: ['ad'] })).toBe('labelled');
    expect(decisionOf({ labels: [], via: 'done' })).toEqual({ labels: [], via: 'done' });
    expect(sameDecision({ labels: ['a'] }, { labels: ['a'] })).toBe(true);
    expect(sameDecision({ labels: [] }, null)).toBe(false);
  });

  it('keeps the header counts by adding and taking out one decision at a time, equal to counting them all', () => {
    const quote = { labels: ['quote', 'claim'] };
    const none = { labels: [], flagged: true };
    const noteOnly = { labels: [], undecided: true as const, note: 'ask', flagged: true };
    const all = tallyOf([quote, none, noteOnly]);
    expect(all).toEqual({ decided: 2, labelled: 1, flagged: 2, byLabel: { quote: 1, claim: 1 } });
    const stepwise = [quote, none, noteOnly].reduce((t, v) => tallied(t, v, 1), EMPTY_TALLY);
    expect(stepwise).toEqual(all);
    // Relabelling: the old decision comes out, the new one goes in.
    const relabelled = tallied(tallied(all, quote, -1), { labels: ['ad'] }, 1);
    expect(relabelled).toEqual({ decided: 2, labelled: 1, flagged: 2, byLabel: { quote: 0, claim: 0, ad: 1 } });
    expect(tallied(all, undefined, -1)).toBe(all);
    expect(EMPTY_TALLY).toEqual({ decided: 0, labelled: 0, flagged: 0, byLabel: {} });
  });
});

describe('guidelines markdown', () => {
  it('parses headings, lists, quotes, code and inline marks into plain data, keeping HTML as text', () => {
    const blocks = parseMarkdown('# Guide\n\nA **quote** is `speech`, see [the desk](https://x.test).\n\n- one <b>two</b>\n- three\n\n> keep\n\n```\n<script>\n```\n\n---');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Guide' }] },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'A ' },
          { kind: 'strong', text: 'quote' },
          { kind: 'text', text: ' is ' },
          { kind: 'code', text: 'speech' },
          { kind: 'text', text: ', see ' },
          { kind: 'link', text: 'the desk', href: 'https://x.test' },
          { kind: 'text', text: '.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one <b>two</b>' }], [{ kind: 'text', text: 'three' }]] },
      { kind: 'quote', inlines: [{ kind: 'text', text: 'keep' }] },
      { kind: 'code', text: '<script>' },
      { kind: 'rule' },
    ]);
  });

  it('keeps Persian text with ZWNJ intact', () => {
    expect(parseMarkdown('۱. **نقل‌قول**: سخن')).toEqual([{ kind: 'list', ordered: true, items: [[{ kind: 'strong', text: 'نقل‌قول' }, { kind: 'text', text: ': سخن' }]] }]);
  });
});
