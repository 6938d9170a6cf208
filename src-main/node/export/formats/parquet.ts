/**
 * Parquet (docs/export.md): the JSONL records as one row each, every field a column (absent =
 * null), so pandas, DuckDB, Spark and Hugging Face `datasets` load it as it is. Written with
 * hyparquet-writer (pure JavaScript, ~1 MB installed, nothing native, so it loads from inside
 * the app's asar archive) as a stream: records gather into row groups of ROW_GROUP rows (or
 * fewer once their text passes ROW_GROUP_CHARS), each encoded, Snappy-compressed and handed to
 * the sink before the next starts, so memory holds one row group, not the file.
 *
 * `labels` and `agreeing` are lists of strings (null = no decision, [] = none); times stay the
 * ISO 8601 text the label files hold (an offset survives; `pd.to_datetime` reads them);
 * `suggested_by` is JSON text.
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { ExportRecord } from '../../../core/export-records';
import type { TextSink } from '../sink';
import type { FormatWriter } from '../types';

type Kind = 'string' | 'int' | 'bool' | 'list' | 'json';

/**
 * The columns, in the order of a JSONL record's fields; `required` ones are never null.
 * `distinct` columns (ids, text, times, notes) hold nearly one value per row: written PLAIN,
 * skipping hyparquet-writer's dictionary trial; the others (paths, names, status, hashes) repeat
 * and are dictionary-encoded. No column gets min/max statistics: a dataset is read whole (its
 * splits are files), and they cost a comparison of every value, texts included.
 */
export const PARQUET_COLUMNS: readonly { name: keyof ExportRecord; kind: Kind; required?: true; distinct?: true }[] = [
  { name: 'article', kind: 'string', required: true },
  { name: 'paragraph', kind: 'int', required: true },
  { name: 'paragraph_id', kind: 'string', required: true, distinct: true },
  { name: 'text', kind: 'string', required: true, distinct: true },
  { name: 'start', kind: 'int', required: true },
  { name: 'end', kind: 'int', required: true },
  { name: 'annotator', kind: 'string', required: true },
  { name: 'status', kind: 'string', required: true },
  { name: 'labels', kind: 'list' },
  { name: 'updated_at', kind: 'string', distinct: true },
  { name: 'source_sha256', kind: 'string', required: true },
  { name: 'encoding', kind: 'string', required: true },
  { name: 'done_at', kind: 'string', distinct: true },
  { name: 'via', kind: 'string' },
  { name: 'suggested_by', kind: 'json' },
  { name: 'note', kind: 'string', distinct: true },
  { name: 'flagged', kind: 'bool' },
  { name: 'recheck', kind: 'string' },
  { name: 'reviewer', kind: 'string' },
  { name: 'took', kind: 'string' },
  { name: 'split', kind: 'string' },
  { name: 'resolved_from', kind: 'string' },
  { name: 'agreeing', kind: 'list' },
];

/** Rows per row group: big enough for readers to scan fast, small enough to keep memory flat. */
const ROW_GROUP = 512;
/** …or fewer, once the group's text reaches this many characters (long paragraphs). */
const ROW_GROUP_CHARS = 1024 * 1024;

const DISTINCT_COLUMN = { encoding: 'PLAIN' } as const;

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

function schema(): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: PARQUET_COLUMNS.length }];
  for (const c of PARQUET_COLUMNS) {
    const repetition_type = c.required ? 'REQUIRED' : 'OPTIONAL';
    if (c.kind === 'list') {
      out.push({ name: c.name, repetition_type, converted_type: 'LIST', num_children: 1 });
      out.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
      out.push({ name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
    } else if (c.kind === 'int') out.push({ name: c.name, type: 'INT32', repetition_type });
    else if (c.kind === 'bool') out.push({ name: c.name, type: 'BOOLEAN', repetition_type });
    // JSON text as plain UTF-8: every reader shows it as the string it is (DuckDB would re-encode a JSON column).
    else out.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
  }
  return out;
}

/** hyparquet-writer's byte writer, emptied into the sink after every row group instead of growing. */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: TextSink) {
    super(1 << 20);
  }

  flush(): Promise<void> {
    // No copy: the sink is done with the bytes once the promise settles (TextSink.writeBytes), and
    // hyparquet-writer encodes the next row group only then, so one buffer serves the whole file.
    const bytes = new Uint8Array(this.buffer, 0, this.index);
    this.index = 0;
    return this.sink.writeBytes(bytes);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

/**
 * The UTF-8 of a row group's distinct text columns (ids, text, times, notes), written into one
 * buffer kept across row groups, each value handed to hyparquet-writer as a view of it. Handed
 * strings, the writer encodes each into a fresh Uint8Array of its own: one allocation outside
 * the JS heap per value, garbage the moment the page is written, which V8 only returns after a
 * collection (the RSS growth docs/performance.md reports). The views are valid until the next
 * row group: hyparquet-writer copies the bytes into its pages before `write` returns.
 */
class Utf8Slab {
  private buffer = Buffer.allocUnsafeSlow(1 << 20);
  private used = 0;

  /** Starts a row group: the previous one's views may now be overwritten. */
  reset(): void {
    this.used = 0;
  }

  /** Replaces every string in `values` with a view of its UTF-8. */
  encode(values: unknown[]): unknown[] {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value !== 'string') continue;
      // A UTF-16 code unit takes at most 3 bytes of UTF-8. A new buffer leaves the old one to the views made from it.
      const room = value.length * 3;
      if (this.used + room > this.buffer.length) {
        this.buffer = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, room));
        this.used = 0;
      }
      const start = this.used;
      this.used += this.buffer.write(value, start, 'utf8');
      values[i] = this.buffer.subarray(start, this.used);
    }
    return values;
  }
}

