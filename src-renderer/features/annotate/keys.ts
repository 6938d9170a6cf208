/**
 * The annotation keyboard loop. Keys are matched by physical key (`event.code`), so they work
 * with a Persian layout active, where `event.key` is «ت» or «۱» but `event.code` stays KeyJ/Digit1.
 */
import type { LabelDef } from '../../../src-main/shared/labels';

export type KeyCommand = { kind: 'move'; delta: 1 | -1 } | { kind: 'toggle'; label: string } | { kind: 'article'; delta: 1 | -1 };

/** Typing in a field must never label paragraphs. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function commandForKey(event: KeyboardEvent, labels: readonly LabelDef[]): KeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  switch (event.code) {
    case 'ArrowDown':
    case 'KeyJ':
      return { kind: 'move', delta: 1 };
    case 'ArrowUp':
    case 'KeyK':
      return { kind: 'move', delta: -1 };
    case 'KeyN':
      return { kind: 'article', delta: 1 };
    case 'KeyP':
      return { kind: 'article', delta: -1 };
  }
  const label = labels.find((l) => l.key === event.code || l.key === event.code.replace(/^Numpad/, 'Digit'));
  return label && !event.shiftKey ? { kind: 'toggle', label: label.name } : null;
}
