/**
 * Encoding labels: the names core/encodings.ts lists, and every WHATWG label (plus the spellings
 * jschardet returns) that means one of them.
 */
import { ENCODING_NAMES, type EncodingName } from '../../core/encodings';

export { ENCODING_NAMES, type EncodingName };

/** WHATWG labels (plus the spellings jschardet returns) for the encodings we support. */
const LABELS: Record<string, EncodingName> = {};
const ALIASES: Record<EncodingName, string[]> = {
  'utf-8': ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'],
  'utf-16le': ['utf-16le', 'utf-16', 'utf-16-le', 'ucs-2', 'unicode', 'unicodefeff', 'csunicode', 'iso-10646-ucs-2'],
  'utf-16be': ['utf-16be', 'utf-16-be', 'unicodefffe'],
  'windows-1256': ['windows-1256', 'cp1256', 'x-cp1256'],
  'iso-8859-6': [
    'iso-8859-6', 'arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114',
    'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6', 'iso_8859-6:1987',
  ],
  'windows-1252': [
    'windows-1252', 'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
    'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
    'x-cp1252',
  ],
  gbk: ['gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'chinese', 'csgb2312', 'csiso58gb231280', 'iso-ir-58', 'x-gbk', 'cp936', 'euc-cn'],
  gb18030: ['gb18030'],
  big5: ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  shift_jis: ['shift_jis', 'csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'sjis', 'windows-31j', 'x-sjis'],
  'euc-jp': ['euc-jp', 'cseucpkdfmtjapanese', 'x-euc-jp'],
  'euc-kr': ['euc-kr', 'cseuckr', 'csksc56011987', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949', 'cp949'],
};
for (const [name, labels] of Object.entries(ALIASES)) {
  for (const label of labels) LABELS[label] = name as EncodingName;
}

/** The encoding a label names (case and surrounding space ignored), or null if unsupported. */
export function encodingFromLabel(label: string): EncodingName | null {
  return LABELS[label.trim().toLowerCase()] ?? null;
}

export interface MetaCharset {
  label: string;
  encoding: EncodingName | null;
}

const PRESCAN_BYTES = 1024;
const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i;
const HTTP_EQUIV = /\bhttp-equiv\s*=\s*["']?\s*content-type/i;

/**
 * A simplified WHATWG prescan: the first `<meta charset>` or `<meta http-equiv="Content-Type"
 * content="...; charset=...">` in the first 1024 bytes. Read as latin1 so every byte is one char.
 */
export function prescanMetaCharset(bytes: Uint8Array): MetaCharset | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(META_TAG)) {
    const tag = match[0];
    const direct = /\bcharset\s*=/i.test(tag) && !/\bcontent\s*=/i.test(tag);
    if (!direct && !HTTP_EQUIV.test(tag)) continue;
    const label = CHARSET_ATTR.exec(tag)?.[1];
    if (!label) continue;
    // A byte-level prescan that found ASCII "<meta" cannot be UTF-16: the spec says use UTF-8.
    const named = encodingFromLabel(label);
    const encoding = named === 'utf-16le' || named === 'utf-16be' ? 'utf-8' : named;
    return { label, encoding };
  }
  return null;
}
