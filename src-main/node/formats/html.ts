/**
 * A saved web page to paragraphs (parse5: a browser-grade parser; linkedom empties the body of
 * documents without <html>). html-walk.ts reads what a reader sees; core/page/main-text.ts
 * estimates where the article's main text is, as evidence for the page-structure suggester.
 * Navigation, footers and ad blocks are kept as paragraphs: editors label them boilerplate or ad.
 */
import type { MainMessage } from '../../shared/messages';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { findMainText } from '../../core/page/main-text';
import { childrenOf, HTML_SPACE, isElement, SKIPPED } from './html-elements';
import { walkHtml } from './html-walk';
import { trimEdges } from '../../core/segment';
import { joinParagraphs, titleLine, type ExtractedArticle } from './extracted';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** First element with this tag, breadth-first without recursion. */
function findFirst(root: Node, tag: string): Element | null {
  const queue: Node[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (!node) continue;
    if (isElement(node) && node.tagName === tag) return node;
    if (isElement(node) && node.tagName === 'template') continue;
    // One at a time: a node with 200,000 children would overflow the stack as push() arguments.
    for (const child of childrenOf(node)) queue.push(child);
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
  const walk = walkHtml(document);
  const { paragraphs } = walk;
  const titleElement = findFirst(document, 'title');
  const heading = findFirst(document, 'h1');
  const title =
    (titleElement && plainText(titleElement)) || (heading && plainText(heading)) || titleLine(paragraphs[0] ?? '');
  const { text, blocks } = joinParagraphs(paragraphs);
  const warnings: MainMessage[] = paragraphs.length === 0 ? [{ code: 'page-no-text' }] : [];
  if (walk.revealedHidden) warnings.push({ code: 'page-hidden-revealed' });
  const direction = dirOf(body) ?? dirOf(html);
  return {
    text,
    blocks,
    title,
    ...(direction ? { direction } : {}),
    ...(walk.lang ? { lang: walk.lang } : {}),
    warnings,
    page: { evidence: findMainText(walk.structure, paragraphs), hiddenLines: walk.hiddenLines },
  };
}
