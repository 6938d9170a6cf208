/**
 * Validation of the raw bytes of a stored JSON file, before and after JSON.parse.
 * Every rejection carries a human-readable `problem` for the editor.
 */
export type ReadCheck = { ok: true; value: unknown } | ReadFailure;

/** `midMerge`: the file holds git conflict markers, first at that line (a merge is not finished). */
export type ReadFailure = { ok: false; problem: string; midMerge?: { line: number } };

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const CONFLICT_RE = /^(?:<{7}|>{7})(?: |$)|^={7}$/m;

export function checkBytes(bytes: Uint8Array): ReadCheck {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty file (0 bytes)' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, problem: 'starts with a UTF-8 byte order mark (BOM)' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, problem: `contains NUL bytes (first at byte ${nul})` };
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    return { ok: false, problem: `invalid UTF-8 (first bad byte at ${firstInvalidUtf8(bytes)})` };
  }
  if (text.trim() === '') return { ok: false, problem: 'empty file (only whitespace)' };
  const conflict = CONFLICT_RE.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return { ok: false, problem: `contains git conflict markers (line ${line})`, midMerge: { line } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problem: `invalid or truncated JSON (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  if (value === null) return { ok: false, problem: 'contains JSON null instead of data' };
  return { ok: true, value };
}

/** Runs the byte checks, then the schema `parse`. */
export function checkAndParse<T>(
  bytes: Uint8Array,
  parse: (value: unknown) => T,
): { ok: true; value: T } | ReadFailure {
  const raw = checkBytes(bytes);
  if (!raw.ok) return raw;
  try {
    return { ok: true, value: parse(raw.value) };
  } catch (e) {
    return { ok: false, problem: `wrong schema (${summarise(e)})` };
  }
}

function summarise(e: unknown): string {
  const msg = e instanceof Error ? (zodIssues(e) ?? e.message) : String(e);
  const oneLine = msg.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

/**
 * A zod error's message is its issues as pretty-printed JSON; the editor gets `path: message`
 * per issue instead ("mode: Invalid option: expected one of "multi"|"single""). Duck-typed, so
 * storage does not depend on zod.
 */
function zodIssues(e: Error): string | undefined {
  const issues = (e as { issues?: unknown }).issues;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  return issues
    .map((i: { path?: unknown; message?: unknown }) => {
      const path = Array.isArray(i.path) ? i.path.map(String).join('.') : '';
      return `${path ? `${path}: ` : ''}${String(i.message)}`;
    })
    .join('; ');
}

/** Byte offset of the first invalid UTF-8 sequence (or -1 when valid). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
