/**
 * How the HTML reader sees elements: which are dropped, which are form controls, which are
 * hidden, which lay out as blocks, and what the page says about a block (its tag, role,
 * itemprop and class/id words, core/page/class-words.ts).
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { classWords } from '../../core/page/class-words';
import { PAGE_FLAGS } from '../../core/page/types';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** HTML's white space (not NBSP): a run of it shows as one space outside <pre>. */
export const HTML_SPACE = /[ \t\n\r\f]+/g;

/** Never text of the page: code, styles, embedded documents and media fallbacks. */
export const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'embed', 'canvas', 'audio', 'video']);

/**
 * Form controls: what they hold is a list of choices ("AfghanistanAlbania…"), a button's caption
 * or raw markup (<textarea>, <noembed>), not text of the page. A <label> joins them when it
 * labels a control (`for`, or a control inside it); a label of nothing is ordinary text.
 */
export const CONTROLS = new Set(['select', 'option', 'optgroup', 'datalist', 'button', 'textarea', 'input', 'noembed', 'noframes', 'meter', 'progress']);

export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Containers that hold no text split nothing: `…Performance"<div class="shield"><div></div></div>. 24 August`
 * is one reference, not two. Paragraphs, headings, list items, cells and rules keep their break.
 */
export const JOINS_WHEN_EMPTY = new Set(['div', 'section', 'center', 'figure', 'aside', 'header', 'footer', 'nav', 'article', 'main', 'form', 'fieldset', 'details', 'address', 'hgroup', 'dialog']);

/** Generic containers that, holding only inline text in the middle of a line, are part of that line. */
export const SOFTENS_INLINE = new Set(['div', 'section', 'center', 'figure', 'address']);

/** CSS display values that do not start a block box. */
const INLINE_DISPLAY = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'inline-table', '-webkit-inline-box', '-moz-inline-box', 'contents', 'ruby']);

const DISPLAY = /(?:^|;)\s*display\s*:\s*([-a-z]+)/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function childrenOf(node: Node): readonly Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function attr(element: Element, name: string): string | undefined {
  for (const a of element.attrs) if (a.name === name) return a.value;
  return undefined;
}

/**
 * Hidden from a reader: `hidden` (but not `hidden="until-found"`, which a search reveals),
 * `aria-hidden="true"`, an inline `display:none` or `visibility:hidden`, a <dialog> not open.
 */
export function isHidden(element: Element): boolean {
  if (element.tagName === 'dialog' && attr(element, 'open') === undefined) return true;
  for (const a of element.attrs) {
    if (a.name === 'hidden' && a.value.trim().toLowerCase() !== 'until-found') return true;
    if (a.name === 'aria-hidden' && a.value.trim().toLowerCase() === 'true') return true;
    if (a.name === 'style' && HIDDEN_STYLE.test(a.value)) return true;
  }
  return false;
}

/** Whether the element lays out as a block: by its tag, unless an inline style says otherwise. */
export function isBlock(element: Element): boolean {
  const style = attr(element, 'style');
  const display = style ? DISPLAY.exec(style)?.[1]?.toLowerCase() : undefined;
  if (display && display !== 'none') return !INLINE_DISPLAY.has(display);
  if (element.tagName === 'math') return attr(element, 'display') === 'block';
  return BLOCKS.has(element.tagName);
}

const TAG_FLAGS: Record<string, number> = {
  article: PAGE_FLAGS.article, main: PAGE_FLAGS.main, nav: PAGE_FLAGS.nav, header: PAGE_FLAGS.header,
  footer: PAGE_FLAGS.footer, aside: PAGE_FLAGS.aside, form: PAGE_FLAGS.form, dialog: PAGE_FLAGS.dialog,
  ul: PAGE_FLAGS.list, ol: PAGE_FLAGS.list, dl: PAGE_FLAGS.list, menu: PAGE_FLAGS.list,
};

const ROLE_FLAGS: Record<string, number> = {
  navigation: PAGE_FLAGS.nav, menu: PAGE_FLAGS.nav, menubar: PAGE_FLAGS.nav, banner: PAGE_FLAGS.banner,
  contentinfo: PAGE_FLAGS.contentinfo, complementary: PAGE_FLAGS.aside, search: PAGE_FLAGS.form, form: PAGE_FLAGS.form,
  dialog: PAGE_FLAGS.dialog, alertdialog: PAGE_FLAGS.dialog, main: PAGE_FLAGS.main, article: PAGE_FLAGS.article,
};

export interface ElementSignals {
  flags: number;
  role?: string;
  word?: string;
  ad?: string;
}

/** What a block's tag, role, itemprop, class and id say it is. */
export function signalsOf(element: Element): ElementSignals {
  let flags = TAG_FLAGS[element.tagName] ?? 0;
  const out: ElementSignals = { flags };
  let className = '';
  let id = '';
  for (const a of element.attrs) {
    if (a.name === 'class') className = a.value;
    else if (a.name === 'id') id = a.value;
    else if (a.name === 'role') {
      const role = a.value.trim().toLowerCase().split(/\s+/)[0] ?? '';
      const flag = ROLE_FLAGS[role];
      if (flag) {
        flags |= flag;
        out.role = role;
      }
    } else if (a.name === 'itemprop' && /(?:^|\s)articleBody(?:\s|$)/.test(a.value)) flags |= PAGE_FLAGS.body;
  }
  const words = classWords(className, id);
  if (words.positive) flags |= PAGE_FLAGS.positive;
  if (words.furniture) {
    flags |= PAGE_FLAGS.furniture;
    out.word = words.furniture;
  }
  if (words.ad) {
    flags |= PAGE_FLAGS.ad;
    out.ad = words.ad;
  }
  out.flags = flags;
  return out;
}
