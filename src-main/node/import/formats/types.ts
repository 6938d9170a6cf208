/** What every import format's reader gives: records in Pilcrow's shape (import-record.ts), before checks. */

import type { MainMessage } from '../../../shared/messages';

export type { ImportFormat, ImportFormatChoice } from '../../../shared/contract/import';

export interface RawRecord {
  /** Pilcrow's field names; checked and tidied later (import-record.ts). */
  value: Record<string, unknown>;
  /** Where it came from in the file: `line 12`, `[3]`, `line 4, paragraph 2`. */
  where: string;
}

export interface ConvertSink {
  record(value: Record<string, unknown>, where: string): void;
  /** Something in the file that is not imported, and why (a skipped Label Studio annotation, a Prodigy reject). */
  skip(where: string, reason: MainMessage): void;
}

/** The fields of an item that may name its article: the item's own, then its `meta`/`data`. */
const ARTICLE_KEYS = ['article', 'path', 'file'];

export function articleOf(...sources: unknown[]): string | undefined {
  for (const source of sources) {
    if (!isObject(source)) continue;
    for (const key of ARTICLE_KEYS) if (typeof source[key] === 'string' && source[key]) return source[key];
    for (const nested of ['meta', 'data', 'metadata']) {
      const inner = source[nested];
      if (isObject(inner)) for (const key of ARTICLE_KEYS) if (typeof inner[key] === 'string' && inner[key]) return inner[key];
    }
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An annotator name from another tool's user (an email, a number, a session name), made valid. */
export function toolAnnotator(value: unknown, tool: string): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return `${tool}-user-${value}`;
  if (isObject(value)) return toolAnnotator(value.email ?? value.username ?? value.id, tool);
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const local = value.includes('@') ? value.slice(0, value.indexOf('@')) : value;
  const name = local.trim().replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^[.]+/, '').slice(0, 64);
  return name || undefined;
}
