/**
 * One iterative pass over a parsed page (100k nested divs overflow a recursive walk) that
 * yields the paragraphs a reader sees and, beside them, the page's structure for finding the
 * article (core/page). Rules (docs/formats.md):
 * - every block element starts and ends a paragraph, but lazily: the break happens when text
 *   follows, so a container that holds no text splits nothing, and a generic container in the
 *   middle of a line that holds only inline text (a citation's badge) stays in that line;
 * - one <br> is a line break; two or more, with only white space (NBSP too) between, end the paragraph;
 * - hidden elements and form controls are left out; hidden text is counted in lines;
 * - MathML is read as its text, token by token; its TeX annotations are not;
 * - scripts are dropped, except that JSON-LD `articleBody` is kept aside for finding the article.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { PageBlock, PageElement, PageStructure } from '../../core/page/types';
import { countWords } from '../../core/words';
import { attr, childrenOf, CONTROLS, HTML_SPACE, isBlock, isElement, isHidden, JOINS_WHEN_EMPTY, signalsOf, SKIPPED, SOFTENS_INLINE } from './html-elements';
import { HAS_BLOCK_TEXT, HAS_CONTROL, HAS_TEXT, survey } from './html-survey';
import { trimEdges } from '../../core/segment';
import { articleBodiesOf } from './json-ld';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Sentinels in the paragraph buffer; parse5 keeps C0 controls in text, so those are removed from it first. */
const BR = '\u0000';
const LINK_OPEN = '\u0002';
const LINK_CLOSE = '\u0003';
/** Opens a link to a place on the same page (href="#…"), such as a table of contents. */
const ANCHOR_OPEN = '\u0004';
// eslint-disable-next-line no-control-regex -- the buffer's own sentinels
const SENTINELS = /[\u0000-\u0004]/g;
// eslint-disable-next-line no-control-regex -- the link sentinels
const LINK_SENTINELS = /[\u0002-\u0004]/g;
// eslint-disable-next-line no-control-regex -- a run of two or more <br> with only white space between
const BR_RUN = /\u0000(?:\s*\u0000)+/;
// eslint-disable-next-line no-control-regex -- one <br>
const ONE_BR = / *\u0000 */g;
// eslint-disable-next-line no-control-regex -- link text between its sentinels
const LINK_TEXT = /([\u0002\u0004])([^\u0003]*)\u0003/g;
const NON_SPACE = /\S/;
/** HTML white space that collapsing changes (a lone space stays one): most text nodes have none, and are kept as they are. */
const SPACE_TO_COLLAPSE = /[\t\n\r\f]| {2}/;
// eslint-disable-next-line no-control-regex -- the buffer's own sentinels
const HAS_SENTINEL = /[\u0000-\u0004]/;
/** Characters a hidden block needs before it can be the page's hidden body (a few paragraphs). */
const REVEAL_MIN_CHARS = 2000;
const MATH_TOKENS = new Set(['mi', 'mn', 'mo', 'ms', 'mtext']);
const MATH_SKIPPED = new Set(['annotation', 'annotation-xml']);

export interface HtmlWalk {
  paragraphs: string[];
  structure: PageStructure;
  /** Pieces of hidden text left out: one per hidden paragraph, or per hidden run inside a paragraph. */
  hiddenLines: number;
  /** One hidden block held more text than the page showed (a dialog open when it was saved), so nothing was left out as hidden. */
  revealedHidden: boolean;
  /** `lang` of <html> (or <body>), as the page declares it. */
  lang?: string;
}

interface Piece {
  text: string;
  words: number;
  linkWords: number;
  anchorWords: number;
}

/** A buffer's paragraphs: split at <br> runs, one <br> a line break, link words counted, spaces collapsed outside pre. */
function piecesOf(buffer: string, pre: boolean): Piece[] {
  const out: Piece[] = [];
  for (const part of buffer.split(BR_RUN)) {
    let links = '';
    let anchors = '';
    for (const m of part.matchAll(LINK_TEXT)) {
      links += ` ${m[2]}`;
      if (m[1] === ANCHOR_OPEN) anchors += ` ${m[2]}`;
    }
    let text = part.replace(LINK_SENTINELS, '').replace(ONE_BR, '\n');
    if (!pre) text = text.replace(/ {2,}/g, ' ');
    text = trimEdges(text);
    if (text) out.push({ text, words: countWords(text), linkWords: links ? countWords(links) : 0, anchorWords: anchors ? countWords(anchors) : 0 });
  }
  return out;
}

