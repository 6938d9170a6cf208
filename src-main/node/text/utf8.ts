/**
 * Counting how much of a byte string is well-formed UTF-8, to tell "UTF-8 with a few damaged
 * bytes" (decode with U+FFFD and say so) from "a legacy encoding" (detect it).
 */
export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes. */
  multiByte: number;
  /** Bytes that are not part of any well-formed sequence (each becomes part of a U+FFFD). */
  invalidBytes: number;
}

/** Length of the well-formed sequence starting at i, or 0. Ranges follow the WHATWG decoder. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) low = 0xa0; // overlong
    if (b0 === 0xed) high = 0x9f; // surrogates
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) low = 0x90; // overlong
    if (b0 === 0xf4) high = 0x8f; // above U+10FFFF
  } else return 0;
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    if (b === undefined) return 0;
    if (k === 1 ? b < low || b > high : b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalidBytes = 0;
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      multiByte++;
      i += length;
    } else {
      invalidBytes++;
      i++;
    }
  }
  return { multiByte, invalidBytes };
}

/**
 * "Clearly meant as UTF-8": most non-ASCII bytes form valid sequences. Legacy Arabic-script
 * encodings produce almost no valid sequences (a letter byte 0xC1–0xFE is rarely followed by a
 * continuation byte), so a 4:1 majority is a wide margin.
 */
export function looksLikeDamagedUtf8(scan: Utf8Scan): boolean {
  return scan.multiByte >= 2 && scan.multiByte >= 4 * scan.invalidBytes;
}
