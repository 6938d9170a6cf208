/** Label-set operations shared by the renderer's keyboard loop and the main-process store. */

/** Adds the label when absent, removes it when present; keeps the schema's order. */
export function toggleLabel(current: readonly string[], label: string, schemaOrder: readonly string[]): string[] {
  const next = current.includes(label) ? current.filter((l) => l !== label) : [...current, label];
  return sortBySchema(next, schemaOrder);
}

/** Schema labels first in schema order, then unknown labels (kept, never dropped) by name. */
export function sortBySchema(labels: readonly string[], schemaOrder: readonly string[]): string[] {
  const rank = (l: string) => {
    const i = schemaOrder.indexOf(l);
    return i < 0 ? schemaOrder.length : i;
  };
  return [...new Set(labels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
