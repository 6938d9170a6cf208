/**
 * HTML to paragraphs with parse5 (a browser-grade parser; linkedom empties the body of
 * documents without <html>). Every block element starts and ends a paragraph, so a div's own
 * text between child blocks is a paragraph of its own. Navigation, footers and ad blocks are
 * kept: editors label them boilerplate or ad. One <br> is a line break inside a paragraph
 * (textContent would glue «است» and «با» into «استبا»); two or more in a row end the paragraph,
 * as pages that build their body from `text<br><br>text` mean. The walk is iterative: 100k
 * nested divs overflow a recursive one.
 */
import type { MainMessage } from '../../shared/messages';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { joinParagraphs, titleLine, trimEdges, type ExtractedArticle } from './extracted';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'object']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Stands for <br> in the buffer; parse5 never yields NUL in body text (it drops it). */
const BR = '\u0000';
const HTML_SPACE = /[ \t\n\r\f]+/g;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): readonly Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Ends the current paragraph: 2+ <br> split it, 1 <br> is "\n", spaces collapse outside pre. */
function splitParagraphs(buffer: string, pre: boolean): string[] {
  const out: string[] = [];
  // eslint-disable-next-line no-control-regex -- NUL is our own <br> sentinel; parse5 never emits it in text
  for (const part of buffer.split(/\u0000(?:[ \t\n\r\f]*\u0000)+/)) {
    // eslint-disable-next-line no-control-regex -- as above
    let text = part.replace(/ *\u0000 */g, '\n');
    if (!pre) text = text.replace(/ {2,}/g, ' ');
    text = trimEdges(text);
    if (text) out.push(text);
  }
  return out;
}

function walkBody(root: Node): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  let preDepth = 0;
  const flush = () => {
    if (buffer) paragraphs.push(...splitParagraphs(buffer, preDepth > 0));
    buffer = '';
  };
  // An exit frame marks the end of a block element, so its paragraph closes there.
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node } = frame;
    if (frame.exit) {
      flush();
      if (isElement(node) && node.tagName === 'pre') preDepth--;
      continue;
    }
    if (node.nodeName === '#text' && 'value' in node) {
      buffer += preDepth > 0 ? node.value : node.value.replace(HTML_SPACE, ' ');
      continue;
    }
    if (isElement(node)) {
      if (SKIPPED.has(node.tagName)) continue;
      if (node.tagName === 'br') {
        buffer += BR;
        continue;
      }
      if (BLOCKS.has(node.tagName)) {
        flush();
        stack.push({ node, exit: true });
        if (node.tagName === 'pre') preDepth++;
      }
    } else if (node.nodeName !== '#document' && node.nodeName !== '#document-fragment') {
      continue; // comments, doctype
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, exit: false });
    }
  }
  flush();
  return paragraphs;
}

/** First element with this tag, breadth-first without recursion. */
function findFirst(root: Node, tag: string): Element | null {
  const queue: Node[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (!node) continue;
    if (isElement(node) && node.tagName === tag) return node;
    if (isElement(node) && node.tagName === 'template') continue;
    queue.push(...childrenOf(node));
  }
  return null;
}

function plainText(root: Node): string {
  let text = '';
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeName === '#text' && 'value' in node) text += node.value;
    else if (isElement(node) && node.tagName === 'br') text += ' ';
    else if (!isElement(node) || !SKIPPED.has(node.tagName) || node === root) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    }
  }
  return trimEdges(text.replace(HTML_SPACE, ' '));
}

function dirOf(element: Element | null): 'rtl' | 'ltr' | undefined {
  const dir = element?.attrs.find((a) => a.name === 'dir')?.value.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

export function extractHtml(source: string): ExtractedArticle {
  const document = parse(source);
  const html = findFirst(document, 'html');
  const body = findFirst(document, 'body');
  const paragraphs = walkBody(document);
  const titleElement = findFirst(document, 'title');
  const heading = findFirst(document, 'h1');
  const title =
    (titleElement && plainText(titleElement)) || (heading && plainText(heading)) || titleLine(paragraphs[0] ?? '');
  const { text, blocks } = joinParagraphs(paragraphs);
  const warnings: MainMessage[] = paragraphs.length === 0 ? [{ code: 'page-no-text' }] : [];
  const direction = dirOf(body) ?? dirOf(html);
  return { text, blocks, title, ...(direction ? { direction } : {}), warnings };
}
