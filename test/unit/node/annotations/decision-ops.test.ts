import { describe, expect, it } from 'vitest';
import { emptyAnnotationFile, type AnnotationFile } from '../../../../src-main/node/annotations/schema';
import { markDone, progressOf, setDecision, setRemark, undoDone } from '../../../../src-main/node/annotations/decision-ops';
import { decisionOf } from '../../../../src-main/core/decisions';

const T1 = '2026-11-27T10:00:00.000Z';
const T2 = '2026-11-27T10:05:00.000Z';
const P = [0, 1, 2, 3].map((index) => ({ id: `p0000000000${index}`, index }));
const fresh = (): AnnotationFile => emptyAnnotationFile('a.txt', 'sara');

describe('the decision model', () => {
  it('keeps untouched (no entry), labelled, and reviewed — none (labels []) apart, each with its time', () => {
    const data = fresh();
    setDecision(data, P[0]!, { labels: ['quote', 'claim'] }, T1);
    setDecision(data, P[1]!, { labels: [] }, T2);
    expect(data.paragraphs[P[0]!.id]).toEqual({ index: 0, labels: ['quote', 'claim'], updated_at: T1 });
    expect(data.paragraphs[P[1]!.id]).toEqual({ index: 1, labels: [], updated_at: T2 });
    expect(data.paragraphs[P[2]!.id]).toBeUndefined();
    expect([0, 1, 2].map((i) => decisionOf(data, P[i]!.id))).toEqual([['quote', 'claim'], [], undefined]);
  });

  it('makes a paragraph untouched again with null, but keeps its note and flag', () => {
    const data = fresh();
    setDecision(data, P[0]!, { labels: ['ad'] }, T1);
    setDecision(data, P[1]!, { labels: ['ad'] }, T1);
    setRemark(data, P[1]!, { note: 'ask the desk', flagged: true }, T1);
    setDecision(data, P[0]!, null, T2);
    setDecision(data, P[1]!, null, T2);
    expect(data.paragraphs[P[0]!.id]).toBeUndefined();
    expect(data.paragraphs[P[1]!.id]).toMatchObject({ labels: [], undecided: true, note: 'ask the desk', flagged: true });
    expect(decisionOf(data, P[1]!.id)).toBeUndefined();
  });

  it('stores a note or flag on an untouched paragraph without deciding it, and drops the entry when both go', () => {
    const data = fresh();
    setRemark(data, P[2]!, { flagged: true }, T1);
    expect(data.paragraphs[P[2]!.id]).toEqual({ index: 2, labels: [], undecided: true, updated_at: T1, flagged: true });
    expect(progressOf(P, data)).toMatchObject({ status: 'untouched', decided: 0, flagged: 1 });
    setRemark(data, P[2]!, { flagged: false }, T2);
    expect(data.paragraphs[P[2]!.id]).toBeUndefined();
  });

  it('keeps note, flag and anchor when the labels change, and answers a pending recheck', () => {
    const data = fresh();
    data.paragraphs[P[0]!.id] = { index: 0, labels: ['quote'], updated_at: T1, note: 'n', flagged: true, recheck: 'split', anchor: { exact: 'x', prefix: '', suffix: '' }, suggested_by: { quote: 'rules', ad: 'rules' } };
    setDecision(data, P[0]!, { labels: ['quote', 'claim'] }, T2);
    expect(data.paragraphs[P[0]!.id]).toEqual({ index: 0, labels: ['quote', 'claim'], updated_at: T2, note: 'n', flagged: true, anchor: { exact: 'x', prefix: '', suffix: '' }, suggested_by: { quote: 'rules' } });
  });

  it('marks done by filling only untouched paragraphs with "none" (via done), and undo done takes exactly those back', () => {
    const data = fresh();
    setDecision(data, P[0]!, { labels: ['quote'] }, T1);
    setDecision(data, P[1]!, { labels: [] }, T1);
    setRemark(data, P[2]!, { note: 'check' }, T1);
    markDone(data, P, T2);
    expect(data.status).toBe('done');
    expect(data.done_at).toBe(T2);
    expect(data.paragraphs[P[0]!.id]?.labels).toEqual(['quote']);
    expect(data.paragraphs[P[1]!.id]?.via).toBeUndefined();
    expect(data.paragraphs[P[2]!.id]).toMatchObject({ labels: [], via: 'done', note: 'check' });
    expect(data.paragraphs[P[2]!.id]?.undecided).toBeUndefined();
    expect(data.paragraphs[P[3]!.id]).toMatchObject({ labels: [], via: 'done', index: 3 });
    expect(progressOf(P, data)).toEqual({ status: 'done', decided: 4, labelled: 1, flagged: 0, labelCounts: { quote: 1 } });

    setDecision(data, P[3]!, { labels: ['ad'] }, T2); // the editor's own decision after done
    undoDone(data, P, T2);
    expect(data.status).toBe('in_progress');
    expect(data.done_at).toBeUndefined();
    expect(data.paragraphs[P[2]!.id]).toMatchObject({ undecided: true, note: 'check' });
    expect(data.paragraphs[P[3]!.id]?.labels).toEqual(['ad']);
    expect(data.paragraphs[P[1]!.id]?.labels).toEqual([]);
    expect(progressOf(P, data)).toMatchObject({ status: 'in_progress', decided: 3, labelled: 2 });
  });

  it('counts a done article with no entries as all "none" for readers of the layer', () => {
    const data = fresh();
    data.status = 'done';
    expect(decisionOf(data, P[0]!.id)).toEqual([]);
  });
});
