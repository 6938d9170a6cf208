/** `pilcrow segment` on every format, with --encoding, --segmentation and warnings. */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/pilcrow';
import { docx, wordParagraph } from '../node/formats/zip-writer';
import { tempDir } from '../node/temp';

const FIXTURES = join(import.meta.dirname, '../../fixtures/articles');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function fixture(name: string, as = name): Promise<string> {
  const file = join(await tempDir('cli'), as);
  await copyFile(join(FIXTURES, name), file);
  return file;
}

const slices = (doc: { text: string; paragraphs: { start: number; end: number; text: string }[] }) => {
  const points = [...doc.text];
  return doc.paragraphs.every((p) => points.slice(p.start, p.end).join('') === p.text);
};

describe('pilcrow segment on every format', () => {
  it('reads a saved HTML page with its encoding, title, direction and exact offsets', async () => {
    const { code, out } = await run('segment', await fixture('news-page.html'), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ format: 'html', segmentation: 'structure', encoding: 'utf-8', direction: 'rtl', lang: 'fa', title: 'برداشت چای آغاز شد | خبرگزاری نمونه' });
    expect(slices(doc)).toBe(true);
  });

  it('reads a Word file', async () => {
    const file = join(await tempDir('cli'), 'word.docx');
    await writeFile(file, docx([wordParagraph('تیتر'), wordParagraph('متن ۱۴۰۳')].join('')));
    const doc = JSON.parse((await run('segment', file, '--json')).out);
    expect(doc).toMatchObject({ format: 'docx', encoding: 'utf-8', direction: 'rtl' });
    expect(doc.paragraphs.map((p: { text: string }) => p.text)).toEqual(['تیتر', 'متن ۱۴۰۳']);
  });

  it('reads a .jsonl as one article per line, listing skipped lines, with warnings on stderr', async () => {
    const { code, out, err } = await run('segment', await fixture('articles.jsonl'), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.articles.map((a: { key: string }) => a.key)).toEqual(['a1', 'line-2', '7', 'a1#line-7']);
    expect(doc.articles.every(slices)).toBe(true);
    expect(doc.skipped.map((s: { key: string }) => s.key)).toEqual(['line-3', 'line-4', 'line-8', 'line-9']);
    // The four skipped lines, and the article whose id repeats (an article's own warning, which --json lists under it).
    expect(err.split('\n')).toHaveLength(5);
    expect(err).toMatch(/^pilcrow: warning: .*articles\.jsonl: .*line 7: id "a1" was already used/);
    expect(err).toMatch(/\npilcrow: warning: .*articles\.jsonl: .*line 3/);
  });

  it('names the encoding in WHATWG lower case and takes --encoding to override it', async () => {
    const file = await fixture('fa-windows-1256.txt');
    expect(JSON.parse((await run('segment', file, '--json')).out).encoding).toBe('windows-1256');
    const forced = JSON.parse((await run('segment', file, '--json', '--encoding', 'ISO-8859-6')).out);
    expect(forced.encoding).toBe('iso-8859-6');
    expect(forced.warnings.join(' ')).toMatch(/no character in iso-8859-6/);
    expect(JSON.parse((await run('segment', await fixture('fa-utf16le-nobom.txt'), '--json')).out).encoding).toBe('utf-16le');
    // Shift_JIS became readable with issue 14 (Chinese, Japanese and Korean pages); KOI8-R is not.
    expect(await run('segment', file, '--encoding', 'koi8-r')).toMatchObject({ code: 1, err: expect.stringMatching(/^pilcrow: --encoding koi8-r: Pilcrow cannot decode that/) });
  });

  it('says when it read a text as hard-wrapped, and how to switch, on stderr and in "warnings"; not for a brief of whole-sentence lines nor when the rule was chosen', async () => {
    const wrapped = await fixture('hard-wrapped-72.txt');
    const { code, out, err } = await run('segment', wrapped, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.segmentation).toBe('blocks');
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.warnings).toEqual([expect.stringMatching(/^Read as hard-wrapped text: .*choose "One per line" under Paragraphs\.$/)]);
    expect(err).toContain('Read as hard-wrapped text');
    expect(JSON.parse((await run('segment', wrapped, '--json', '--segmentation', 'blocks')).out).warnings).toEqual([]);
    const brief = JSON.parse((await run('segment', await fixture('brief-en.txt'), '--json')).out);
    expect([brief.segmentation, brief.paragraphs.length, brief.warnings]).toEqual(['lines', 4, []]);
  });

  it('flags invalid UTF-8 on stderr and in "warnings", and still prints the paragraphs', async () => {
    const { code, out, err } = await run('segment', await fixture('fa-invalid-utf8.txt'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).warnings).toEqual([expect.stringMatching(/^2 byte\(s\) were not valid UTF-8/)]);
    expect(err).toMatch(/^pilcrow: warning: .*fa-invalid-utf8\.txt: 2 byte\(s\)/);
  });

  it('switches plain-text segmentation with --segmentation', async () => {
    const file = join(await tempDir('cli'), 'a.txt');
    await writeFile(file, 'one\ntwo\n\nthree');
    expect(JSON.parse((await run('segment', file, '--json', '--segmentation', 'blocks')).out).paragraphs).toHaveLength(2);
    expect((await run('segment', file, '--segmentation', 'words')).err).toBe('pilcrow: --segmentation words: use lines, blocks, markdown');
  });

  it('exits 1 with one line naming the file and the reason for each bad file', async () => {
    const dir = await tempDir('cli');
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'fake.docx'), 'plain text');
    await writeFile(join(dir, 'bad.jsonl'), 'nope\n');
    const cases: [string, RegExp][] = [
      ['empty.txt', /empty\.txt: the file is empty$/],
      ['fake.docx', /fake\.docx: This is not a Word \.docx file \(not a zip archive\)\.$/],
      ['bad.jsonl', /bad\.jsonl has no readable article/],
    ];
    for (const [name, message] of cases) {
      const result = await run('segment', join(dir, name));
      expect(result.code).toBe(1);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(message);
    }
    expect((await run('segment', await fixture('binary.bin', 'blob.txt'))).err).toMatch(/blob\.txt: The file contains NUL bytes/);
    expect((await run('segment', join(dir, 'x.pdf'))).err).toMatch(/x\.pdf: not an article file \(expected \.txt, \.md/);
  });

  it('prints a Word document\'s warnings on stderr too, as --json lists them', async () => {
    const file = join(await tempDir('cli'), 'blank.docx');
    await writeFile(file, docx(wordParagraph('')));
    const { code, out, err } = await run('segment', file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).warnings).toEqual(['The Word document has no text.']);
    expect(err).toBe(`pilcrow: warning: ${file}: The Word document has no text.`);
  });
});
