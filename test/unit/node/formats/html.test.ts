import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildParagraphs } from '../../../../src-main/core/paragraphs';
import { decodeBytes } from '../../../../src-main/node/text/decode';
import { extractHtml } from '../../../../src-main/node/formats/html';
import type { ExtractedArticle } from '../../../../src-main/node/formats/extracted';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/articles/${name}`, import.meta.url)));
const paragraphsOf = (article: ExtractedArticle) => article.blocks.map((b) => article.text.slice(b.start, b.end));

describe('extractHtml on a news page', () => {
  const article = extractHtml(decodeBytes(fixture('news-page.html'), { html: true }).text);

  it('makes each block element a paragraph and keeps nav, sponsor and footer blocks', () => {
    expect(paragraphsOf(article)).toEqual([
      'صفحه اول',
      'اقتصاد',
      'ورزش',
      'برداشت چای در لاهیجان آغاز شد',
      'گزارشگر ما از لاهیجان خبر می\u200cدهد که برداشت برگ سبز چای آغاز شده است.',
      'کشاورزان می\u200cگویند امسال باران بیشتری باریده است\nبا این حال کیفیت محصول بهتر است.',
      'آگهی: چای خوش\u200cطعم را از فروشگاه ما بخرید',
      'فاصله\u200cهای زیاد در این بند جمع می\u200cشوند.',
      'تمام حقوق محفوظ است ۱۴۰۳',
      'تماس با ما',
    ]);
  });

  it('turns <br> into a line break, so «است» and «با» are not glued into «استبا»', () => {
    expect(article.text).toContain('است\nبا');
    expect(article.text).not.toContain('استبا');
  });

  it('drops script, style, noscript, iframe and comments', () => {
    for (const gone of ['اسکریپت', 'font-family', 'جاوااسکریپت', 'یادداشت ویراستار', 'ads.example']) {
      expect(article.text).not.toContain(gone);
    }
  });

  it('takes the title from <title> and the direction from dir on <html>', () => {
    expect(article.title).toBe('برداشت چای آغاز شد | خبرگزاری نمونه');
    expect(article.direction).toBe('rtl');
    expect(article.warnings).toEqual([]);
  });

  it('joins paragraphs with a blank line, and its blocks feed buildParagraphs', () => {
    expect(article.text.split('\n\n')).toHaveLength(article.blocks.length);
    const paragraphs = buildParagraphs(article.text, article.blocks);
    expect(paragraphs.map((p) => p.text)).toEqual(paragraphsOf(article));
    expect(paragraphs[1]).toMatchObject({ start: 10, end: 16 }); // 'صفحه اول' (8) + '\n\n' (2)
  });
});

describe('extractHtml details', () => {
  it('makes a div\'s own text a paragraph, separate from its child blocks', () => {
    const article = extractHtml('<div>پیش از بند <p>بند</p> پس از بند</div>');
    expect(paragraphsOf(article)).toEqual(['پیش از بند', 'بند', 'پس از بند']);
  });

  it('ends a paragraph at two or more <br> in a row (pages built from text<br><br>text)', () => {
    const article = extractHtml('<div>بند یک<br><br>بند دو<br> <br><br>بند سه<br>خط دوم</div>');
    expect(paragraphsOf(article)).toEqual(['بند یک', 'بند دو', 'بند سه\nخط دوم']);
  });

  it('keeps white space inside <pre>', () => {
    const article = extractHtml('<pre>line  one\n    indented</pre><p>a   b</p>');
    expect(paragraphsOf(article)).toEqual(['line  one\n    indented', 'a b']);
  });

  it('makes table cells, list items, definitions, quotes and captions paragraphs', () => {
    const html =
      '<table><tr><th>نام</th><td>مقدار</td></tr></table><ol><li>یک</li><li>دو</li></ol>' +
      '<dl><dt>واژه</dt><dd>معنی</dd></dl><blockquote>نقل قول</blockquote><figure><img src="x.png"><figcaption>عکس</figcaption></figure>' +
      '<section>بخش</section><aside>کنار</aside>';
    expect(paragraphsOf(extractHtml(html))).toEqual(['نام', 'مقدار', 'یک', 'دو', 'واژه', 'معنی', 'نقل قول', 'عکس', 'بخش', 'کنار']);
  });

  it('keeps inline elements inside their paragraph and decodes entities (ZWNJ, NBSP)', () => {
    const article = extractHtml('<p>کتاب<b>&zwnj;ها</b> را <a href="#">اینجا</a>&nbsp;ببینید</p>');
    expect(paragraphsOf(article)).toEqual(['کتاب\u200cها را اینجا\u00a0ببینید']);
  });

  it('drops template, svg and whitespace-only blocks', () => {
    const article = extractHtml('<template><p>قالب</p></template><svg><text>شکل</text></svg><p> &nbsp; </p><p>متن</p>');
    expect(paragraphsOf(article)).toEqual(['متن']);
  });

  it('reads documents without <html> or <body> (linkedom would empty them)', () => {
    const article = extractHtml('<h1>تیتر</h1><p>متن خبر</p>');
    expect(paragraphsOf(article)).toEqual(['تیتر', 'متن خبر']);
    expect(article.title).toBe('تیتر');
    expect(article.direction).toBeUndefined();
  });

  it('takes the title from the first <h1> when there is no <title>, else the first paragraph', () => {
    expect(extractHtml('<p>مقدمه</p><h1>تیتر <br>اصلی</h1>').title).toBe('تیتر اصلی');
    expect(extractHtml('<p>تنها بند</p>').title).toBe('تنها بند');
  });

  it('prefers dir on <body> to dir on <html>', () => {
    expect(extractHtml('<html dir="rtl"><body dir="ltr"><p>Hello</p></body></html>').direction).toBe('ltr');
  });

  it('warns when a page has no text', () => {
    const article = extractHtml('<html><head><title>خالی</title></head><body><script>x()</script></body></html>');
    expect(article.blocks).toEqual([]);
    expect(article.text).toBe('');
    expect(article.warnings).toHaveLength(1);
  });

  it('walks 100,000 nested divs without overflowing the stack', () => {
    const depth = 100_000;
    const article = extractHtml(`${'<div>'.repeat(depth)}متن عمیق${'</div>'.repeat(depth)}<p>پایان</p>`);
    expect(paragraphsOf(article)).toEqual(['متن عمیق', 'پایان']);
  });

  it('reads a windows-1256 page declared by <meta charset>, keeping پ چ ژ گ ک', () => {
    const decoded = decodeBytes(fixture('fa-windows-1256.html'), { html: true });
    const article = extractHtml(decoded.text);
    expect(decoded.encoding).toBe('windows-1256');
    expect(article.title).toBe('پيک چاي');
    expect(paragraphsOf(article)).toEqual(['گزارشگر ما از پژوهشگاه چاي خبر مي\u200cدهد.', 'ژاله عکاس اين گزارش است.']);
    expect(article.direction).toBe('rtl');
  });
});

describe('extractHtml on hostile markup', () => {
  it('reads an element with 300,000 children and a paragraph of 200,000 line breaks (no stack overflow)', () => {
    const html = `<html><head><title>t</title></head><body><div>${'<b>x</b> '.repeat(300_000)}</div><p>${'a<br>'.repeat(200_000)}</p></body></html>`;
    const article = extractHtml(html);
    expect(article.blocks.length).toBeGreaterThan(1);
  });
});
