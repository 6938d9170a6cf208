/**
 * The encodings Pilcrow decodes: the ones its editors' files come in. Every name is the WHATWG
 * name in lower case, so the UI can show it and offer it as an override (node/text decodes).
 */
export const ENCODING_NAMES = [
  'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6', 'windows-1252',
  // Chinese (GB2312 is read as GBK, its superset), Japanese and Korean legacy pages.
  'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr',
] as const;

export type EncodingName = (typeof ENCODING_NAMES)[number];
