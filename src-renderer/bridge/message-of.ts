/** An error from main as the editor reads it (kept apart from api.ts, which plain tests import without Svelte's runes). */
import { showBidiControls } from '../../src-main/shared/visible-name';
import { i18n } from '../i18n/i18n.svelte';
import { BridgeError } from './api';

/**
 * An error's message for the editor, in the UI's language when main said it as a message
 * (shared/messages); a bidi control in a name it quotes is shown as ⟨RLO⟩ etc., never applied.
 */
export function messageOf(error: unknown): string {
  if (error instanceof BridgeError && error.detail) return i18n.said(error.detail);
  return showBidiControls(error instanceof Error ? error.message : String(error));
}
