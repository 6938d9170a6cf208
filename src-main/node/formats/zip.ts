/**
 * Just enough of the zip format to refuse a .docx before mammoth (JSZip) inflates it: read
 * the central directory, add up the declared uncompressed sizes, and then check that no entry
 * inflates beyond what it declares (a bomb can lie in its headers; zlib's maxOutputLength
 * stops the inflation at the declared size instead of at memory exhaustion).
 */
import type { MainMessage } from '../../shared/messages';
import { inflateRawSync } from 'node:zlib';
import { ArticleReadError } from '../text/errors';

export interface ZipLimits {
  /** Refuse when the entries would expand to more than this many bytes. */
  maxTotalBytes: number;
  /** Refuse when uncompressed / compressed exceeds this, once the total is above ratioFloorBytes. */
  maxRatio: number;
  /** Small archives may compress very well (repetitive XML) without being dangerous. */
  ratioFloorBytes: number;
}

export const DOCX_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100, ratioFloorBytes: 10 * 1024 * 1024 };

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;

function bad(detail: MainMessage): ArticleReadError {
  return new ArticleReadError('bad-docx', detail);
}

/** Reads the central directory; throws 'bad-docx' when the bytes are not a zip archive. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL_SIGNATURE) throw bad({ code: 'docx-not-zip' });
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad({ code: 'docx-no-directory' });
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw bad({ code: 'docx-short-directory' });
    }
    const nameLength = view.getUint16(offset + 28, true);
    const entry: ZipEntryInfo = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    // ZIP64 sizes (4 GB and up) are never a news article; treat them as what they are.
    if (entry.compressedSize === ZIP64_MARKER || entry.uncompressedSize === ZIP64_MARKER) {
      throw new ArticleReadError('too-large', { code: 'docx-zip64' });
    }
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Throws 'too-large' for archives that would expand too far; returns the entries otherwise. */
export function checkZipBomb(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipEntryInfo[] {
  const entries = readCentralDirectory(bytes);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const compressed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  if (total > limits.maxTotalBytes) {
    const limit = megabytes(limits.maxTotalBytes);
    throw new ArticleReadError('too-large', { code: 'docx-too-large', size: megabytes(total), limit });
  }
  if (total > limits.ratioFloorBytes && total > limits.maxRatio * Math.max(1, compressed)) {
    const ratio = Math.round(total / Math.max(1, compressed));
    throw new ArticleReadError('too-large', { code: 'docx-zip-bomb', ratio });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) verifyDeclaredSize(bytes, view, entry);
  return entries;
}

/** Inflates one entry, stopping at its declared size, to catch headers that lie. */
function verifyDeclaredSize(bytes: Uint8Array, view: DataView, entry: ZipEntryInfo): void {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw bad({ code: 'docx-part-missing', part: entry.name });
  }
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw bad({ code: 'docx-part-size', part: entry.name });
    return;
  }
  if (entry.method !== 8) throw bad({ code: 'docx-compression', method: entry.method });
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ArticleReadError('too-large', { code: 'docx-part-bomb', part: entry.name });
    }
    throw bad({ code: 'docx-part-damaged', part: entry.name });
  }
}
