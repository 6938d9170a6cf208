/**
 * Names from files (article paths, label names, annotator names) shown to people. A bidi
 * control in a name can reorder what is around it: `invoice-\u202Efdp.txt` (U+202E, right-to-left
 * override) displays as `invoice-txt.pdf`. Names are shown with every bidi control made visible
 * (`invoice-⟨RLO⟩fdp.txt`), and, inside a sentence, isolated (U+2068 … U+2069) so not even a
 * right-to-left name moves the words around it. Stored and exported names stay exact.
 */

const CONTROLS: Readonly<Record<string, string>> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
const CONTROL_RE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const HAS_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The name with each bidi control replaced by a visible mark such as ⟨RLO⟩. */
export function showBidiControls(name: string): string {
  return name.replace(CONTROL_RE, (c) => `⟨${CONTROLS[c] ?? 'U+' + c.codePointAt(0)!.toString(16).toUpperCase()}⟩`);
}

/** True when the name holds a bidi control. */
export function hasBidiControls(name: string): boolean {
  return HAS_CONTROL.test(name);
}

/** For a name inside a sentence of plain text (notices, messages): controls shown, the whole isolated. */
export function isolatedName(name: string): string {
  return `\u2068${showBidiControls(name)}\u2069`;
}

/** JSON text with each bidi control written as its `\uXXXX` escape: the same data once parsed, inert on a terminal. */
export function escapeBidiInJson(json: string): string {
  return json.replace(CONTROL_RE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
