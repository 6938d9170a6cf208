/**
 * Decision times (`updated_at`, `done_at`) as instants. Files carry them as text, and text
 * order is not time order once offsets differ (`2026-12-01T10:00:00+03:30` is 06:30Z, earlier
 * than `08:00Z`), so every comparison goes through `instantOf`; text that is not a real
 * ISO 8601 date and time with its offset never wins one.
 */

/** How far ahead of this machine's clock an imported time may be: another machine's clock skew. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of a real `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`, else null. */
export function instantOf(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  if (text.length === 24) {
    const utc = canonicalUtc(text);
    if (utc !== undefined) return utc;
  }
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** Offsets of the digits in `YYYY-MM-DDTHH:MM:SS.fffZ`. */
const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * The form every Pilcrow writer uses (`Date.prototype.toISOString`), read digit by digit: team
 * progress reads ~100,000 decision times, and the regular expression and Date.parse took most
 * of its arithmetic. Undefined when the text is not in that form (or its year is below 100,
 * which Date.UTC would read as 19xx): the general path decides.
 */
function canonicalUtc(text: string): number | null | undefined {
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') return undefined;
  for (const i of CANONICAL_DIGITS) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = (at: number, digits: number) => {
    let v = 0;
    for (let i = at; i < at + digits; i++) v = v * 10 + text.charCodeAt(i) - 48;
    return v;
  };
  const [year, month, day, hour, minute, second] = [n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2)];
  if (year < 100) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, n(20, 3));
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/**
 * Orders two times: negative when `a` is earlier, positive when later, 0 when the same instant.
 * A time that is not a real instant (an old file's `""`, a hand-written "yesterday") is earlier
 * than every real one.
 */
export function compareInstants(a: string | null | undefined, b: string | null | undefined): number {
  const x = instantOf(a) ?? -Infinity;
  const y = instantOf(b) ?? -Infinity;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** True when `a` is a strictly later instant than `b`. */
export function isLater(a: string | null | undefined, b: string | null | undefined): boolean {
  return compareInstants(a, b) > 0;
}

/** The latest of some times (as written), or null when none is a real instant. */
export function latestOf(times: Iterable<string | null | undefined>): string | null {
  let latest: string | null = null;
  for (const t of times) if (instantOf(t) !== null && (latest === null || isLater(t, latest))) latest = t!;
  return latest;
}

/**
 * Why a time from outside (an import) cannot be trusted, or null when it can: it must be a real
 * instant with its offset, and not later than this machine's clock plus CLOCK_SKEW_MS.
 */
export function untrustedTimeProblem(text: string, now: number): string | null {
  const at = instantOf(text);
  if (at === null) return `must be a date and time with its offset, such as 2026-11-27T10:02:11Z or 2026-11-27T13:32:11+03:30 (got ${JSON.stringify(text.slice(0, 40))})`;
  if (at > now + CLOCK_SKEW_MS) return `is in the future (${text}; this computer's clock says ${new Date(now).toISOString()}, and up to 24 hours ahead are allowed for another machine's clock)`;
  return null;
}
