/**
 * Bytes of an article file to text, in the order the team's text guide (shared/guides/text.md)
 * sets: BOM, NUL bytes, HTML <meta charset>, strict UTF-8, then a corrected jschardet guess.
 * One deliberate exception: a legacy <meta> on bytes that are valid multi-byte UTF-8 loses to
 * UTF-8 (stale metas on re-saved pages). The decoded text is kept exactly (ZWNJ, Arabic yeh ي
 * from legacy files, NBSP, CR/CRLF); only search keys normalise.
 * Whenever the result is a guess or lost bytes, a warning says so: never guess silently.
 */
import iconv from 'iconv-lite';
import { ArticleReadError } from './errors';
import { ENCODING_NAMES, prescanMetaCharset, type EncodingName } from './labels';
import { guessLegacyEncoding } from './legacy';
import { looksLikeDamagedUtf8, scanUtf8 } from './utf8';

export { ArticleReadError, type ArticleReadErrorCode } from './errors';
export { ENCODING_NAMES, encodingFromLabel, type EncodingName } from './labels';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  warnings: string[];
  /** Bytes that had no character and became U+FFFD: the text lost something, flag the file. */
  replaced: number;
}

export interface DecodeOptions {
  /** Force an encoding (the editor's choice); a matching BOM is still dropped. */
  override?: EncodingName;
  /** Look for <meta charset> in the first 1024 bytes. */
  html?: boolean;
}

const NUL_SCAN_BYTES = 8192;

const BOMS: { bytes: number[]; encoding: EncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(bytes: Uint8Array): { length: number; encoding: EncodingName } | null {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  return bom ? { length: bom.bytes.length, encoding: bom.encoding } : null;
}

/**
 * NUL bytes in the first 8 KB. UTF-16 without a BOM puts a NUL in the high byte of every ASCII
 * character (spaces, digits, punctuation even in Persian text), so its NULs sit on one side
 * only; anything else with NULs is binary.
 */
function nulVerdict(bytes: Uint8Array): 'none' | 'binary' | 'utf-16le' | 'utf-16be' {
  const end = Math.min(bytes.length, NUL_SCAN_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return 'none';
  const pairs = Math.floor(end / 2);
  const oneSided = (main: number, other: number) => other * 100 <= main && main >= Math.max(2, pairs * 0.05);
  if (oneSided(odd, even)) return 'utf-16le';
  if (oneSided(even, odd)) return 'utf-16be';
  return 'binary';
}

/**
 * The iconv-lite codec for each WHATWG name where they differ: WHATWG's GBK decoder is GB18030's,
 * its Big5 includes HKSCS, its Shift_JIS is Windows-31J and its EUC-KR is Windows-949.
 */
const CODEC: Partial<Record<EncodingName, string>> = { gbk: 'gb18030', big5: 'big5hkscs', shift_jis: 'cp932', 'euc-jp': 'eucjp', 'euc-kr': 'cp949' };

function decodeAs(bytes: Uint8Array, encoding: EncodingName, warnings: string[]): { text: string; replaced: number } {
  if (encoding === 'utf-8') {
    const { invalidBytes } = scanUtf8(bytes);
    if (invalidBytes > 0) {
      warnings.push(`${invalidBytes} byte(s) were not valid UTF-8 and were replaced by U+FFFD (�); if the text looks wrong, choose another encoding.`);
    }
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), replaced: invalidBytes };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), CODEC[encoding] ?? encoding, { stripBOM: false });
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const odd = bytes.length % 2;
    if (odd) warnings.push('The file ends in half a UTF-16 character; it was dropped.');
    return { text, replaced: odd };
  }
  // No encoding we decode maps a byte to U+FFFD, so each one stands for bytes with no character.
  let undefinedBytes = 0;
  for (const ch of text) if (ch === '\ufffd') undefinedBytes++;
  if (undefinedBytes > 0) {
    warnings.push(`${undefinedBytes} byte(s) have no character in ${encoding} and were replaced by U+FFFD (�); if the text looks wrong, choose another encoding.`);
  }
  return { text, replaced: undefinedBytes };
}

/** The text of bytes that are valid UTF-8, or null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const isUtf8 = (bytes: Uint8Array) => strictUtf8(bytes) !== null;

/** Valid UTF-8 needs no second decoding and no byte scan: the strict decoder's text is the text. */
function validUtf8(text: string, warnings: string[]): Decoded {
  return { text, encoding: 'utf-8', warnings, replaced: 0 };
}

function result(bytes: Uint8Array, encoding: EncodingName, warnings: string[]): Decoded {
  const { text, replaced } = decodeAs(bytes, encoding, warnings);
  return { text, encoding, warnings, replaced };
}

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const warnings: string[] = [];
  const bom = bomOf(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (body.length === 0) {
    throw new ArticleReadError('empty', bom ? 'The file holds only a byte order mark.' : 'The file is empty.');
  }

  if (opts.override !== undefined) {
    if (!ENCODING_NAMES.includes(opts.override)) {
      throw new ArticleReadError('unsupported-encoding', `Pilcrow cannot decode "${String(opts.override)}".`);
    }
    // A BOM is not text; drop it only when it belongs to the chosen encoding.
    return result(bom?.encoding === opts.override ? body : bytes, opts.override, warnings);
  }
  if (bom) return result(body, bom.encoding, warnings);

  const nul = nulVerdict(bytes);
  if (nul === 'binary') throw new ArticleReadError('binary', 'The file contains NUL bytes: it looks binary, not text.');
  if (nul !== 'none') {
    warnings.push(`No byte order mark; read as ${nul} because of where its NUL bytes are.`);
    return result(bytes, nul, warnings);
  }

  const meta = opts.html ? prescanMetaCharset(bytes) : null;
  if (meta && meta.encoding === null) {
    warnings.push(`The page declares charset "${meta.label}", which Pilcrow cannot decode; detecting instead.`);
  } else if (meta?.encoding === 'utf-8') {
    const strict = strictUtf8(bytes);
    if (strict !== null) return validUtf8(strict, warnings);
    if (looksLikeDamagedUtf8(scanUtf8(bytes))) return result(bytes, 'utf-8', warnings);
    // A legacy page with a copied-in UTF-8 <meta> would otherwise turn into a wall of U+FFFD.
    warnings.push(`The page declares charset "${meta.label}" but is not UTF-8; detecting instead.`);
  } else if (meta?.encoding) {
    // Pages re-saved as UTF-8 often keep a stale legacy <meta>; valid multi-byte UTF-8 is a far
    // stronger signal (legacy Persian text is practically never valid UTF-8).
    if (scanUtf8(bytes).multiByte > 0 && isUtf8(bytes)) {
      warnings.push(`The page declares charset "${meta.label}" but its bytes are valid UTF-8; read as UTF-8.`);
      return result(bytes, 'utf-8', warnings);
    }
    return result(bytes, meta.encoding, warnings);
  }

  const strict = strictUtf8(bytes);
  if (strict !== null) return validUtf8(strict, warnings);
  if (looksLikeDamagedUtf8(scanUtf8(bytes))) return result(bytes, 'utf-8', warnings);

  const guess = guessLegacyEncoding(bytes);
  const why = guess.correction
    ? ` (the detector said ${guess.detected ?? 'nothing'}; chose ${guess.encoding} because ${guess.correction})`
    : '';
  const confidence = guess.confidence.toFixed(2);
  warnings.push(
    `Encoding guessed as ${guess.encoding}${why}, confidence ${confidence}; if the text looks wrong, choose another encoding.`,
  );
  return result(bytes, guess.encoding, warnings);
}
