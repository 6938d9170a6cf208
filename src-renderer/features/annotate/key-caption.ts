/** What to print on a key cap for a physical key code: Digit1 → 1, KeyQ → Q. */
export function keyCaption(code: string): string {
  const match = /^(?:Digit|Numpad|Key)(.)$/.exec(code);
  return match?.[1] ?? code;
}
