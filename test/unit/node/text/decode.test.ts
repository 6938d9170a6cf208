import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ArticleReadError, decodeBytes, type Decoded } from '../../../../src-main/node/text/decode';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/articles/${name}`, import.meta.url)));

// The text the fa-* fixtures were generated from (see test/fixtures/articles/make-fixtures.mjs).
const FA = [
  'گزارشگر ما از پژوهشگاه چای در لاهیجان خبر می‌دهد که برداشت برگ سبز آغاز شده است.',
  'کشاورزان می‌گویند امسال باران بیشتری باریده و کیفیت محصول بهتر است.',
  'این گزارش ۱۲\u00a0تصویر دارد و ژاله عکاس آن است.',
].join('\r\n') + '\r\n';

function readError(run: () => unknown): ArticleReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArticleReadError) return error;
    throw error;
  }
  throw new Error('expected an ArticleReadError');
}

describe('decodeBytes: Unicode', () => {
  it('reads UTF-8 without BOM exactly, keeping ZWNJ, NBSP and CRLF, with no warnings', () => {
    const decoded = decodeBytes(fixture('fa-utf8.txt'));
    expect(decoded).toEqual<Decoded>({ text: FA, encoding: 'utf-8', warnings: [], replaced: 0 });
    expect(decoded.text).toContain('می\u200cدهد');
    expect(decoded.text).toContain('\u00a0');
    expect(decoded.text.split('\r\n')).toHaveLength(4);
  });

  it('drops the UTF-8 BOM from the text', () => {
    const decoded = decodeBytes(fixture('fa-utf8-bom.txt'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(FA);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads UTF-16LE and UTF-16BE with a BOM, without the BOM', () => {
    expect(decodeBytes(fixture('fa-utf16le-bom.txt'))).toEqual({ text: FA, encoding: 'utf-16le', warnings: [], replaced: 0 });
    expect(decodeBytes(fixture('fa-utf16be-bom.txt'))).toEqual({ text: FA, encoding: 'utf-16be', warnings: [], replaced: 0 });
  });

  it('reads BOM-less UTF-16LE by the side its NUL bytes are on, and says so', () => {
    const decoded = decodeBytes(fixture('fa-utf16le-nobom.txt'));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(FA);
    expect(decoded.warnings.join()).toMatch(/NUL/);
  });

  it('reads BOM-less UTF-16BE English by the side its NUL bytes are on', () => {
    const decoded = decodeBytes(new Uint8Array(iconv.encode('Plain English news, line one.\n', 'utf-16be')));
    expect(decoded.encoding).toBe('utf-16be');
    expect(decoded.text).toBe('Plain English news, line one.\n');
  });

  it('decodes damaged UTF-8 with U+FFFD and names how many bytes were replaced', () => {
    const decoded = decodeBytes(fixture('fa-invalid-utf8.txt'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('خبر فوری:\ufffd بازار کتاب\ufffd امروز')).toBe(true);
    expect(decoded.warnings).toEqual([expect.stringMatching(/^2 byte\(s\) were not valid UTF-8/)]);
    expect(decoded.replaced).toBe(2);
  });

  it('keeps a UTF-8 file that ends in the middle of a character, flagging one byte', () => {
    const bytes = new Uint8Array(Buffer.from('خبر کوتاه', 'utf8').subarray(0, -1));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('خبر کوتا\ufffd');
    expect(decoded.warnings[0]).toMatch(/^1 byte/);
  });
});

describe('decodeBytes: legacy encodings', () => {
  it('detects Persian windows-1256 and keeps گ and پ (an ISO-8859-6 guess would lose them)', () => {
    const decoded = decodeBytes(fixture('fa-windows-1256.txt'));
    expect(decoded.encoding).toBe('windows-1256');
    for (const letter of ['گ', 'پ', 'چ', 'ژ', 'ک']) expect(decoded.text).toContain(letter);
    expect(decoded.text).not.toContain('\ufffd');
    expect(decoded.warnings.join()).toMatch(/guessed as windows-1256/);
  });

  it('keeps the Arabic yeh ي and the ZWNJ of a windows-1256 file as they are', () => {
    const { text } = decodeBytes(fixture('fa-windows-1256.txt'));
    expect(text).toContain('مي\u200cدهد');
    expect(text).not.toContain('ی');
    expect(text.startsWith('گزارشگر ما از پژوهشگاه چاي در لاهيجان')).toBe(true);
  });

  it('detects Arabic ISO-8859-6 when no Persian letters occur', () => {
    const decoded = decodeBytes(fixture('ar-iso-8859-6.txt'));
    expect(decoded.encoding).toBe('iso-8859-6');
    expect(decoded.text.startsWith('قال المتحدث باسم الوزارة')).toBe(true);
  });

  it('detects English windows-1252 with é and curly quotes', () => {
    const decoded = decodeBytes(fixture('en-windows-1252.txt'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('The café’s new menu opened on Monday.\nCritics called it “bold”, and the chef’s résumé is long.\n');
  });

  it('lets an override force the encoding (ISO-8859-6 really does destroy Persian letters)', () => {
    const forced = decodeBytes(fixture('fa-windows-1256.txt'), { override: 'iso-8859-6' });
    expect(forced.encoding).toBe('iso-8859-6');
    expect(forced.text).not.toContain('گ');
    expect(forced.text).toContain('\ufffd');
    expect(forced.warnings.join()).toMatch(/no character in iso-8859-6/);
  });

  it('drops a BOM under an override only when it belongs to the chosen encoding', () => {
    expect(decodeBytes(fixture('fa-utf8-bom.txt'), { override: 'utf-8' }).text).toBe(FA);
    expect(decodeBytes(fixture('fa-utf8-bom.txt'), { override: 'windows-1252' }).text.startsWith('ï»¿')).toBe(true);
  });

  it('refuses an override it cannot decode', () => {
    const error = readError(() => decodeBytes(fixture('fa-utf8.txt'), { override: 'koi8-r' as never }));
    expect(error.code).toBe('unsupported-encoding');
  });
});

describe('decodeBytes: refusals', () => {
  it('refuses binary files with NUL bytes on both byte parities', () => {
    expect(readError(() => decodeBytes(fixture('binary.bin'))).code).toBe('binary');
  });

  it('refuses a text file with a stray NUL byte as binary', () => {
    const bytes = new Uint8Array(Buffer.from('abc\u0000def', 'utf8'));
    expect(readError(() => decodeBytes(bytes)).code).toBe('binary');
  });

  it('refuses empty files and files holding only a BOM', () => {
    expect(readError(() => decodeBytes(fixture('empty.txt'))).code).toBe('empty');
    expect(readError(() => decodeBytes(fixture('bom-only.txt'))).code).toBe('empty');
    expect(readError(() => decodeBytes(new Uint8Array([0xff, 0xfe]))).code).toBe('empty');
  });
});

describe('decodeBytes: HTML <meta charset>', () => {
  it('follows <meta charset="windows-1256"> without guessing', () => {
    const decoded = decodeBytes(fixture('fa-windows-1256.html'), { html: true });
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.text).toContain('<title>پيک چاي</title>');
  });

  it('follows an http-equiv Content-Type charset', () => {
    const page = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>گل</p>';
    const decoded = decodeBytes(new Uint8Array(iconv.encode(page, 'windows-1256')), { html: true });
    expect(decoded).toEqual({ text: page, encoding: 'windows-1256', warnings: [], replaced: 0 });
  });

  it('ignores <meta> unless asked to treat the bytes as HTML', () => {
    const decoded = decodeBytes(fixture('fa-windows-1256.html'));
    expect(decoded.warnings.join()).toMatch(/guessed/);
  });

  it('reads a page re-saved as UTF-8 with a stale legacy <meta> as UTF-8, and says so', () => {
    const page = '<meta charset="windows-1256"><p>گزارش تازه</p>';
    const decoded = decodeBytes(new Uint8Array(Buffer.from(page, 'utf8')), { html: true });
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(page);
    expect(decoded.warnings.join()).toMatch(/valid UTF-8/);
  });

  it('detects a legacy page whose <meta> wrongly claims UTF-8', () => {
    const page = '<meta charset="utf-8"><p>گزارشگر ما از پژوهشگاه چاي خبر مي‌دهد که برداشت برگ آغاز شده است.</p>';
    const decoded = decodeBytes(new Uint8Array(iconv.encode(page, 'windows-1256')), { html: true });
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.text).toBe(page);
  });

  it('ignores a <meta> outside the first 1024 bytes', () => {
    const page = `<!--${'x'.repeat(1100)}--><meta charset="windows-1256"><p>Café</p>`;
    const decoded = decodeBytes(new Uint8Array(iconv.encode(page, 'windows-1252')), { html: true });
    expect(decoded.warnings.join()).toMatch(/guessed/);
  });
});

describe('decodeBytes: Chinese, Japanese and Korean legacy encodings', () => {
  // The texts the fixtures were generated from (test/fixtures/articles/make-fixtures.mjs).
  const firstLine = {
    'zh-gbk.txt': '市议会周二投票决定在火车站旁边建设一座新的图书馆，预计明年开放。',
    'zh-big5.txt': '市議會週二投票決定在火車站旁邊建設一座新的圖書館，預計明年開放。',
    'ja-shift_jis.txt': '市議会は火曜日、駅の隣に新しい図書館を建てることを決めました。',
    'ja-euc-jp.txt': '市議会は火曜日、駅の隣に新しい図書館を建てることを決めました。',
    'ko-euc-kr.txt': '시의회는 화요일에 기차역 옆에 새 도서관을 짓기로 결정했습니다.',
  };

  it.each([
    ['zh-gbk.txt', 'gbk'],
    ['zh-big5.txt', 'big5'],
    ['ja-shift_jis.txt', 'shift_jis'],
    ['ja-euc-jp.txt', 'euc-jp'],
    ['ko-euc-kr.txt', 'euc-kr'],
  ] as const)('detects %s as %s and decodes it without loss, saying it guessed', (name, encoding) => {
    const decoded = decodeBytes(fixture(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.replaced).toBe(0);
    expect(decoded.text.split('\n')[0]).toBe(firstLine[name]);
    expect(decoded.warnings.join()).toMatch(new RegExp(`guessed as ${encoding}`));
  });

  it('reads a page declaring charset=gb2312 as GBK', () => {
    const decoded = decodeBytes(fixture('zh-gb2312.html'), { html: true });
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.text).toContain(firstLine['zh-gbk.txt']);
    expect(decoded.warnings).toEqual([]);
  });

  it('decodes a four-byte GB18030 character, and reads a GBK file as GB18030 when the editor chooses it', () => {
    const withEuro = iconv.encode('价格上涨了 € 和 𠀀 两个字符都在这里，市议会决定建设图书馆。', 'gb18030');
    const decoded = decodeBytes(new Uint8Array(withEuro));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('𠀀');
    expect(decodeBytes(fixture('zh-gbk.txt'), { override: 'gb18030' }).text.split('\n')[0]).toBe(firstLine['zh-gbk.txt']);
  });

  it('still reads Persian windows-1256 and Arabic ISO-8859-6 as before, with the CJK detectors on', () => {
    expect(decodeBytes(fixture('fa-windows-1256.txt')).encoding).toBe('windows-1256');
    expect(decodeBytes(fixture('ar-iso-8859-6.txt')).encoding).toBe('iso-8859-6');
  });
});
