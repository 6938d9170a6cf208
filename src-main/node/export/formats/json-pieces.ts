/**
 * JSON.stringify(value), handed out in pieces of at most about PIECE characters. The JSON
 * document has one line per article with its whole text and every paragraph's decisions: for a
 * 10,000-paragraph article that is ~5 M characters, which as one string (twice that in bytes
 * for Persian, plus its flattened and encoded copies) went straight to the old generation and
 * raised the export's RSS by tens of MB. In pieces, it never exists whole.
 *
 * The bytes are JSON.stringify's for the data an export writes (plain objects, arrays, strings,
 * numbers, booleans, null; undefined members left out): containers are opened down to `depth`
 * levels, long strings at any of those levels are cut, everything else is stringified whole.
 */
/** Characters: two pieces together stay under V8's large-object size (128 KB) even as UTF-16. */
const PIECE = 16 * 1024;

export async function writeJsonInPieces(value: unknown, write: (text: string) => Promise<void>, depth = 2): Promise<void> {
  let pending = '';
  for (const piece of pieces(value, depth)) {
    pending += piece;
    if (pending.length >= PIECE) {
      await write(pending);
      pending = '';
    }
  }
  if (pending) await write(pending);
}

function* pieces(value: unknown, depth: number): Generator<string> {
  if (typeof value === 'string' && value.length > PIECE) yield* stringPieces(value);
  else if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      // As JSON.stringify: an element it cannot represent becomes null.
      if (unrepresentable(value[i])) yield 'null';
      else yield* pieces(value[i], depth - 1);
    }
    yield ']';
  } else if (depth > 0 && isPlainObject(value)) {
    yield '{';
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (unrepresentable(member)) continue; // as JSON.stringify: left out
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(member, depth - 1);
    }
    yield '}';
  } else yield JSON.stringify(value) ?? 'null';
}

/** A long string as JSON, cut into pieces that each escape exactly as the whole string would. */
function* stringPieces(text: string): Generator<string> {
  yield '"';
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + PIECE, text.length);
    // Cutting between the halves of a surrogate pair (an emoji) would escape each half on its own.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    yield JSON.stringify(text.slice(at, end)).slice(1, -1);
    at = end;
  }
  yield '"';
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

const unrepresentable = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** An object JSON.stringify would write member by member (no class, no toJSON of its own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
