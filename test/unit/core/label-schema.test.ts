import { describe, expect, it } from 'vitest';
import { applySchemaEdit, migrateLabelSet, renameMap, SchemaEditError } from '../../../src-main/core/label-schema';
import { defaultSchema, labelIdOf } from '../../../src-main/shared/labels';

const NOW = '2026-11-27T10:00:00.000Z';
const edit = applySchemaEdit;

describe('label schema edits', () => {
  it('adds a label with a free letter key and keeps the order', () => {
    const s = edit(defaultSchema(), { op: 'add', label: { name: 'opinion', color: '#0E7490', key: 'KeyO', description: ' the writer’s view ' } }, NOW);
    expect(s.labels.map((l) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'ad', 'opinion']);
    expect(s.labels[4]).toEqual({ id: 'opinion', name: 'opinion', color: '#0e7490', key: 'KeyO', description: 'the writer’s view' });
  });

  it('keeps a label’s id through renames and display names, and never gives a new label an id in use', () => {
    let s = edit(defaultSchema(), { op: 'rename', from: 'quote', to: 'quotation' }, NOW);
    s = edit(s, { op: 'update', name: 'quotation', display: { en: 'Quotation', fa: 'نقل‌قول' } }, NOW);
    expect(s.labels[0]).toMatchObject({ name: 'quotation', display: { en: 'Quotation', fa: 'نقل‌قول' } });
    expect(labelIdOf(s.labels[0]!)).toBe('quote');
    // A new label that takes the old name is another label: quote-cues still means "quotation".
    s = edit(s, { op: 'add', label: { name: 'quote', color: '#000000', key: '', description: '' } }, NOW);
    expect(s.labels.map((l) => [l.name, labelIdOf(l)])).toEqual([['quotation', 'quote'], ['claim', 'claim'], ['boilerplate', 'boilerplate'], ['ad', 'ad'], ['quote', 'quote-2']]);
    // Ids name files: one that differs only in case would be the same file on macOS and Windows.
    expect(labelIdOf(edit(s, { op: 'add', label: { name: 'Claim', color: '#000000', key: '', description: '' } }, NOW).labels.at(-1)!)).toBe('Claim-2');
    // An empty display name means "show the name"; a control character is refused.
    s = edit(s, { op: 'update', name: 'quotation', display: { en: '' } }, NOW);
    expect(s.labels[0]?.display).toEqual({ fa: 'نقل‌قول' });
    expect(() => edit(s, { op: 'update', name: 'quotation', display: { fa: 'a\u202Eb' } }, NOW)).toThrow(/cannot be a display name/);
  });

  it('refuses names with spaces, duplicate names, reserved and taken keys, with a reason', () => {
    const s = defaultSchema();
    const add = (name: string, key: string) => () => edit(s, { op: 'add', label: { name, color: '#000000', key, description: '' } }, NOW);
    expect(add('two words', 'KeyO')).toThrow(/no spaces/);
    expect(add('quote', 'KeyO')).toThrow(/already a label named "quote"/);
    expect(add('opinion', 'KeyJ')).toThrow(/J key is kept for the annotation loop/);
    expect(add('opinion', 'Digit1')).toThrow(/1 key already toggles "quote"/);
    expect(add('opinion', 'Semicolon')).toThrow(SchemaEditError);
    expect(() => edit(s, { op: 'update', name: 'quote', color: 'blue' }, NOW)).toThrow(/not a colour/);
  });

  it('records renames and collapses chains, so old files reach the newest name', () => {
    let s = edit(defaultSchema(), { op: 'rename', from: 'ad', to: 'advert' }, NOW);
    s = edit(s, { op: 'rename', from: 'advert', to: 'sponsored' }, NOW);
    expect(s.labels.map((l) => l.name)).toContain('sponsored');
    const map = renameMap(s);
    expect(map.get('ad')).toBe('sponsored');
    expect(map.get('advert')).toBe('sponsored');
    expect(migrateLabelSet(['quote', 'ad'], map)).toEqual(['quote', 'sponsored']);
    expect(migrateLabelSet(['quote'], map)).toBeNull();
    // Renaming back drops the now-circular entry.
    s = edit(s, { op: 'rename', from: 'sponsored', to: 'ad' }, NOW);
    expect(renameMap(s).get('ad')).toBeUndefined();
    expect(renameMap(s).get('sponsored')).toBe('ad');
  });

  it('a new label named like a renamed-away one is not migrated into the new name', () => {
    let s = edit(defaultSchema(), { op: 'rename', from: 'ad', to: 'advert' }, NOW);
    s = edit(s, { op: 'add', label: { name: 'ad', color: '#111111', key: 'KeyX', description: '' } }, NOW);
    expect(renameMap(s).has('ad')).toBe(false);
  });

  it('moves, removes into "retired" (never the last label), and restores without a key that was given away', () => {
    let s = edit(defaultSchema(), { op: 'move', name: 'ad', to: 0 }, NOW);
    expect(s.labels[0]?.name).toBe('ad');
    s = edit(s, { op: 'remove', name: 'ad' }, NOW);
    expect(s.retired.map((l) => l.name)).toEqual(['ad']);
    s = edit(s, { op: 'add', label: { name: 'promo', color: '#222222', key: 'Digit4', description: '' } }, NOW);
    s = edit(s, { op: 'restore', name: 'ad' }, NOW);
    expect(s.retired).toEqual([]);
    expect(s.labels.find((l) => l.name === 'ad')?.key).toBe('');
    let one = defaultSchema();
    for (const name of ['quote', 'claim', 'boilerplate']) one = edit(one, { op: 'remove', name }, NOW);
    expect(() => edit(one, { op: 'remove', name: 'ad' }, NOW)).toThrow(/at least one label/);
  });

  it('switches between multi- and single-label', () => {
    expect(edit(defaultSchema(), { op: 'mode', mode: 'single' }, NOW).mode).toBe('single');
  });
});
