/** Files Pilcrow keeps: damaged ones set aside, saves that failed (English). */
import { catalogue, type Said } from './define';

/** Why a file was refused unread (node/storage/confined-fs.ts). */
export type RefusalKind = 'outside' | 'too-large' | 'special' | 'link';

export const storageMessages = catalogue({
  /** A file refused unread and left as it is; `problem` is the English, with what to do. */
  'file-refused': (p: { kind: RefusalKind; problem: string; is: string | null; size: string | null; max: string | null }) => p.problem,
  // Why a stored JSON file was rejected (node/storage/read-check.ts).
  'json-empty': () => 'empty file (0 bytes)',
  'json-bom': () => 'starts with a UTF-8 byte order mark (BOM)',
  'json-nul': (p: { at: number }) => `contains NUL bytes (first at byte ${p.at})`,
  'json-invalid-utf8': (p: { at: number }) => `invalid UTF-8 (first bad byte at ${p.at})`,
  'json-whitespace': () => 'empty file (only whitespace)',
  'json-conflict-markers': (p: { line: number }) => `contains git conflict markers (line ${p.line})`,
  'json-invalid': (p: { detail: string }) => `invalid or truncated JSON (${p.detail})`,
  'json-null': () => 'contains JSON null instead of data',
  'json-wrong-schema': (p: { detail: string }) => `wrong schema (${p.detail})`,

  /** A damaged file that could not be set aside (the quarantine folder is refused). */
  'damaged-left-in-place': (p: { problem: Said; refused: Said }, _name, say) => `${say(p.problem)}; it was left where it is because ${say(p.refused)}`,
  'file-damaged-untouched': (p: { file: string; problem: string; quarantineFailed: string | null }, name) =>
    `${name(p.file)} is damaged (${p.problem}); it was left untouched${p.quarantineFailed ? `; moving it to quarantine failed: ${p.quarantineFailed}` : ''}`,
  /** A save that failed: the file on disk still holds the previous generation. */
  'save-failed': (p: { file: string; step: string; errno: string | null; reason: string }, name) => `Could not save ${name(p.file)}: ${p.step} failed: ${p.reason}`,
});
