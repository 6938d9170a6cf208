/**
 * Parquet (docs/export.md): the JSONL records as one row each, every field a column (absent =
 * null, columns.ts), so pandas, DuckDB, Spark and Hugging Face `datasets` load it as it is.
 *
 * Written as a stream, row group by row group: each record's values are encoded into their
 * columns' buffers as it comes (column-chunk.ts), and once a row group's values reach
 * ROW_GROUP_BYTES its pages are compressed and handed to the sink before the next record is
 * taken. Memory holds one row group's bytes, in buffers reused for the whole file; no array of
 * values or per-page buffer is made (docs/performance.md: the export's RSS growth). Encoded
 * here, with hyparquet-writer's encoders for the page headers, levels and footer (pure
 * JavaScript, nothing native, so it loads from inside the app's asar archive).
 *
 * `labels` and `agreeing` are lists of strings (null = no decision, [] = none); times stay the
 * ISO 8601 text the label files hold (an offset survives; `pd.to_datetime` reads them);
 * `suggested_by` is JSON text. No column has min/max statistics: a dataset is read whole (its
 * splits are files), and they would cost a comparison of every value, texts included.
 */
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import type { ExportRecord } from '../../../../core/export-records';
import type { TextSink } from '../../sink';
import type { FormatWriter } from '../../types';
import { ByteBuffer } from './byte-buffer';
import { ColumnChunk, newPageScratch, type PageScratch, type RowGroupMeta } from './column-chunk';
import { PARQUET_COLUMNS, parquetSchema } from './columns';

export { PARQUET_COLUMNS } from './columns';

/**
 * A row group ends once its encoded values reach this many bytes (~3,000 news paragraphs; a
 * longer paragraph makes a bigger one): several times the rows of a fixed 512, which readers
 * scan faster, while the buffers held stay about 4 MB. 4 MB groups held ~14 MB and grew RSS
 * more (docs/performance.md).
 */
const ROW_GROUP_BYTES = 1024 * 1024;
const MAGIC = 0x31524150; // "PAR1"

/** One Parquet file being written: add records, then finish (or abort). */
export class ParquetStream {
  private readonly columns = PARQUET_COLUMNS.map((c) => new ColumnChunk(c));
  /** The file's bytes on their way to the sink; its `offset` is the file offset. */
  private readonly out = new ByteBuffer(1 << 16);
  private readonly rowGroups: RowGroupMeta[] = [];
  private groupRows = 0;
  private groupBytes = 0;
  rows = 0;

  /** `scratch`: shared by the files of one export (a split's three), used by one column at a time. */
  constructor(
    private readonly sink: TextSink,
    private readonly metadata: Record<string, string>,
    private readonly rowGroupBytes = ROW_GROUP_BYTES,
    private readonly scratch: PageScratch = newPageScratch(),
  ) {
    this.out.appendUint32(MAGIC);
  }

  /** Adds a row; true when the row group is full and `flush()` must be awaited before the next. */
  add(record: ExportRecord): boolean {
    for (let i = 0; i < PARQUET_COLUMNS.length; i++) this.groupBytes += this.columns[i]!.add(record[PARQUET_COLUMNS[i]!.name]);
    this.rows += 1;
    this.groupRows += 1;
    return this.groupBytes >= this.rowGroupBytes;
  }

  async finish(): Promise<void> {
    await this.flush();
    const metadata = { version: 2, created_by: 'Pilcrow', schema: parquetSchema(), num_rows: BigInt(this.rows), row_groups: this.rowGroups, key_value_metadata: Object.entries(this.metadata).map(([key, value]) => ({ key, value })) };
    writeMetadata(this.out, metadata as Parameters<typeof writeMetadata>[1]);
    this.out.appendUint32(MAGIC);
    await this.drain();
    await this.sink.commit();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }

  /** Writes the row group gathered so far, column by column. */
  async flush(): Promise<void> {
    if (this.groupRows === 0) return;
    const start = this.out.offset;
    let uncompressed = 0n;
    const columns: RowGroupMeta['columns'] = [];
    for (const column of this.columns) {
      const chunk = column.writeTo(this.out, this.scratch);
      uncompressed += chunk.meta_data!.total_uncompressed_size;
      columns.push(chunk);
      await this.drain();
    }
    this.rowGroups.push({ columns, total_byte_size: uncompressed, num_rows: BigInt(this.groupRows), total_compressed_size: BigInt(this.out.offset - start) });
    this.groupRows = 0;
    this.groupBytes = 0;
  }

  /** Hands the bytes written so far to the sink; the buffer is reused once it settles (TextSink.writeBytes). */
  private async drain(): Promise<void> {
    if (this.out.index === 0) return;
    await this.sink.writeBytes(this.out.written());
    this.out.index = 0;
  }
}

/**
 * The FormatWriter for Parquet: one file (`one`), or one per split (`per-split`; records without
 * a split go to `train`), each opened when its first record comes. `files` tells, at the end,
 * how many rows each got. `rowGroupBytes`: for tests of several row groups.
 */
export function parquetWriter(open: (split: string) => Promise<TextSink>, routing: 'one' | 'per-split', rowGroupBytes?: number): FormatWriter & { streams: Map<string, ParquetStream>; labelsSeen: Set<string> } {
  const streams = new Map<string, ParquetStream>();
  const labelsSeen = new Set<string>();
  const scratch = newPageScratch();
  let metadata: Record<string, string> = {};
  const streamFor = async (key: string) => {
    let stream = streams.get(key);
    if (!stream) streams.set(key, (stream = new ParquetStream(await open(key), metadata, rowGroupBytes, scratch)));
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
