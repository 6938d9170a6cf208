import { describe, expect, it } from 'vitest';
import { mergeSchemas } from '../../../src-main/core/label-schema';
import { conflictSides } from '../../../src-main/core/merge-conflict-text';
import { defaultSchema, type LabelDef } from '../../../src-main/shared/labels';

const label = (name: string, key = ''): LabelDef => ({ name, color: '#117733', key, description: '' });

describe('the two sides of a file git left mid-merge', () => {
  it('splits the conflicts into ours and theirs, keeping the lines outside them on both', () => {
    expect(conflictSides('a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> theirs\nd\n')).toEqual({ ours: 'a\nb\nd\n', theirs: 'a\nc\nd\n' });
  });

  it('drops the base part of a diff3 conflict', () => {
    expect(conflictSides('<<<<<<< ours\nb\n||||||| base\nx\n=======\nc\n>>>>>>> theirs')).toEqual({ ours: 'b', theirs: 'c' });
  });

  it('is null when the markers do not pair up', () => {
    expect(conflictSides('<<<<<<< HEAD\nb\n')).toBeNull();
    expect(conflictSides('=======\n')).toBeNull();
  });
});

describe('two editors’ label schemas merged label by label', () => {
  it('keeps every label of both sides, ours first; a key already given away is left empty', () => {
    const ours = { ...defaultSchema(), labels: [...defaultSchema().labels, label('opinion', 'Digit5')] };
    const theirs = { ...defaultSchema(), labels: [...defaultSchema().labels, label('fact', 'Digit5')] };
    const { schema, added } = mergeSchemas(ours, theirs);
    expect(schema.labels.map((l) => [l.name, l.key])).toEqual([['quote', 'Digit1'], ['claim', 'Digit2'], ['boilerplate', 'Digit3'], ['ad', 'Digit4'], ['opinion', 'Digit5'], ['fact', '']]);
    expect(added).toEqual(['fact']);
  });

  it('a rename made on either side applies to the merge, no label comes back under its old name, both sides’ renames are kept', () => {
    const ours = { ...defaultSchema(), renames: [{ from: 'ad', to: 'advert', at: '2026-12-05T10:00:00Z' }] };
    ours.labels = ours.labels.map((l) => (l.name === 'ad' ? { ...l, name: 'advert' } : l));
    const theirs = { ...defaultSchema(), labels: [...defaultSchema().labels, label('fact')], renames: [{ from: 'claim', to: 'assertion', at: '2026-12-05T11:00:00Z' }] };
    theirs.labels = theirs.labels.map((l) => (l.name === 'claim' ? { ...l, name: 'assertion' } : l));
    const { schema } = mergeSchemas(ours, theirs);
    expect(schema.labels.map((l) => l.name)).toEqual(['quote', 'assertion', 'boilerplate', 'advert', 'fact']);
    expect(schema.renames.map((r) => `${r.from}>${r.to}`)).toEqual(['ad>advert', 'claim>assertion']);
  });
});
