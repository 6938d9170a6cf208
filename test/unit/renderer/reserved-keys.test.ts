/**
 * The letters the annotation loop keeps for itself are written in four places: the key switch
 * (features/annotate/keys.ts), RESERVED_KEYS (a label may not take them), the shortcuts sheet and
 * docs/shortcuts.md. A key added to the loop fails here until the other three say so too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RESERVED_KEYS } from '../../../src-main/shared/labels';
import { commandForKey } from '../../../src-renderer/features/annotate/keys';
import { SHORTCUTS } from '../../../src-renderer/features/shortcuts/shortcuts';

const LETTER_CODES = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => `Key${c}`);
const MODIFIERS = [{}, { shiftKey: true }, { ctrlKey: true }, { ctrlKey: true, shiftKey: true }, { metaKey: true }, { metaKey: true, shiftKey: true }];
const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

function press(code: string, modifiers: object): KeyboardEvent {
  return { code, key: code.slice(3).toLowerCase(), altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, target: null, ...modifiers } as unknown as KeyboardEvent;
}

describe('reserved keys', () => {
  // keys.ts tells a typing target by `instanceof HTMLElement`; these key presses have no target.
  beforeAll(() => void vi.stubGlobal('HTMLElement', class {}));
  afterAll(() => void vi.unstubAllGlobals());

  it('the letters the annotation loop answers, with or without modifiers, are exactly the keys a label cannot take', () => {
    const answered = LETTER_CODES.filter((code) => MODIFIERS.some((m) => commandForKey(press(code, m), []) !== null));
    expect(answered).toEqual(sorted(RESERVED_KEYS));
  });

  it('the shortcuts sheet lists exactly the reserved letters (Alt combinations, which no label key uses, aside)', () => {
    const letters = SHORTCUTS.flatMap((s) => s.keys).filter((caps) => !caps.includes('Alt')).flatMap((caps) => caps.filter((cap) => /^[A-Z]$/.test(cap)));
    expect(sorted(letters.map((cap) => `Key${cap}`))).toEqual(sorted(RESERVED_KEYS));
  });

  it('docs/shortcuts.md names exactly the reserved letters', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/shortcuts.md'), 'utf8');
    const named = /Letters a label cannot take, because the loop uses them: `([A-Z ]+)`/.exec(doc);
    expect(named, 'docs/shortcuts.md lists the letters a label cannot take').not.toBeNull();
    expect(sorted(named![1]!.split(' ').map((cap) => `Key${cap}`))).toEqual(sorted(RESERVED_KEYS));
  });
});
