/**
 * The next position from which a test holds, for scans that only move forward. Each answer is
 * kept: asked again from a position at or before it (and not before the last question), it is
 * still the answer, so a whole left-to-right scan costs one pass over the text. Asking a regular
 * expression or `indexOf` again from every position instead is quadratic on a run like "«««…"
 * or "[[[…" with nothing to close it, which a scraped page or a teammate's file can hold
 * (docs/reliability.md).
 */
export class NextIndex {
  readonly #text: string;
  readonly #holds: (text: string, at: number) => boolean;
  #asked = -1;
  #answer = -1;

  constructor(text: string, holds: (text: string, at: number) => boolean) {
    this.#text = text;
    this.#holds = holds;
  }

  /** The first position at or after `from` where the test holds, or -1 when there is none. */
  from(from: number): number {
    if (this.#asked >= 0 && from >= this.#asked && (this.#answer === -1 || this.#answer >= from)) return this.#answer;
    let at = from;
    while (at < this.#text.length && !this.#holds(this.#text, at)) at++;
    this.#asked = from;
    this.#answer = at < this.#text.length ? at : -1;
    return this.#answer;
  }
}

/** A test that holds where the text has one of `chars` (each one UTF-16 unit). */
export function oneOf(chars: string): (text: string, at: number) => boolean {
  return (text, at) => chars.includes(text[at] as string);
}
