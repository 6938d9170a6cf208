/**
 * Paragraphs as sparse rows (compressed sparse row layout): one row per paragraph, each a list of
 * hashed feature indices and values. Typed arrays grow by doubling, so 50,000 paragraphs of a few
 * hundred features each cost tens of megabytes, not an object per feature.
 */

export interface FeatureMatrix {
  rows: number;
  /** Row r's entries are offsets[r] .. offsets[r + 1] - 1. */
  offsets: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

export class MatrixBuilder {
  private offsets: Uint32Array;
  private indices: Uint32Array;
  private values: Float32Array;
  private rows = 0;
  private size = 0;

  /**
   * Room for `rows` rows of `entries` entries in all before the first doubling: scoring one
   * article asks for what it needs, since zeroing the default half megabyte for each of
   * thousands of articles cost more than scoring them.
   */
  constructor(rows = 1024, entries = 1 << 16) {
    this.offsets = new Uint32Array(Math.max(rows, 1) + 1);
    this.indices = new Uint32Array(Math.max(entries, 16));
    this.values = new Float32Array(Math.max(entries, 16));
  }

  /** Adds one row; `indices` and `values` are read, not kept. */
  add(indices: ArrayLike<number>, values: ArrayLike<number>, count = indices.length): number {
    if (this.rows + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    if (this.size + count > this.indices.length) {
      const capacity = Math.max(this.indices.length * 2, this.size + count);
      this.indices = grow(this.indices, capacity);
      this.values = grow(this.values, capacity);
    }
    if (indices instanceof Uint32Array && values instanceof Float32Array) {
      this.indices.set(indices.subarray(0, count), this.size);
      this.values.set(values.subarray(0, count), this.size);
    } else {
      for (let k = 0; k < count; k++) {
        this.indices[this.size + k] = indices[k]!;
        this.values[this.size + k] = values[k]!;
      }
    }
    this.size += count;
    this.rows += 1;
    this.offsets[this.rows] = this.size;
    return this.rows - 1;
  }

  get length(): number {
    return this.rows;
  }

  /** Entries added so far (every row's features). */
  get entries(): number {
    return this.size;
  }

  build(): FeatureMatrix {
    return { rows: this.rows, offsets: this.offsets.slice(0, this.rows + 1), indices: this.indices.slice(0, this.size), values: this.values.slice(0, this.size) };
  }
}

function grow<T extends Uint32Array | Float32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}
