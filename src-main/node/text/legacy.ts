/**
 * Guessing a legacy encoding with jschardet: the Arabic-script and Western single-byte ones, and
 * the Chinese, Japanese and Korean multi-byte ones (GB2312/GBK/GB18030, Big5, Shift_JIS, EUC-JP,
 * EUC-KR). Corrected where chardet-style detectors are known to fail on Persian: they call short
 * Persian windows-1256 text ISO-8859-6, which turns پ چ ژ گ ک into nothing (ISO-8859-6 has no
 * Persian letters at all).
 */
import { createRequire } from 'node:module';
import type { GuessCorrection } from '../../shared/messages/articles';
import type Jschardet from 'jschardet';
import { encodingFromLabel, type EncodingName } from './labels';

let loaded: typeof Jschardet | null = null;
/**
 * jschardet, loaded by the first guess: loading it took ~85 ms CPU of every CLI command's start
 * (docs/performance.md), and most files are UTF-8 and never need it. Required (its one-file
 * CommonJS build), since a guess is synchronous.
 */
function jschardet(): typeof Jschardet {
  return (loaded ??= createRequire(import.meta.url)('jschardet') as typeof Jschardet);
}

const DETECTABLE = ['windows-1256', 'iso-8859-6', 'utf-16le', 'utf-16be', 'windows-1252', 'GB2312', 'GB18030', 'Big5', 'SHIFT_JIS', 'EUC-JP', 'EUC-KR'];
/** jschardet reads at most this much anyway (its DEFAULT_MAX_BYTES). */
const SAMPLE_BYTES = 200_000;

/** پ چ ژ گ ک in windows-1256: undefined in ISO-8859-6, undefined or rare symbols in windows-1252. */
const PERSIAN_1256 = new Set([0x81, 0x8d, 0x8e, 0x90, 0x98]);
/** Bytes with no character in windows-1252 (ZWNJ is 0x9D in windows-1256). */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** ISO-8859-6 defines only these high bytes; any other high byte rules it out. */
function definedInIso88596(b: number): boolean {
  return (
    b < 0xa0 || b === 0xa0 || b === 0xa4 || b === 0xac || b === 0xad || b === 0xbb || b === 0xbf ||
    (b >= 0xc1 && b <= 0xda) || (b >= 0xe0 && b <= 0xf2)
  );
}

function hasFourByteGb18030(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x81 || b === 0xff) continue;
    const next = bytes[i + 1]!;
    if (next >= 0x30 && next <= 0x39) return true;
    i++; // the trail byte of a two-byte character
  }
  return false;
}

export interface LegacyGuess {
  encoding: EncodingName;
  /** What jschardet said before our corrections (null when it named nothing we decode). */
  detected: EncodingName | null;
  confidence: number;
  /** Why the guess was corrected, if it was. */
  correction?: GuessCorrection;
}

export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const result = jschardet().detect(sample, { detectEncodings: DETECTABLE });
  const detected = encodingFromLabel(result.encoding ?? '');
  let persian = false;
  let notIso = false;
  let not1252 = false;
  for (const b of sample) {
    if (b < 0x80) continue;
    if (PERSIAN_1256.has(b)) persian = true;
    if (UNDEFINED_1252.has(b)) not1252 = true;
    if (!definedInIso88596(b)) notIso = true;
  }
  const guess = (encoding: EncodingName, correction?: GuessCorrection): LegacyGuess => ({
    encoding,
    detected,
    confidence: result.confidence,
    ...(correction ? { correction } : {}),
  });
  // GB18030 only differs from GBK by four-byte sequences (a digit byte second); without them the page is GBK.
  if (detected === 'gb18030' && !hasFourByteGb18030(sample)) return guess('gbk');
  if (detected === 'iso-8859-6' && persian) return guess('windows-1256', 'persian-letters');
  if (detected === 'iso-8859-6' && notIso) return guess('windows-1256', 'undefined-in-iso-8859-6');
  if (detected === 'windows-1252' && persian && not1252) {
    return guess('windows-1256', 'undefined-in-windows-1252');
  }
  // Nothing usable: this app's legacy files are overwhelmingly Persian windows-1256.
  if (detected === null || detected === 'utf-8') return guess('windows-1256', 'no-candidate');
  return guess(detected);
}
