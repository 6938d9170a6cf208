/**
 * Keys as the eval presses them: a short name ("j", "Shift+j", "PgDn", "Digit3") made into the
 * KeyboardEvent fields the app's key handlers read (`code`, `key`, modifiers, `target`). The
 * handlers match on `event.code`, the physical key, so the names are those of a US layout.
 */

/** A key press, named: optional "Shift+", then a key of NAMED or a KeyboardEvent code. */
export type KeyName = string;

const NAMED: Record<string, string> = {
  j: 'KeyJ',
  k: 'KeyK',
  a: 'KeyA',
  d: 'KeyD',
  u: 'KeyU',
  n: 'KeyN',
  PgDn: 'PageDown',
  PgUp: 'PageUp',
  Home: 'Home',
  End: 'End',
  Space: 'Space',
  Enter: 'Enter',
  Backspace: 'Backspace',
  Esc: 'Escape',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
};

/** The app's handlers ask whether the target is a text field (`instanceof HTMLElement`): Node has no DOM. */
export function withoutDom(): void {
  const scope = globalThis as { HTMLElement?: unknown };
  scope.HTMLElement ??= class HTMLElement {};
}

export function keyEvent(name: KeyName): KeyboardEvent {
  const shift = name.startsWith('Shift+');
  const bare = shift ? name.slice('Shift+'.length) : name;
  const code = NAMED[bare] ?? bare;
  if (!/^(Key[A-Z]|Digit\d|[A-Z][A-Za-z]+)$/.test(code)) throw new Error(`not a key: ${name}`);
  const key = code.startsWith('Key') ? (shift ? code.slice(3) : code.slice(3).toLowerCase()) : code.startsWith('Digit') ? code.slice(5) : code;
  return { code, key, shiftKey: shift, ctrlKey: false, metaKey: false, altKey: false, target: null } as unknown as KeyboardEvent;
}