/** One Parquet file being written: add records, then finish (or abort). */
export class ParquetStream {
  private readonly writer: ParquetWriter;
  private columns: unknown[][] = PARQUET_COLUMNS.map(() => []);
  private chars = 0;
  private readonly slab = new Utf8Slab();
  rows = 0;

  constructor(
    private readonly sink: TextSink,
    metadata: Record<string, string>,
  ) {
    this.writer = new ParquetWriter({
      writer: new SinkWriter(sink),
      schema: schema(),
      createdBy: 'Pilcrow (hyparquet-writer)',
      statistics: false,
      kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    });
  }

  /** Adds a row; true when the row group is full and `flush()` must be awaited before the next. */
  add(record: ExportRecord): boolean {
    for (let i = 0; i < PARQUET_COLUMNS.length; i++) {
      const c = PARQUET_COLUMNS[i]!;
      const value = record[c.name];
      this.columns[i]!.push(value === undefined ? null : c.kind === 'json' ? JSON.stringify(value) : value);
    }
    this.rows += 1;
    this.chars += record.text.length + (record.note?.length ?? 0);
    return this.columns[0]!.length >= ROW_GROUP || this.chars >= ROW_GROUP_CHARS;
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.writer.finish();
    await this.sink.commit();
  }

  abort(): Promise<void> {
    this.columns = [];
    return this.sink.abort();
  }

  async flush(): Promise<void> {
    const count = this.columns[0]!.length;
    if (count === 0) return;
    this.slab.reset();
    const columnData = PARQUET_COLUMNS.map((c, i) => {
      if (!c.distinct) return { name: c.name, data: this.columns[i]! };
      return { name: c.name, data: c.kind === 'string' ? this.slab.encode(this.columns[i]!) : this.columns[i]!, ...DISTINCT_COLUMN };
    });
    this.columns = PARQUET_COLUMNS.map(() => []);
    this.chars = 0;
    await this.writer.write({ columnData: columnData as Parameters<ParquetWriter['write']>[0]['columnData'], rowGroupSize: count });
  }
}

/**
 * The FormatWriter for Parquet: one file (`one`), or one per split (`per-split`; records without
 * a split go to `train`), each opened when its first record comes. `files` tells, at the end,
 * how many rows each got.
 */
export function parquetWriter(open: (split: string) => Promise<TextSink>, routing: 'one' | 'per-split'): FormatWriter & { streams: Map<string, ParquetStream>; labelsSeen: Set<string> } {
  const streams = new Map<string, ParquetStream>();
  const labelsSeen = new Set<string>();
  let metadata: Record<string, string> = {};
  const streamFor = async (key: string) => {
    let stream = streams.get(key);
    if (!stream) streams.set(key, (stream = new ParquetStream(await open(key), metadata)));
    return stream;
  };
  return {
    streams,
    labelsSeen,
    async begin(manifest) {
      const { schema_version, exported_at, pilcrow_version, workspace, label_schema, label_mode, filters } = manifest;
      metadata = { pilcrow: JSON.stringify({ schema_version, exported_at, pilcrow_version, workspace, label_schema, label_mode, filters }) };
      if (routing === 'one') await streamFor('');
    },
    async article(_article, built) {
      for (const record of built.records) {
        for (const l of record.labels ?? []) labelsSeen.add(l);
        const key = routing === 'one' ? '' : (record.split ?? 'train');
        // Awaited only to open a file or write a full row group: not once per record.
        const stream = streams.get(key) ?? (await streamFor(key));
        if (stream.add(record)) await stream.flush();
      }
    },
    async end() {
      // A dataset with no records still has its (empty) train file, so the folder loads.
      if (routing === 'per-split' && streams.size === 0) await streamFor('train');
      for (const stream of streams.values()) await stream.finish();
    },
    async abort() {
      for (const stream of streams.values()) await stream.abort().catch(() => undefined);
    },
  };
}
