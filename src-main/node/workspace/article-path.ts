/**
 * An article's workspace-relative path names it everywhere on disk (its annotation files, its
 * settings, export records). A file holds one article, except JSON Lines: each line is an
 * article named `<file>.jsonl#<key>`, the key being the line's `id` (or `line-N` without one).
 * Characters other than letters, digits, `_`, `-` and `.` are percent-encoded so the name is a
 * safe file name on every system; a key longer than 100 characters is replaced by a hash.
 */
import { hashId } from '../../core/hash';

const KEY_LIMIT = 100;

export function encodeLineKey(key: string): string {
  const encoded = key.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}_.-]/gu, (ch) => encodeURIComponent(ch).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  const safe = encoded.replace(/^\.+/, (dots) => '%2E'.repeat(dots.length));
  return safe.length > KEY_LIMIT ? `h${hashId(key)}` : safe;
}

export function jsonlArticlePath(file: string, key: string): string {
  return `${file}#${encodeLineKey(key)}`;
}

/** The file an article lives in, and its line key for JSON Lines. */
export function splitArticlePath(path: string): { file: string; key?: string } {
  const match = /^(.*\.jsonl)#([^/]+)$/i.exec(path);
  return match?.[1] && match[2] ? { file: match[1], key: match[2] } : { file: path };
}