/** What to take back when an element ends; nodes still to enter sit on the same stack as themselves. */
interface ExitFrame {
  node: Element;
  undo: number;
  id: number;
  emitted: number;
  pending: boolean;
  inline: number;
}
type Frame = Node | ExitFrame;
const isExit = (frame: Frame): frame is ExitFrame => 'undo' in frame;

/** What an exit frame takes back. */
const UNDO_BLOCK = 1;
const UNDO_INLINE = 2;
const UNDO_LINK = 4;
const UNDO_PRE = 8;
const UNDO_HIDDEN = 16;
const UNDO_MATH = 32;

const isJsonLd = (script: Element) => /^\s*application\/ld\+json\s*$/i.test(attr(script, 'type') ?? '');
const scriptText = (script: Element) => script.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

export function walkHtml(document: Node): HtmlWalk {
  let found = survey(document);
  // A page whose one hidden block holds an article's worth of text, more than all it shows, was
  // saved with its body hidden (an open dialog, a script that reveals it): leaving that out would
  // leave nothing to label.
  const revealedHidden = found.largestHiddenChars > Math.max(found.visibleChars, REVEAL_MIN_CHARS);
  if (revealedHidden) found = survey(document, false);
  const bits = found.bits;
  const hidden = (e: Element) => !revealedHidden && isHidden(e);

  const paragraphs: string[] = [];
  const blocks: PageBlock[] = [];
  const elements: PageElement[] = [{ parent: -1, tag: '#document', flags: 0, end: 0 }];
  const scripts: string[] = [];
  let lang: string | undefined;

  let buffer = '';
  let bufferHasText = false;
  let bufferPre = false;
  let container = 0;
  let pending = false;
  /** Non-white-space text runs emitted so far: a block that emitted none split nothing. */
  let emitted = 0;
  let current = 0;
  let inlineDepth = 0;
  let linkDepth = 0;
  /** Whether the innermost link goes to a place on the same page. */
  let anchorLink = false;
  let preDepth = 0;
  let hiddenDepth = 0;
  /** Token elements read so far in the current <math> (-1 outside one): tokens are read apart, "a ≠ 0". */
  let mathTokens = -1;
  let hiddenBuffer = '';
  let hiddenLines = 0;

  const flush = () => {
    if (bufferHasText) {
      for (const piece of piecesOf(buffer, bufferPre)) {
        paragraphs.push(piece.text);
        blocks.push({ element: container, words: piece.words, linkWords: piece.linkWords, anchorWords: piece.anchorWords });
      }
    }
    buffer = '';
    bufferHasText = false;
    bufferPre = false;
  };
  const flushHidden = () => {
    for (const part of hiddenBuffer.split(BR_RUN)) if (NON_SPACE.test(part.replace(SENTINELS, ''))) hiddenLines++;
    hiddenBuffer = '';
  };
  const text = (raw: string) => {
    let value = preDepth > 0 || !SPACE_TO_COLLAPSE.test(raw) ? raw : raw.replace(HTML_SPACE, ' ');
    if (HAS_SENTINEL.test(value)) value = value.replace(SENTINELS, '');
    if (hiddenDepth > 0) {
      hiddenBuffer += value;
      return;
    }
    const visible = NON_SPACE.test(value);
    if (pending) {
      if (!visible) return;
      flush();
      pending = false;
    }
    if (visible) {
      if (!bufferHasText) container = current;
      bufferHasText = true;
      emitted++;
    }
    if (preDepth > 0) bufferPre = true;
    buffer += linkDepth > 0 && visible ? (anchorLink ? ANCHOR_OPEN : LINK_OPEN) + value + LINK_CLOSE : value;
  };

  const stack: Frame[] = [document];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (isExit(frame)) {
      const { undo } = frame;
      if (undo & UNDO_MATH) mathTokens = -1;
      if (undo & UNDO_LINK) linkDepth--;
      if (undo & UNDO_INLINE) inlineDepth--;
      if (undo & UNDO_PRE) preDepth--;
      if (undo & UNDO_BLOCK) {
        if (hiddenDepth > 0) flushHidden();
        else {
          elements[frame.id]!.end = elements.length;
          current = elements[frame.id]!.parent;
          inlineDepth = frame.inline;
          if (emitted === frame.emitted && JOINS_WHEN_EMPTY.has(frame.node.tagName)) {
            pending = frame.pending;
            if (!pending && bufferHasText) buffer += ' ';
          } else pending = true;
        }
      }
      if (undo & UNDO_HIDDEN) {
        hiddenDepth--;
        if (hiddenDepth === 0) flushHidden();
      }
      continue;
    }
    const node = frame;
    if (node.nodeName === '#text' && 'value' in node) {
      text(node.value);
      continue;
    }
    if (!isElement(node)) {
      if (node.nodeName !== '#document' && node.nodeName !== '#document-fragment') continue; // comments, doctype
    } else {
      const tag = node.tagName;
      if (tag === 'script') {
        if (isJsonLd(node)) scripts.push(scriptText(node));
        continue;
      }
      if (tag === 'head') {
        // Not text of the page, but JSON-LD usually sits here.
        for (const child of node.childNodes) if (isElement(child) && child.tagName === 'script' && isJsonLd(child)) scripts.push(scriptText(child));
        continue;
      }
      if (SKIPPED.has(tag) || CONTROLS.has(tag) || MATH_SKIPPED.has(tag)) continue;
      if (tag === 'label' && (attr(node, 'for') !== undefined || ((bits.get(node) ?? 0) & HAS_CONTROL))) continue;
      if (tag === 'br') {
        if (hiddenDepth > 0) hiddenBuffer += BR;
        else if (!pending) buffer += BR;
        continue;
      }
      if ((tag === 'html' || tag === 'body') && lang === undefined) lang = attr(node, 'lang')?.trim() || undefined;
      let undo = 0;
      if (hidden(node)) {
        hiddenDepth++;
        undo |= UNDO_HIDDEN;
      }
      const own = bits.get(node) ?? 0;
      const block =
        isBlock(node) &&
        // A generic container in the middle of a line, holding only inline text, is part of that line.
        !(SOFTENS_INLINE.has(tag) && inlineDepth > 0 && bufferHasText && !pending && hiddenDepth === 0 && !(own & HAS_BLOCK_TEXT));
      let id = 0;
      const emittedBefore = emitted;
      const pendingBefore = pending;
      const inlineBefore = inlineDepth;
      if (block) {
        undo |= UNDO_BLOCK;
        if (hiddenDepth > 0) flushHidden();
        else {
          id = elements.length;
          const signals = signalsOf(node);
          elements.push({ parent: current, tag, flags: signals.flags, end: 0, ...(signals.role ? { role: signals.role } : {}), ...(signals.word ? { word: signals.word } : {}), ...(signals.ad ? { ad: signals.ad } : {}) });
          current = id;
          inlineDepth = 0;
          pending = true;
        }
      } else if (hiddenDepth === 0) {
        undo |= UNDO_INLINE;
        inlineDepth++;
      }
      const href = tag === 'a' ? attr(node, 'href') : undefined;
      if (href !== undefined) {
        undo |= UNDO_LINK;
        linkDepth++;
        anchorLink = href.trim().startsWith('#');
      }
      if (tag === 'pre') {
        undo |= UNDO_PRE;
        preDepth++;
      }
      if (MATH_TOKENS.has(tag) && mathTokens >= 0) {
        if (mathTokens > 0) text(' ');
        mathTokens++;
      }
      if (tag === 'math') {
        mathTokens = 0;
        undo |= UNDO_MATH;
        if (!(own & HAS_TEXT)) text(attr(node, 'alttext') ?? '');
      }
      if (undo) stack.push({ node, undo, id, emitted: emittedBefore, pending: pendingBefore, inline: inlineBefore });
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  elements[0]!.end = elements.length;
  return {
    paragraphs,
    structure: { elements, blocks, articleBodies: articleBodiesOf(scripts) },
    hiddenLines,
    revealedHidden,
    ...(lang ? { lang } : {}),
  };
}

