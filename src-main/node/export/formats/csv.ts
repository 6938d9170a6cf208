/**
 * CSV for spreadsheets: one row per record, one 0/1 column per label (`label:NAME`, empty for an
 * untouched paragraph), RFC 4180 quoting, CRLF rows, UTF-8 with a byte-order mark: Excel reads a
 * BOM-less file as the system code page and shows Persian as mojibake. Labels outside the schema
 * (left after a label was removed) go to `other_labels`, space-separated, so nothing is lost.
 * Text cells a spreadsheet would evaluate as a formula are written with a leading `'` unless the
 * caller asks for raw text (core/csv.ts `spreadsheetSafe`; docs/export.md).
 */
import { csvRow, spreadsheetSafe } from '../../../core/csv';
import type { ExportRecord } from '../../../core/export-records';
import type { TextSink } from '../sink';
import type { ExportManifest, FormatWriter } from '../types';

export function csvWriter(sink: TextSink, { raw }: { raw: boolean }): FormatWriter {
  const cell = raw ? (text: string) => text : spreadsheetSafe;
  const textCell = (text: string | null | undefined) => (text === null || text === undefined ? text : cell(text));
  let labels: string[] = [];
  let known = new Set<string>();
  let extra: { split: boolean; resolved: boolean } = { split: false, resolved: false };
  const row = (r: ExportRecord) => {
    const has = new Set(r.labels ?? []);
    return csvRow([
      textCell(r.article), r.paragraph, r.paragraph_id, r.start, r.end, textCell(r.annotator), r.status, r.updated_at,
      ...(extra.split ? [r.split] : []),
      ...(extra.resolved ? [textCell(r.resolved_from)] : []),
      r.flagged ? 1 : 0, textCell(r.note), textCell(r.text),
      ...labels.map((l) => (r.labels === null ? '' : has.has(l) ? 1 : 0)),
      cell((r.labels ?? []).filter((l) => !known.has(l)).join(' ')),
    ]);
  };
  return {
    async begin(manifest: ExportManifest) {
      labels = manifest.filters.labels ?? manifest.label_schema.map((l) => l.name);
      known = new Set(labels);
      extra = { split: manifest.filters.split !== null, resolved: manifest.filters.resolve.length > 0 };
      const header = [
        'article', 'paragraph', 'paragraph_id', 'start', 'end', 'annotator', 'status', 'updated_at',
        ...(extra.split ? ['split'] : []),
        ...(extra.resolved ? ['resolved_from'] : []),
        'flagged', 'note', 'text',
        ...labels.map((l) => `label:${l}`),
        'other_labels',
      ];
      await sink.write(`\uFEFF${csvRow(header)}`);
    },
    async article(_article, built) {
      if (built.records.length) await sink.write(built.records.map(row).join(''));
    },
    end: () => sink.commit(),
    abort: () => sink.abort(),
  };
}
