/**
 * Counts the work done on arrays while `run` runs: for every array iterated (spread, for…of,
 * destructuring) or scanned (some, find, findIndex, filter, indexOf, includes), its length.
 * Linear code over n items does c·n of it; a copy or a scan per item does n²/2. Comparing two
 * sizes of one input tells the two apart without timing anything.
 */
type Scan = (this: unknown[], ...args: unknown[]) => unknown;

const SCANS = ['some', 'find', 'findIndex', 'filter', 'indexOf', 'includes'] as const;

export async function countArrayWork(run: () => Promise<unknown>): Promise<number> {
  const proto = Array.prototype as unknown as Record<string | symbol, Scan>;
  const originals = new Map<string | symbol, Scan>([[Symbol.iterator, proto[Symbol.iterator]!], ...SCANS.map((name) => [name, proto[name]!] as const)]);
  let work = 0;
  for (const [name, original] of originals) {
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      work += this.length;
      return original.apply(this, args);
    };
  }
  try {
    await run();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return work;
}
