/**
 * What main tells the editor, as data: a code and its parameters (like the suggestion reasons,
 * core/suggest/reasons.ts). Main keeps an English sentence beside it for the CLI, the log and
 * the `message` of an IPC error; the renderer writes the code in the UI's language
 * (src-renderer/i18n/main-messages-fa.ts for Persian, the English catalogue here otherwise).
 *
 * A catalogue maps each code to a function of its parameters (plain JSON data), `name`, which
 * it uses for every name from a file (a path, an annotator, a label): the CLI passes it through
 * as it is, the renderer isolates it (U+2068 … U+2069) with its bidi controls made visible, so
 * a Latin file name inside a Persian sentence keeps the sentence right to left; and `say`, for a
 * message inside its parameters.
 */

/** How a sentence shows a name from a file. */
export type NameOf = (name: string) => string;

/** A message inside another one's parameters (a file's problem inside "X is damaged: …"). */
export interface Said {
  readonly code: string;
}

/** How a sentence writes a message it quotes, in its own language. */
export type SayOf = (message: Said) => string;

/** One domain's sentences: code → (parameters, name, say) → text. */
export type Catalogue = Record<string, (p: never, name: NameOf, say: SayOf) => string>;

/** The messages a catalogue can say: `{ code, ...parameters }`. */
export type MessageOf<C> = {
  [K in keyof C & string]: C[K] extends (p: infer P, name: NameOf, say: SayOf) => string ? (unknown extends P ? { code: K } : { code: K } & P) : never;
}[keyof C & string];

/** Another language's sentences for exactly the same codes and parameters. */
export type Translation<C> = {
  [K in keyof C]: C[K] extends (p: infer P, name: NameOf, say: SayOf) => string ? (unknown extends P ? (p: object, name: NameOf, say: SayOf) => string : (p: P, name: NameOf, say: SayOf) => string) : never;
};

/** Defines a catalogue, checking each entry's shape while keeping its own parameter types. */
export function catalogue<C extends Catalogue>(c: C): C {
  return c;
}
