/**
 * Label names on the way in. Other tools spell labels their own way ("Quote", "QUOTE"): the
 * import's map (`--map Quote=quote,Ad=ad`) renames them, and a label the schema lacks that
 * differs from one of its labels only in case becomes that label. Every rename is reported.
 */
import type { ImportRecord } from './import-record';

export function mapLabels(records: ImportRecord[], map: readonly (readonly [string, string])[], schema: readonly string[]): { from: string; to: string }[] {
  const rename = new Map(map.map(([from, to]) => [from, to]));
  const known = new Set(schema);
  const byCase = new Map<string, string[]>();
  for (const name of schema) byCase.set(name.toLowerCase(), [...(byCase.get(name.toLowerCase()) ?? []), name]);
  const used = new Map<string, string>();
  const target = (label: string): string => {
    const mapped = rename.get(label);
    if (mapped !== undefined) return mapped;
    if (known.has(label)) return label;
    const same = byCase.get(label.toLowerCase());
    return same?.length === 1 ? same[0]! : label;
  };
  for (const record of records) {
    if (!record.labels) continue;
    const out: string[] = [];
    for (const label of record.labels) {
      const to = target(label);
      if (to !== label) used.set(label, to);
      if (!out.includes(to)) out.push(to);
    }
    record.labels = out;
  }
  return [...used].map(([from, to]) => ({ from, to })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
