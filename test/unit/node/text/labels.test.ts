import { describe, expect, it } from 'vitest';
import { encodingFromLabel, prescanMetaCharset } from '../../../../src-main/node/text/labels';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('encoding labels', () => {
  it('maps WHATWG labels and jschardet spellings to lower-case WHATWG names', () => {
    expect(encodingFromLabel(' CP1256 ')).toBe('windows-1256');
    expect(encodingFromLabel('Windows-1256')).toBe('windows-1256');
    expect(encodingFromLabel('ISO_8859-6')).toBe('iso-8859-6');
    expect(encodingFromLabel('latin1')).toBe('windows-1252');
    expect(encodingFromLabel('utf-16-le')).toBe('utf-16le');
    // Chinese, Japanese and Korean names (issue 14); GB2312 is read as its superset GBK.
    expect(encodingFromLabel('GB2312')).toBe('gbk');
    expect(encodingFromLabel('Shift_JIS')).toBe('shift_jis');
    expect(encodingFromLabel('EUC-KR')).toBe('euc-kr');
    expect(encodingFromLabel('Big5')).toBe('big5');
    expect(encodingFromLabel('koi8-r')).toBeNull();
  });
});

describe('prescanMetaCharset', () => {
  it('finds <meta charset> with or without quotes', () => {
    expect(prescanMetaCharset(ascii('<html><head><meta charset=windows-1256>'))).toEqual({ label: 'windows-1256', encoding: 'windows-1256' });
    expect(prescanMetaCharset(ascii('<META CHARSET="ISO-8859-6">'))?.encoding).toBe('iso-8859-6');
  });

  it('finds the charset in an http-equiv Content-Type whatever the attribute order', () => {
    const tag = '<meta content="text/html; charset=windows-1256" http-equiv="Content-Type">';
    expect(prescanMetaCharset(ascii(tag))?.encoding).toBe('windows-1256');
  });

  it('ignores charsets in other metas and in comments', () => {
    expect(prescanMetaCharset(ascii('<meta name="description" content="charset=windows-1256">'))).toBeNull();
    expect(prescanMetaCharset(ascii('<!-- <meta charset="windows-1256"> -->'))).toBeNull();
  });

  it('reads a declared UTF-16 as UTF-8, as the HTML spec does for a byte-level prescan', () => {
    expect(prescanMetaCharset(ascii('<meta charset="utf-16">'))?.encoding).toBe('utf-8');
  });

  it('reports an unsupported charset label with a null encoding', () => {
    expect(prescanMetaCharset(ascii('<meta charset="koi8-r">'))).toEqual({ label: 'koi8-r', encoding: null });
  });
});
