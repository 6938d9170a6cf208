import { describe, expect, it } from 'vitest';
import { csvRow } from '../../../src-main/core/csv';

describe('CSV rows (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubles quotes, and ends rows with CRLF', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', 3, null, 'گفت، «سلام»'])).toBe('a,"b,c","say ""hi""","two\nlines",3,,گفت، «سلام»\r\n');
  });
});
