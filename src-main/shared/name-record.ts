/**
 * Records keyed by names that come from files — labels, annotators, suggesters. A plain `{}`
 * inherits `constructor`, `toString` and `__proto__` from Object.prototype: a label named
 * `constructor` counted as `obj[l] = (obj[l] ?? 0) + 1` became "function Object() { [native
 * code] }1", and one named `__proto__` replaced the object's prototype. These records have no
 * prototype, and reads of records that came over IPC or from JSON look at own keys only.
 */

/** A record with no prototype, so every name is an ordinary key. */
export function nameRecord<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The value under `key` when the record itself has it (never an inherited one). */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Adds `by` to the count under `key` in a record made by `nameRecord`. */
export function addCount(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (ownValue(record, key) ?? 0) + by;
}
