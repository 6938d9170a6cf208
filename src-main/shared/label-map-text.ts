/**
 * Label renames as people type them, `Quote=quote, AD=ad` (the CLI's --map, the import dialog's
 * field): pairs, or the first part that is not `old=new`. Commas may be Latin or Persian (،).
 */
export function parseLabelMapText(text: string): { pairs: [string, string][] } | { bad: string } {
  const pairs: [string, string][] = [];
  for (const part of text.split(/[,،]/).map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    const from = part.slice(0, at).trim();
    const to = part.slice(at + 1).trim();
    if (at < 0 || !from || !to) return { bad: part };
    pairs.push([from, to]);
  }
  return { pairs };
}
