/**
 * Just enough of the zip format to refuse a .docx before mammoth (JSZip) inflates it: read the
 * central directory, add up the declared uncompressed sizes, then inflate every entry as a stream
 * (64 KB at a time, nothing kept) to check that none inflates beyond what it declares (a bomb can
 * lie in its headers) and to count the text of the XML parts. Two budgets keep reading a Word
 * file well under 1 GB of memory: mammoth builds a tree of the whole XML (about 45 bytes of memory
 * per byte of XML, measured), so the XML it parses is limited; and the text the article becomes is
 * limited too (docs/reliability.md: a 9 MB .docx with 195 MB of XML at ratio 21× passed the old checks and
 * exhausted memory a minute after the workspace opened).
 */
import { createInflateRaw } from 'node:zlib';
import type { MainMessage } from '../../shared/messages';
import { ArticleReadError } from '../text/errors';

export interface ZipLimits {
  /** Refuse when the entries would expand to more than this many bytes. */
  maxTotalBytes: number;
  /** Refuse when uncompressed / compressed exceeds this, once the total is above ratioFloorBytes. */
  maxRatio: number;
  /** Small archives may compress very well (repetitive XML) without being dangerous. */
  ratioFloorBytes: number;
  /** The XML parts (`*.xml`, `*.rels`: what mammoth parses), unpacked. */
  maxXmlBytes: number;
  /** Bytes of text in the XML parts (everything outside tags): what the article becomes. */
  maxTextBytes: number;
}

const MB = 1024 * 1024;

/**
 * 10 MB of Word XML is a document of some 1,400 pages (a generated 1,000-page Persian report,
 * Word's usual markup, is 7.3 MB of XML and 3.8 MB of text, and reads in about 400 MB).
 */
export const DOCX_LIMITS: ZipLimits = { maxTotalBytes: 200 * MB, maxRatio: 100, ratioFloorBytes: 10 * MB, maxXmlBytes: 10 * MB, maxTextBytes: 5 * MB };

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

function bad(message: MainMessage): ArticleReadError {
  return new ArticleReadError('bad-docx', message);
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

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** Throws 'too-large' for archives that would expand too far or hold too much XML or text; returns the entries otherwise. */
export async function checkZipBomb(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): Promise<ZipEntryInfo[]> {
  const entries = readCentralDirectory(bytes);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const compressed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  if (total > limits.maxTotalBytes) {
    throw new ArticleReadError('too-large', { code: 'docx-too-large', size: megabytes(total), limit: megabytes(limits.maxTotalBytes) });
  }
  if (total > limits.ratioFloorBytes && total > limits.maxRatio * Math.max(1, compressed)) {
    const ratio = Math.round(total / Math.max(1, compressed));
    throw new ArticleReadError('too-large', { code: 'docx-zip-bomb', ratio });
  }
  const declaredXml = entries.filter((e) => isXmlPart(e.name)).reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declaredXml > limits.maxXmlBytes) throw xmlTooLarge(declaredXml, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = 0;
  for (const entry of entries) {
    text += await measureEntry(bytes, view, entry);
    if (text > limits.maxTextBytes) {
      throw new ArticleReadError('too-large', { code: 'docx-too-much-text', limit: megabytes(limits.maxTextBytes) });
    }
  }
  return entries;
}

function xmlTooLarge(size: number, limits: ZipLimits): ArticleReadError {
  return new ArticleReadError('too-large', { code: 'docx-too-much-xml', size: megabytes(size), limit: megabytes(limits.maxXmlBytes) });
}

/**
 * Inflates one entry as a stream, stopping past its declared size (headers that lie); returns
 * the bytes of text (outside tags) of an XML part, 0 for others.
 */
async function measureEntry(bytes: Uint8Array, view: DataView, entry: ZipEntryInfo): Promise<number> {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw bad({ code: 'docx-part-missing', part: entry.name });
  }
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  const counter = isXmlPart(entry.name) ? textCounter() : null;
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw bad({ code: 'docx-part-size', part: entry.name });
    counter?.add(data);
    return counter?.text ?? 0;
  }
  if (entry.method !== 8) throw bad({ code: 'docx-compression', method: entry.method });
  await new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > entry.uncompressedSize) {
        inflater.destroy();
        reject(new ArticleReadError('too-large', { code: 'docx-part-bomb', part: entry.name }));
        return;
      }
      counter?.add(chunk);
    });
    inflater.on('end', resolve);
    inflater.on('error', () => reject(bad({ code: 'docx-part-damaged', part: entry.name })));
    inflater.end(data);
  });
  return counter?.text ?? 0;
}

/** Counts the bytes outside `<…>` across chunks (the text of an XML part, entities as written). */
function textCounter(): { add(chunk: Uint8Array): void; text: number } {
  let inTag = false;
  const counter = {
    text: 0,
    add(chunk: Uint8Array) {
      let text = 0;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x3c) inTag = true;
        else if (b === 0x3e) inTag = false;
        else if (!inTag) text++;
      }
      counter.text += text;
    },
  };
  return counter;
}
