/**
 * The text of a page's expected.html (the article a reader extracts), read independently of
 * Pilcrow's own HTML reader so the score does not grade the reader against itself: every text
 * node outside script/style/template, with a paragraph break at each block element and <br>.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;

const SKIP = new Set(['script', 'style', 'template', 'head', 'noscript']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'br',
]);

export interface ExpectedArticle {
  text: string;
  paragraphs: string[];
}

export function readExpected(html: string): ExpectedArticle {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    buffer = '';
  };
  const stack: { node: Node; exit: boolean }[] = [{ node: parse(html), exit: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node } = frame;
    const tag = 'tagName' in node ? node.tagName : null;
    if (frame.exit) {
      flush();
      continue;
    }
    if (node.nodeName === '#text' && 'value' in node) {
      buffer += node.value;
      continue;
    }
    if (tag && SKIP.has(tag)) continue;
    if (tag && BLOCK.has(tag)) {
      flush();
      stack.push({ node, exit: true });
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  return { text: paragraphs.join('\n'), paragraphs };
}
