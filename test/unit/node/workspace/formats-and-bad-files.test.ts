/**
 * A real workspace folder with every format and every kind of bad file: each good article
 * reads with its paragraphs and code-point offsets, each bad file is one entry with a specific
 * message, and nothing stops the rest from opening.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../../src-main/node/annotations/store';
import { articleIdFor } from '../../../../src-main/node/workspace/article-id';
import { readArticle } from '../../../../src-main/node/workspace/read-article';
import { Workspace, type ArticleEntry } from '../../../../src-main/node/workspace/workspace';
import { docx, wordParagraph } from '../formats/zip-writer';
import { tempDir } from '../temp';
import { NEWS_ARTICLE } from '../../../support/seed-article';
import { english } from '../../../support/english';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/articles');

let root: string;
let ws: string;
let entries: Map<string, ArticleEntry>;

const ok = (path: string) => {
  const entry = entries.get(path);
  if (!entry?.ok) throw new Error(`${path} should be readable: ${entry && !entry.ok ? entry.error : 'not listed'}`);
  return entry.article;
};
const error = (path: string) => {
  const entry = entries.get(path);
  if (!entry || entry.ok) throw new Error(`${path} should be an error entry`);
  return entry.error;
};
const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

beforeAll(async () => {
  root = await tempDir('formats');
  ws = join(root, 'ws');
  await mkdir(join(ws, 'fa', 'deep', 'deeper'), { recursive: true });
  await mkdir(join(ws, 'en'), { recursive: true });
  await mkdir(join(ws, 'bad'), { recursive: true });
  await mkdir(join(ws, '.hidden'), { recursive: true });
  await mkdir(join(ws, '.pilcrow'), { recursive: true });
  await copyFile(NEWS_ARTICLE, join(ws, 'fa', 'news.txt'));
  await copyFile(join(FIXTURES, 'fa-windows-1256.txt'), join(ws, 'fa', 'legacy-1256.txt'));
  await copyFile(join(FIXTURES, 'fa-utf16le-bom.txt'), join(ws, 'fa', 'deep', 'deeper', 'utf16.txt'));
  await copyFile(join(FIXTURES, 'fa-windows-1256.html'), join(ws, 'fa', 'page-1256.htm'));
  await copyFile(join(FIXTURES, 'news-page.html'), join(ws, 'fa', 'news-page.html'));
  await copyFile(join(FIXTURES, 'articles.jsonl'), join(ws, 'batch.jsonl'));
  await copyFile(join(FIXTURES, 'en-windows-1252.txt'), join(ws, 'en', 'cafe-1252.txt'));
  await writeFile(join(ws, 'en', 'notes.md'), '# Harbour notes\n\nThe ferry\nwas late.\n\n- first item\n- second item\n');
  await writeFile(join(ws, 'fa', 'word.docx'), docx([wordParagraph('تیتر سند ورد', 'Heading1'), wordParagraph('متن سند با نیم‌فاصله و عدد ۱۴۰۳.')].join('')));
  await writeFile(join(ws, '.hidden', 'secret.txt'), 'hidden');
  await writeFile(join(ws, '.pilcrow', 'x.txt'), 'ours');
  await writeFile(join(ws, 'fa', '~$word.docx'), 'Word lock file');
  await writeFile(join(ws, 'fa', 'image.png'), 'not an article');
  // Bad files.
  await copyFile(join(FIXTURES, 'binary.bin'), join(ws, 'bad', 'binary.txt'));
  await writeFile(join(ws, 'bad', 'empty.txt'), '');
  await writeFile(join(ws, 'bad', 'huge.txt'), 'x');
  await truncate(join(ws, 'bad', 'huge.txt'), 21 * 1024 * 1024);
  await copyFile(join(FIXTURES, 'fa-invalid-utf8.txt'), join(ws, 'bad', 'invalid-utf8.txt'));
  await writeFile(join(root, 'outside.txt'), 'a secret outside the workspace');
  await symlink(join(root, 'outside.txt'), join(ws, 'bad', 'link-out.txt'));
  await symlink(join(ws, 'fa', 'news.txt'), join(ws, 'fa', 'link-in.txt'));
  await symlink(join(ws, 'bad', 'nowhere.txt'), join(ws, 'bad', 'dangling.txt'));
  await writeFile(join(ws, 'bad', 'not-a-zip.docx'), 'This is plain text saved with a .docx name.');
  await writeFile(join(ws, 'bad', 'bomb.docx'), docx(wordParagraph('بمب'), [{ name: 'word/media/zeros.bin', data: new Uint8Array(1024), declaredSize: 300 * 1024 * 1024 }]));
  await writeFile(join(ws, 'bad', 'all-bad.jsonl'), 'not json\n{"title":"no text"}\n');
  execFileSync('mkfifo', [join(ws, 'bad', 'feed.txt')]);
  await mkdir(join(ws, 'bad', 'folder.md'));
  const workspace = await Workspace.open(ws);
  entries = new Map((await workspace.entries()).map((e) => [e.path, e]));
});

describe('the workspace lists every format, recursively', () => {
  it('finds .txt .md .html .htm .docx and every .jsonl line, and skips hidden folders, lock files and other files', () => {
    expect([...entries.keys()].filter((p) => !p.startsWith('bad/'))).toEqual([
      'batch.jsonl#7',
      'batch.jsonl#a1',
      'batch.jsonl#a1%23line-7',
      'batch.jsonl#line-2',
      'batch.jsonl#line-3',
      'batch.jsonl#line-4',
      'batch.jsonl#line-8',
      'batch.jsonl#line-9',
      'en/cafe-1252.txt',
      'en/notes.md',
      'fa/deep/deeper/utf16.txt',
      'fa/legacy-1256.txt',
      'fa/link-in.txt',
      'fa/news-page.html',
      'fa/news.txt',
      'fa/page-1256.htm',
      'fa/word.docx',
    ]);
  });

  it('names each article by a hash of its path, a .jsonl line by <file>#<key>', () => {
    expect(entries.get('fa/news.txt')?.id).toBe(articleIdFor('fa/news.txt'));
    expect(entries.get('batch.jsonl#a1')?.id).toBe(articleIdFor('batch.jsonl#a1'));
    expect(ok('batch.jsonl#a1')).toMatchObject({ file: 'batch.jsonl', format: 'jsonl', title: 'چای لاهیجان' });
  });

  it('reads plain text one paragraph per line (scraped news) with exact code-point offsets', () => {
    const news = ok('fa/news.txt');
    expect(news).toMatchObject({ format: 'txt', encoding: 'utf-8', segmentation: 'lines', direction: 'rtl', lang: 'fa' });
    expect(news.paragraphs).toHaveLength(22);
    for (const p of news.paragraphs) expect(cpSlice(news.text, p.start, p.end)).toBe(p.text);
  });

  it('reads markdown as CommonMark blocks', () => {
    const md = ok('en/notes.md');
    expect(md.paragraphs.map((p) => p.text)).toEqual(['Harbour notes', 'The ferry\nwas late.', 'first item', 'second item']);
    expect(md).toMatchObject({ title: 'Harbour notes', segmentation: 'markdown', direction: 'ltr', lang: 'en' });
  });

  it('reads a saved news page: nav and footer kept, scripts and comments dropped, title from <title>', () => {
    const page = ok('fa/news-page.html');
    const texts = page.paragraphs.map((p) => p.text);
    expect(page).toMatchObject({ format: 'html', segmentation: 'structure', direction: 'rtl', title: 'برداشت چای آغاز شد | خبرگزاری نمونه' });
    expect(texts).toContain('صفحه اول');
    expect(texts).toContain('تماس با ما');
    expect(texts).toContain('کشاورزان می‌گویند امسال باران بیشتری باریده است\nبا این حال کیفیت محصول بهتر است.');
    expect(texts.join(' ')).not.toMatch(/اسکریپت|یادداشت ویراستار|جاوااسکریپت/);
  });

  it('reads a legacy page by its <meta charset> and a Word file with its direction inferred', () => {
    expect(ok('fa/page-1256.htm')).toMatchObject({ encoding: 'windows-1256', title: 'پيک چاي' });
    const word = ok('fa/word.docx');
    expect(word.paragraphs.map((p) => p.text)).toEqual(['تیتر سند ورد', 'متن سند با نیم‌فاصله و عدد ۱۴۰۳.']);
    expect(word).toMatchObject({ format: 'docx', direction: 'rtl', lang: 'fa', encodingChoosable: false });
  });

  it('detects each encoding: windows-1256 (not ISO-8859-6), UTF-16 with BOM, windows-1252', () => {
    expect(ok('fa/legacy-1256.txt').encoding).toBe('windows-1256');
    expect(ok('fa/legacy-1256.txt').text).toContain('گزارشگر');
    expect(ok('fa/deep/deeper/utf16.txt')).toMatchObject({ encoding: 'utf-16le' });
    expect(ok('en/cafe-1252.txt').text).toContain('café’s');
  });

  it('follows a symlink that stays inside the workspace', () => {
    expect(ok('fa/link-in.txt').paragraphs).toHaveLength(22);
  });
});

describe('bad files: one clear message each, the rest opens', () => {
  it('refuses binary, empty and over-size files, naming the file and the reason', () => {
    expect(error('bad/binary.txt')).toMatch(/^bad\/binary\.txt: .*NUL bytes.*binary/);
    expect(error('bad/empty.txt')).toBe('bad/empty.txt is empty.');
    expect(error('bad/huge.txt')).toMatch(/^bad\/huge\.txt is 21\.0 MB; Pilcrow opens articles up to 20 MB/);
  });

  it('lists a named pipe with an article name and says what it is, without opening it (that would block)', async () => {
    expect(error('bad/feed.txt')).toBe('bad/feed.txt is a named pipe, not a regular file; Pilcrow reads only files.');
    expect(entries.has('bad/folder.md')).toBe(false); // a folder is walked, not listed
    await expect(readArticle(ws, 'bad/folder.md')).rejects.toThrow('bad/folder.md is a folder, not a regular file; Pilcrow reads only files.');
  });

  it('opens invalid UTF-8 with U+FFFD and flags how many bytes were replaced', () => {
    const damaged = ok('bad/invalid-utf8.txt');
    expect(damaged.replaced).toBe(2);
    expect(damaged.text).toContain('\ufffd');
    expect(english(damaged.warnings)).toMatch(/2 byte\(s\) were not valid UTF-8/);
  });

  it('refuses a symlink that leads outside the workspace, and a dangling one', () => {
    expect(error('bad/link-out.txt')).toMatch(/link to a file outside the workspace; Pilcrow does not follow it/);
    expect(error('bad/dangling.txt')).toMatch(/gone, or is a link to a file that does not exist/);
  });

  it('refuses a .docx that is not a zip and a zip bomb', () => {
    expect(error('bad/not-a-zip.docx')).toMatch(/not a Word \.docx file \(not a zip archive\)/);
    expect(error('bad/bomb.docx')).toMatch(/would expand to 300\.0 MB/);
  });

  it('lists each bad line of a .jsonl by its number, and a .jsonl with no good line as one entry', () => {
    expect(error('batch.jsonl#line-4')).toMatch(/^batch\.jsonl line 4: not valid JSON/);
    expect(error('bad/all-bad.jsonl')).toMatch(/has no readable article/);
  });

  it('shows a labelled article whose file was deleted as missing, with its labels kept', async () => {
    const store = new AnnotationStore(ws, 'sara');
    await store.setLabels('fa/gone.txt', { id: 'p00000000001', index: 0 }, ['quote']);
    const workspace = await Workspace.open(ws);
    const gone = await workspace.entry(articleIdFor('fa/gone.txt'));
    expect(gone).toMatchObject({ ok: false, missing: true, path: 'fa/gone.txt' });
    expect(!gone.ok && gone.error).toMatch(/missing .*its labels are kept/);
    expect(JSON.parse(await readFile(join(ws, '.pilcrow/annotations/sara/fa/gone.txt.json'), 'utf8')).paragraphs.p00000000001.labels).toEqual(['quote']);
  });
});

describe('encodings round trip through the workspace', () => {
  it('reads ISO-8859-6 Arabic as Arabic and windows-1252 with curly quotes', async () => {
    const dir = await tempDir('enc');
    await writeFile(join(dir, 'ar.txt'), iconv.encode('قال المتحدث إن الاجتماع سيعقد غدا في العاصمة.\nوأضاف أن الحكومة تعمل.\n', 'iso-8859-6'));
    const workspace = await Workspace.open(dir);
    const entry = await workspace.entry(articleIdFor('ar.txt'));
    expect(entry.ok && entry.article).toMatchObject({ lang: 'ar', direction: 'rtl' });
    expect(entry.ok && entry.article.paragraphs[1]?.text).toBe('وأضاف أن الحكومة تعمل.');
  });
});
