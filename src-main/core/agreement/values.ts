/**
 * A paragraph's value for an annotator is its exact label set (order-insensitive, duplicates
 * ignored). Sets are encoded canonically: each distinct label, sorted by code unit, prefixed with
 * U+0000 (which cannot occur in a label name). The empty set is "", which no non-empty set can be.
 */

export const LABEL_SEPARATOR = '\u0000';

/** Canonical key of a label set. */
export function labelSetKey(labels: readonly string[]): string {
  if (labels.length === 0) return '';
  if (labels.length === 1) return LABEL_SEPARATOR + (labels[0] as string);
  if (labels.length === 2) {
    const [x, y] = labels as readonly [string, string];
    if (x === y) return LABEL_SEPARATOR + x;
    return x < y ? LABEL_SEPARATOR + x + LABEL_SEPARATOR + y : LABEL_SEPARATOR + y + LABEL_SEPARATOR + x;
  }
  let key = '';
  let previous: string | undefined;
  for (const label of labels.slice().sort()) {
    if (label === previous) continue;
    key += LABEL_SEPARATOR + label;
    previous = label;
  }
  return key;
}

/** The labels of a canonical key, sorted. */
export function labelSetOf(key: string): string[] {
  return key === '' ? [] : key.slice(1).split(LABEL_SEPARATOR);
}

/** Human-readable name of a label set for charts. */
export function labelSetDisplay(key: string): string {
  return key === '' ? '(no label)' : labelSetOf(key).join(' + ');
}

interface TrieNode {
  /** Id of the set spelled by the path to this node, or -1 when not interned yet. */
  id: number;
  next: Map<string, TrieNode> | null;
}

/**
 * Interns label sets to small integer ids and remembers which of the given labels each set holds.
 * Sets are looked up in a trie over their sorted distinct labels, so no key string is built per
 * decision (this runs once per decision, hundreds of thousands of times).
 */
export class LabelSetInterner {
  readonly keys: string[] = [];
  /** membership[id][l] is 1 when set `id` contains labels[l]. */
  readonly membership: Uint8Array[] = [];
  private readonly labelIndex: Map<string, number>;
  private readonly root: TrieNode = { id: -1, next: null };

  constructor(private readonly labels: readonly string[]) {
    this.labelIndex = new Map(labels.map((l, i) => [l, i]));
  }

  id(labels: readonly string[]): number {
    const n = labels.length;
    if (n === 0) return this.idOf(this.root, EMPTY);
    if (n === 1) return this.idOf(child(this.root, labels[0] as string), labels);
    if (n === 2) {
      const x = labels[0] as string;
      const y = labels[1] as string;
      if (x === y) return this.idOf(child(this.root, x), [x]);
      const [lo, hi] = x < y ? [x, y] : [y, x];
      return this.idOf(child(child(this.root, lo), hi), [lo, hi]);
    }
    const sorted = labels.slice().sort();
    const distinct = sorted.filter((l, i) => i === 0 || l !== sorted[i - 1]);
    let node = this.root;
    for (const label of distinct) node = child(node, label);
    return this.idOf(node, distinct);
  }

  /** The node's id, registering `sortedDistinct` (the node's path) when new. */
  private idOf(node: TrieNode, sortedDistinct: readonly string[]): number {
    if (node.id >= 0) return node.id;
    node.id = this.keys.length;
    this.keys.push(labelSetKey(sortedDistinct));
    const has = new Uint8Array(this.labels.length);
    for (const label of sortedDistinct) {
      const l = this.labelIndex.get(label);
      if (l !== undefined) has[l] = 1;
    }
    this.membership.push(has);
    return node.id;
  }

  /** Canonical key (see labelSetKey) of an interned set. */
  key(id: number): string {
    return this.keys[id] ?? '';
  }
}

const EMPTY: readonly string[] = [];

function child(node: TrieNode, label: string): TrieNode {
  if (node.next === null) node.next = new Map();
  let next = node.next.get(label);
  if (next === undefined) {
    next = { id: -1, next: null };
    node.next.set(label, next);
  }
  return next;
}
