/**
 * One column of the row group being written: each value is encoded into the column's own
 * reused buffers as its record arrives (no array of values, no copy per row group or page), and
 * the row group is written as one DATA_PAGE_V2 page per column, Snappy-compressed, after a
 * dictionary page for the repeating columns. hyparquet-writer's encoders write the page headers
 * and the levels; the file stays readable by any Parquet reader (the tests read it with DuckDB).
 */
import type { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { ByteBuffer } from './byte-buffer';
import type { ParquetColumn } from './columns';
import { snappyCompress } from './snappy';

export type RowGroupMeta = Parameters<typeof writeMetadata>[1]['row_groups'][number];
type ChunkMeta = RowGroupMeta['columns'][number];

/** Buffers every column of a file shares while it writes its pages, one at a time. */
export interface PageScratch {
  levels: ByteBuffer;
  page: ByteBuffer;
  compressed: ByteBuffer;
}

export const newPageScratch = (): PageScratch => ({ levels: new ByteBuffer(1 << 12), page: new ByteBuffer(1 << 12), compressed: new ByteBuffer(1 << 16) });

/** A Uint8Array or Int32Array that grows by doubling and is reused. */
class Growable<T extends Uint8Array | Int32Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = this.make(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  used(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

const bytes = () => new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
const bitWidth = (max: number) => 32 - Math.clz32(max);
const NO_BYTES = new Uint8Array(0);

export class ColumnChunk {
  /** PLAIN values, or the dictionary's values (in index order) for a dictionary column. */
  private readonly values = new ByteBuffer(1 << 12);
  private readonly dictionary: Map<string, number> | null;
  private readonly indices: Growable<Int32Array> | null;
  private readonly maxDefinition: number;
  private readonly definitions: Growable<Uint8Array> | null;
  private readonly repetitions: Growable<Uint8Array> | null;
  private rows = 0;
  /** Level entries without a value: nulls and empty lists. */
  private nulls = 0;
  private booleans = 0;

  constructor(private readonly column: ParquetColumn) {
    const dictionary = column.kind === 'list' || column.kind === 'json' || (column.kind === 'string' && !column.distinct);
    this.dictionary = dictionary ? new Map() : null;
    this.indices = dictionary ? new Growable(new Int32Array(1024), (n) => new Int32Array(n)) : null;
    this.maxDefinition = column.kind === 'list' ? 2 : column.required ? 0 : 1;
    this.definitions = this.maxDefinition ? bytes() : null;
    this.repetitions = column.kind === 'list' ? bytes() : null;
  }

  /** Adds one row's value; returns about how many bytes it took. */
  add(value: unknown): number {
    this.rows += 1;
    if (value === undefined || value === null) {
      if (!this.definitions) throw new Error(`Parquet column ${this.column.name} needs a value in every row`);
      this.definitions.push(0);
      this.repetitions?.push(0);
      this.nulls += 1;
      return 1;
    }
    this.definitions?.push(this.maxDefinition === 2 && Array.isArray(value) && value.length === 0 ? 1 : this.maxDefinition);
    switch (this.column.kind) {
      case 'int':
        this.values.appendInt32(value as number);
        return 4;
      case 'bool':
        if ((this.booleans & 7) === 0) this.values.appendUint8(0);
        if (value) this.values.bytes[this.values.index - 1]! |= 1 << (this.booleans & 7);
        this.booleans += 1;
        return 1;
      case 'json':
        return this.addToDictionary(JSON.stringify(value));
      case 'list':
        return this.addList(value as readonly string[]);
      default:
        return this.dictionary ? this.addToDictionary(String(value)) : this.values.appendLengthPrefixedUtf8(String(value));
    }
  }

  /** A list: an empty one is its definition level alone; each element after the first repeats (level 1). */
  private addList(list: readonly string[]): number {
    let size = 0;
    for (let i = 0; i < list.length; i++) {
      if (i > 0) this.definitions!.push(2);
      this.repetitions!.push(i === 0 ? 0 : 1);
      size += this.addToDictionary(list[i]!);
    }
    if (list.length === 0) {
      // Levels without a value: the page header counts them with the nulls.
      this.repetitions!.push(0);
      this.nulls += 1;
    }
    return size + 1;
  }

  private addToDictionary(value: string): number {
    let index = this.dictionary!.get(value);
    let size = 4;
    if (index === undefined) {
      index = this.dictionary!.size;
      this.dictionary!.set(value, index);
      size += this.values.appendLengthPrefixedUtf8(value);
    }
    this.indices!.push(index);
    return size;
  }

  /**
   * Writes the row group's pages for this column to `out`, whose `offset` is the file offset,
   * and empties the column for the next row group. Returns the column chunk's metadata.
   */
  writeTo(out: ByteBuffer, scratch: PageScratch): ChunkMeta {
    const start = out.offset;
    let uncompressed = 0;
    let dictionaryOffset: bigint | undefined;
    const dictionary = this.dictionary && this.dictionary.size > 0;
    if (dictionary) {
      dictionaryOffset = BigInt(out.offset);
      uncompressed += this.writePage(out, scratch, 'DICTIONARY_PAGE', this.values.written());
    }
    const levels = scratch.levels;
    levels.reset();
    const repetitionBytes = this.repetitions ? writeRleBitPackedHybrid(levels, this.repetitions.used(), 1) : 0;
    const definitionBytes = this.definitions ? writeRleBitPackedHybrid(levels, this.definitions.used(), bitWidth(this.maxDefinition)) : 0;
    let data = this.values.written();
    if (dictionary) {
      const width = bitWidth(this.dictionary!.size - 1);
      scratch.page.reset();
      scratch.page.appendUint8(width);
      writeRleBitPackedHybrid(scratch.page, this.indices!.used(), width);
      data = scratch.page.written();
    }
    const dataOffset = out.offset;
    const levelCount = this.definitions?.length ?? this.rows;
    uncompressed += this.writePage(out, scratch, 'DATA_PAGE_V2', data, {
      num_values: levelCount,
      num_nulls: this.nulls,
      num_rows: this.rows,
      encoding: dictionary ? 'RLE_DICTIONARY' : 'PLAIN',
      definition_levels_byte_length: definitionBytes,
      repetition_levels_byte_length: repetitionBytes,
      is_compressed: true,
    });
    const meta: ChunkMeta = {
      file_offset: BigInt(start),
      meta_data: {
        type: this.column.kind === 'int' ? 'INT32' : this.column.kind === 'bool' ? 'BOOLEAN' : 'BYTE_ARRAY',
        encodings: dictionary ? ['PLAIN', 'RLE_DICTIONARY'] : ['PLAIN'],
        path_in_schema: this.column.kind === 'list' ? [this.column.name, 'list', 'element'] : [this.column.name],
        codec: 'SNAPPY',
        num_values: BigInt(levelCount),
        total_uncompressed_size: BigInt(uncompressed),
        total_compressed_size: BigInt(out.offset - start),
        data_page_offset: BigInt(dataOffset),
        dictionary_page_offset: dictionaryOffset,
      },
    };
    this.reset();
    return meta;
  }

  /** Header, levels (data pages), compressed data; returns the page's uncompressed size with its header. */
  private writePage(out: ByteBuffer, scratch: PageScratch, type: 'DICTIONARY_PAGE' | 'DATA_PAGE_V2', data: Uint8Array, v2?: NonNullable<Parameters<typeof writePageHeader>[1]['data_page_header_v2']>): number {
    const levels = v2 ? scratch.levels.written() : NO_BYTES;
    scratch.compressed.reset();
    const compressedSize = snappyCompress(data, scratch.compressed);
    const headerStart = out.offset;
    writePageHeader(out, {
      type,
      uncompressed_page_size: levels.byteLength + data.byteLength,
      compressed_page_size: levels.byteLength + compressedSize,
      dictionary_page_header: v2 ? undefined : { num_values: this.dictionary!.size, encoding: 'PLAIN' },
      data_page_header_v2: v2,
    });
    const headerSize = out.offset - headerStart;
    out.appendBytes(levels);
    out.appendBytes(scratch.compressed.written());
    return headerSize + levels.byteLength + data.byteLength;
  }

  private reset(): void {
    this.values.reset();
    this.dictionary?.clear();
    if (this.indices) this.indices.length = 0;
    if (this.definitions) this.definitions.length = 0;
    if (this.repetitions) this.repetitions.length = 0;
    this.rows = 0;
    this.nulls = 0;
    this.booleans = 0;
  }
}
