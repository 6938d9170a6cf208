/**
 * The Parquet columns of an export (docs/export.md): the JSONL record's fields, in its order,
 * every field a column (absent = null).
 */
import type { SchemaElement } from 'hyparquet-writer';
import type { ExportRecord } from '../../../../core/export-records';

export type Kind = 'string' | 'int' | 'bool' | 'list' | 'json';

export interface ParquetColumn {
  name: keyof ExportRecord;
  kind: Kind;
  /** Never null. */
  required?: true;
  /**
   * Nearly one value per row (ids, text, times, notes): written PLAIN. The others (paths, names,
   * status, hashes, labels) repeat and are dictionary-encoded.
   */
  distinct?: true;
}

export const PARQUET_COLUMNS: readonly ParquetColumn[] = [
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

/**
 * The file's schema. A list is the standard three-level LIST (optional group, repeated `list`,
 * required `element`); JSON is plain UTF-8 text, so every reader shows it as the string it is
 * (DuckDB would re-encode a JSON column).
 */
export function parquetSchema(): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: PARQUET_COLUMNS.length }];
  for (const c of PARQUET_COLUMNS) {
    const repetition_type = c.required ? 'REQUIRED' : 'OPTIONAL';
    if (c.kind === 'list') {
      out.push({ name: c.name, repetition_type, converted_type: 'LIST', num_children: 1 });
      out.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
      out.push({ name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
    } else if (c.kind === 'int') out.push({ name: c.name, type: 'INT32', repetition_type });
    else if (c.kind === 'bool') out.push({ name: c.name, type: 'BOOLEAN', repetition_type });
    else out.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
  }
  return out;
}
