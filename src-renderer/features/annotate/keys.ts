/**
 * The annotation keyboard loop. Keys are matched by physical key (`event.code`), so they work
 * with a Persian layout active, where `event.key` is «ت» or «۱» but `event.code` stays KeyJ/Digit1.
 * The shortcuts sheet (features/shortcuts/shortcuts.ts), RESERVED_KEYS (shared/labels.ts) and
 * docs/shortcuts.md list the same keys (test/unit/renderer/reserved-keys.test.ts holds them to it).
 */
import type { LabelDef } from '../../../src-main/shared/labels';

export type KeyCommand =
  | { kind: 'move'; delta: number; extend: boolean }
  | { kind: 'edge'; to: 'first' | 'last'; extend: boolean }
  | { kind: 'selectAll' }
  | { kind: 'escape' }
  | { kind: 'toggle'; label: string }
  | { kind: 'none' }
  | { kind: 'clear' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'flag' }
  | { kind: 'note' }
  | { kind: 'done' }
  | { kind: 'article'; delta: 1 | -1 }
  | { kind: 'undecided'; direction: 1 | -1 }
  | { kind: 'flaggedOnly' }
  | { kind: 'guidelines' }
  | { kind: 'sheet' }
  | { kind: 'suggestion'; action: 'accept' | 'acceptAll' | 'reject' }
  /** Shift+Enter: fold an opened run of boilerplate into one row again (on a folded row, Enter opens it: `none`). */
  | { kind: 'fold' };

/** Typing in a field must never label paragraphs. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Space and Enter on a focused button or link press it; they must not also decide a paragraph. */
function pressesControl(event: KeyboardEvent): boolean {
  const target = event.target;
  return target instanceof HTMLElement && !!target.closest('button, a[href], summary, [role="button"], [role="dialog"]') && ['Space', 'Enter', 'NumpadEnter'].includes(event.code);
}

export function commandForKey(event: KeyboardEvent, labels: readonly LabelDef[]): KeyCommand | null {
  if (event.altKey || isTypingTarget(event.target) || pressesControl(event)) return null;
  const shift = event.shiftKey;
  if (event.ctrlKey || event.metaKey) {
    if (event.code === 'KeyZ') return shift ? { kind: 'redo' } : { kind: 'undo' };
    if (event.code === 'KeyY' && !shift) return { kind: 'redo' };
    if (event.code === 'KeyA' && !shift) return { kind: 'selectAll' };
    return null;
  }
  switch (event.code) {
    case 'ArrowDown':
    case 'KeyJ':
      return { kind: 'move', delta: 1, extend: shift };
    case 'ArrowUp':
    case 'KeyK':
      return { kind: 'move', delta: -1, extend: shift };
    case 'PageDown':
      return { kind: 'move', delta: 10, extend: shift };
    case 'PageUp':
      return { kind: 'move', delta: -10, extend: shift };
    case 'Home':
      return { kind: 'edge', to: 'first', extend: shift };
    case 'End':
      return { kind: 'edge', to: 'last', extend: shift };
    case 'Escape':
      return { kind: 'escape' };
    case 'Space':
      return shift ? null : { kind: 'none' };
    case 'Enter':
    case 'NumpadEnter':
      return shift ? { kind: 'fold' } : { kind: 'none' };
    case 'Backspace':
    case 'Delete':
      return { kind: 'clear' };
    case 'KeyN':
      return shift ? null : { kind: 'article', delta: 1 };
    case 'KeyP':
      return shift ? null : { kind: 'article', delta: -1 };
    case 'KeyU':
      return { kind: 'undecided', direction: shift ? -1 : 1 };
    case 'KeyF':
      return shift ? { kind: 'flaggedOnly' } : { kind: 'flag' };
    case 'KeyC':
      return shift ? null : { kind: 'note' };
    case 'KeyG':
      return shift ? null : { kind: 'guidelines' };
    case 'KeyD':
      return shift ? { kind: 'done' } : { kind: 'suggestion', action: 'reject' };
    case 'KeyA':
      return { kind: 'suggestion', action: shift ? 'acceptAll' : 'accept' };
    case 'Slash':
      return shift ? { kind: 'sheet' } : null;
  }
  if (event.key === '?' || event.key === '؟') return { kind: 'sheet' };
  // Shift is allowed on label keys: after Shift+↓ to select, the Shift key may still be down.
  const code = event.code.replace(/^Numpad(\d)$/, 'Digit$1');
  const label = labels.find((l) => l.key !== '' && l.key === code);
  return label ? { kind: 'toggle', label: label.name } : null;
}
