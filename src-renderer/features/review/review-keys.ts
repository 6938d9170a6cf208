/**
 * Review keys, by physical key (event.code) like the annotation loop: j/k or arrows move,
 * d or . jump to the next disagreement, 1–9 take that column's annotator, m takes the majority,
 * Shift+label key toggles a label in a new gold answer, Backspace clears gold, a accepts agreed,
 * n opens the next article with disagreements, r replies on the paragraph.
 */
import type { LabelDef } from '../../../src-main/shared/labels';

export type ReviewCommand =
  | { kind: 'move'; delta: 1 | -1 }
  | { kind: 'next-disagreement' }
  | { kind: 'take-annotator'; column: number }
  | { kind: 'take-majority' }
  | { kind: 'toggle-gold'; label: string }
  | { kind: 'clear-gold' }
  | { kind: 'accept-agreed' }
  | { kind: 'next-article' }
  | { kind: 'reply' };

export function reviewCommandFor(event: KeyboardEvent, labels: readonly LabelDef[]): ReviewCommand | null {
  const target = event.target as HTMLElement | null;
  if (event.ctrlKey || event.metaKey || event.altKey || target?.closest?.('input, textarea, select, [contenteditable="true"]')) return null;
  if (event.shiftKey) {
    const label = labels.find((l) => l.key === event.code);
    return label ? { kind: 'toggle-gold', label: label.name } : null;
  }
  switch (event.code) {
    case 'ArrowDown':
    case 'KeyJ':
      return { kind: 'move', delta: 1 };
    case 'ArrowUp':
    case 'KeyK':
      return { kind: 'move', delta: -1 };
    case 'KeyD':
    case 'Period':
      return { kind: 'next-disagreement' };
    case 'KeyM':
      return { kind: 'take-majority' };
    case 'Backspace':
    case 'Delete':
      return { kind: 'clear-gold' };
    case 'KeyA':
      return { kind: 'accept-agreed' };
    case 'KeyN':
      return { kind: 'next-article' };
    case 'KeyR':
      return { kind: 'reply' };
  }
  const digit = /^Digit([1-9])$/.exec(event.code);
  return digit ? { kind: 'take-annotator', column: Number(digit[1]) - 1 } : null;
}
