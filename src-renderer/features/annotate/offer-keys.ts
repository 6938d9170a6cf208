/**
 * Keys while the accept-all offer is open (Shift+A; state/accept-offer.ts): Enter (or A again)
 * accepts what it offers, Esc closes it, ↑/↓ (J/K) pick a label, ←/→ lower or raise that label's
 * score (mirrored in a right-to-left UI, as a slider is), Space or a label's key leaves that label
 * out or takes it again. Every other key is held while the offer is open.
 */
import type { LabelDef } from '../../../src-main/shared/labels';
import type { AcceptOffer } from '../../state/accept-offer';
import { isTypingTarget } from './keys';

export type OfferCommand = { kind: 'accept' } | { kind: 'cancel' } | { kind: 'focus'; delta: 1 | -1 } | { kind: 'step'; step: 1 | -1 } | { kind: 'toggle'; index: number } | { kind: 'hold' };

export function offerCommandForKey(event: KeyboardEvent, offer: AcceptOffer, labels: readonly LabelDef[], rtl: boolean): OfferCommand | null {
  if (isTypingTarget(event.target)) return null;
  // The panel's own buttons take Space and Enter as a click.
  if (event.target instanceof HTMLElement && event.target.closest('[data-testid="accept-offer"] button') && ['Space', 'Enter', 'NumpadEnter'].includes(event.code)) return null;
  switch (event.code) {
    case 'Enter':
    case 'NumpadEnter':
    case 'KeyA':
      return { kind: 'accept' };
    case 'Escape':
      return { kind: 'cancel' };
    case 'ArrowUp':
    case 'KeyK':
      return { kind: 'focus', delta: -1 };
    case 'ArrowDown':
    case 'KeyJ':
      return { kind: 'focus', delta: 1 };
    case 'ArrowLeft':
      return { kind: 'step', step: rtl ? 1 : -1 };
    case 'ArrowRight':
      return { kind: 'step', step: rtl ? -1 : 1 };
    case 'Space':
      return { kind: 'toggle', index: offer.focus };
  }
  const code = event.code.replace(/^Numpad(\d)$/, 'Digit$1');
  const label = labels.find((l) => l.key !== '' && l.key === code);
  const index = label ? offer.labels.findIndex((l) => l.label === label.name) : -1;
  return index >= 0 ? { kind: 'toggle', index } : { kind: 'hold' };
}
