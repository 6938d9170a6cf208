import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../../src-main/node/formats/docx';
import type { ExtractedArticle } from '../../../../src-main/node/formats/extracted';
import { checkZipBomb, readCentralDirectory } from '../../../../src-main/node/formats/zip';
import { ArticleReadError } from '../../../../src-main/node/text/errors';
import { docx, docxWithNotes, noteReference, wordParagraph, wordReport, zip } from './zip-writer';

const paragraphsOf = (article: ExtractedArticle) => article.blocks.map((b) => article.text.slice(b.start, b.end));

async function readError(run: () => Promise<unknown>): Promise<ArticleReadError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ArticleReadError) return error;
    throw error;
  }
  throw new Error('expected an ArticleReadError');
}

const persianDocx = docx(
  [
    wordParagraph('برداشت چای آغاز شد', 'Heading1'),
    wordParagraph('گزارشگر ما خبر می\u200cدهد که کتاب\u200cها رسید.'),
    wordParagraph(''),
    wordParagraph('کشاورزان می\u200cگویند باران آمد\nبا این حال محصول خوب است ۱۴۰۳.'),
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>خانه یک</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>خانه دو</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
  ].join(''),
);

describe('extractDocx', () => {
  it('reads Persian paragraphs from a real .docx, keeping ZWNJ and Persian digits', async () => {
    const article = await extractDocx(persianDocx);
    expect(paragraphsOf(article)).toEqual([
      'برداشت چای آغاز شد',
      'گزارشگر ما خبر می\u200cدهد که کتاب\u200cها رسید.',
      'کشاورزان می\u200cگویند باران آمد\nبا این حال محصول خوب است ۱۴۰۳.',
      'خانه یک',
      'خانه دو',
    ]);
  });

  it('keeps a Word line break as "\\n" (mammoth\'s raw text would glue «آمد» and «با»)', async () => {
    const article = await extractDocx(persianDocx);
    expect(article.text).toContain('آمد\nبا');
  });

  it('infers right-to-left from the script, since mammoth drops Word\'s RTL flag', async () => {
    expect((await extractDocx(persianDocx)).direction).toBe('rtl');
    expect((await extractDocx(docx(wordParagraph('Plain English report.')))).direction).toBe('ltr');
  });

  it('takes the first paragraph as the title and hides style-map chatter', async () => {
    const article = await extractDocx(persianDocx);
    expect(article.title).toBe('برداشت چای آغاز شد');
    expect(article.warnings).toEqual([]);
  });

  it('reads stored (uncompressed) entries too', async () => {
    const stored = zip([{ name: 'word/document.xml', store: true, data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>ذخیره</w:t></w:r></w:p></w:body></w:document>' }]);
    expect(paragraphsOf(await extractDocx(stored))).toEqual(['ذخیره']);
  });

  it('refuses a file that is not a zip archive', async () => {
    const notZip = new Uint8Array(Buffer.from('این یک فایل متنی است، نه ورد.', 'utf8'));
    expect((await readError(() => extractDocx(notZip))).code).toBe('bad-docx');
  });

  it('refuses a zip without word/document.xml', async () => {
    const other = zip([{ name: 'readme.txt', data: 'hello' }]);
    const error = await readError(() => extractDocx(other));
    expect(error.code).toBe('bad-docx');
    expect(error.message).toMatch(/document\.xml/);
  });

  it('refuses a zip bomb by the sizes its central directory declares, before inflating', async () => {
    // Declares 300 MB (a real 300 MB of zeros deflates to ~300 KB but takes seconds to build).
    const bomb = docx(wordParagraph('بمب'), [{ name: 'word/media/zeros.bin', data: new Uint8Array(1024), declaredSize: 300 * 1024 * 1024 }]);
    const error = await readError(() => extractDocx(bomb));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/expand to 300\.0 MB/);
  });

  it('refuses a real highly compressed archive (20 MB of zeros in ~20 KB) by its ratio', async () => {
    const dense = docx(wordParagraph('فشرده'), [{ name: 'word/media/zeros.bin', data: new Uint8Array(20 * 1024 * 1024) }]);
    expect(dense.length).toBeLessThan(100 * 1024);
    await expect(checkZipBomb(dense)).rejects.toThrow(/looks like a zip bomb/);
  });

  it('accepts a small, very repetitive document (ratio alone is not a bomb below 10 MB)', async () => {
    const repetitive = docx(wordParagraph('تکرار '.repeat(50_000)));
    expect(paragraphsOf(await extractDocx(repetitive))).toHaveLength(1);
  });

  it('refuses an entry that inflates beyond the size its headers declare', async () => {
    const liar = docx(wordParagraph('دروغ'), [{ name: 'word/media/zeros.bin', data: new Uint8Array(5 * 1024 * 1024), declaredSize: 1000 }]);
    const error = await readError(() => extractDocx(liar));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/beyond the size it declares/);
  });

  it('refuses more Word XML than can be read in bounded memory (11 MB), before mammoth sees it', async () => {
    // 1,500 pages of Word markup: within the old limits (200 MB, ratio 100), about 700 MB to read.
    const huge = docx(wordReport(1500));
    const error = await readError(() => extractDocx(huge));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^This \.docx holds 1\d\.\d MB of XML once unpacked; Pilcrow reads Word documents with up to 10\.0 MB of XML \(about 1,400 pages\)\. Split the document, or save it as plain text \(\.txt\), which Pilcrow reads up to 20 MB\.$/);
  });

  it('refuses more text than the text budget (5.6 MB of text in as much XML)', async () => {
    const dense = docx(`<w:p><w:r><w:t>${'متن '.repeat(800_000)}</w:t></w:r></w:p>`);
    const error = await readError(() => extractDocx(dense));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^This \.docx holds more than 5\.0 MB of text; Pilcrow reads Word documents with up to 5\.0 MB of text\./);
  });

  it('lets a real large document through the budgets (1,000 pages: 7.3 MB of XML, 3.8 MB of text)', async () => {
    const report = docx(wordReport(1000));
    expect((await checkZipBomb(report)).map((e) => e.name)).toContain('word/document.xml');
  });

  it('refuses XML that lies about its size without inflating more than it declared', async () => {
    const liar = docx(wordReport(10), [{ name: 'word/footnotes.xml', data: `<x>${'y'.repeat(4_000_000)}</x>`, declaredSize: 100 }]);
    expect((await readError(() => extractDocx(liar))).message).toMatch(/footnotes\.xml of this \.docx expands beyond the size it declares/);
  });

  it('reads the central directory of the test zips', () => {
    expect(readCentralDirectory(persianDocx).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('moves footnotes and endnotes to paragraphs of their own at the end, with no reference artefacts in the body', async () => {
    const body =
      `<w:p><w:r><w:t>Ouch</w:t></w:r>${noteReference('footnote', 1)}<w:r><w:t>.</w:t></w:r>${noteReference('endnote', 1)}</w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">وزیر گفت </w:t></w:r>${noteReference('footnote', 2)}<w:r><w:t>آب کافی است.</w:t></w:r>${noteReference('footnote', 1)}</w:p>`;
    const article = await extractDocx(
      docxWithNotes(body, {
        footnotes: [{ id: 1, paragraphs: ['A stubbed toe.'] }, { id: 2, paragraphs: ['خبرگزاری ایسنا،', 'ساعت ۱۰'] }],
        endnotes: [{ id: 1, paragraphs: ['Reported on Tuesday.'] }],
      }),
    );
    expect(paragraphsOf(article)).toEqual(['Ouch.', 'وزیر گفت آب کافی است.', '[1] A stubbed toe.', '[i] Reported on Tuesday.', '[2] خبرگزاری ایسنا،\nساعت ۱۰']);
    expect(article.text).not.toMatch(/\[\d\]\.|↑/);
    expect(article.warnings).toEqual([]);
  });

  it('says in one line that a Word document whose text is cut short is damaged', async () => {
    const body = Array.from({ length: 20 }, (_, i) => wordParagraph(`بند ${i} از یک خبر بلند`)).join('');
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const cut = zip([{ name: 'word/document.xml', data: xml.slice(0, Math.floor(xml.length / 2)) }]);
    const error = await readError(() => extractDocx(cut));
    expect(error.code).toBe('bad-docx');
    expect(error.message).toBe('This Word document is damaged: its text is cut short or is not valid XML. Open it in Word and save it again, or get a complete copy.');
  });
});
