/**
 * File names may have at most 255 bytes (ext4, APFS, NTFS counts 255 UTF-16 units), and a Persian
 * headline spends two bytes a letter. Names Pilcrow derives from an article's name (label and
 * settings files, their `.bak`, temp and quarantine names) are shortened when they would not fit:
 * the longest start of the name that fits, `~`, and a hash of the whole name, so two long names
 * that share a start still differ.
 */
import { createHash } from 'node:crypto';

export const MAX_NAME_BYTES = 255;

/** `name` when it has at most `maxBytes` UTF-8 bytes, else `<start>~<hashHex hex of SHA-256>` within `maxBytes`. */
export function fitName(name: string, maxBytes: number, hashHex = 16): string {
  if (Buffer.byteLength(name, 'utf8') <= maxBytes) return name;
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, hashHex);
  return `${prefixOf(name, maxBytes - hashHex - 1)}~${hash}`;
}

/** The longest start of `name` of at most `max` UTF-8 bytes, never cutting a character in two. */
export function prefixOf(name: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max) break;
    out += ch;
    bytes += size;
  }
  return out;
}
