/**
 * What the HTML reader needs to know about an element before it walks into it: whether any text
 * a reader sees is inside it, whether that text sits in a block of its own, and whether it holds
 * a form control. One iterative post-order pass over the tree (deep pages overflow recursion),
 * so the walk itself stays a single linear pass. It also weighs the largest hidden block against
 * the visible text: a page saved while a dialog was open hides its whole body with aria-hidden.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { CONTROLS, isBlock, isElement, isHidden, SKIPPED, childrenOf } from './html-elements';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Some text a reader sees is in the subtree. */
export const HAS_TEXT = 1;
/** Some block element with text is in the subtree (the element is not just a run of inline text). */
export const HAS_BLOCK_TEXT = 2;
/** A form control is in the subtree. */
export const HAS_CONTROL = 4;
/** The element itself is hidden. */
const HIDDEN = 8;

export interface Survey {
  bits: Map<Element, number>;
  /** Characters of text outside and inside hidden elements (white space not counted). */
  visibleChars: number;
  hiddenChars: number;
  /** Characters inside the largest outermost hidden element. */
  largestHiddenChars: number;
}

const NON_SPACE = /\S/;

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0) n++;
  }
  return n;
}

/** `honourHidden` false: hidden elements count as visible (a page that hid its own body). */
export function survey(root: Node, honourHidden = true): Survey {
  const bits = new Map<Element, number>();
  let visibleChars = 0;
  let hiddenChars = 0;
  let hiddenDepth = 0;
  let largestHiddenChars = 0;
  let openedHiddenAt = 0;
  // Two parallel stacks rather than a frame object per node: pages have tens of thousands of nodes.
  const nodes: Node[] = [root];
  const exits: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (!exits.pop()) {
      if (node.nodeName === '#text' && 'value' in node) {
        if (hiddenDepth > 0) hiddenChars += visibleLength(node.value);
        else visibleChars += visibleLength(node.value);
        continue;
      }
      if (isElement(node)) {
        if (SKIPPED.has(node.tagName)) continue;
        if (CONTROLS.has(node.tagName)) {
          bits.set(node, HAS_CONTROL);
          continue;
        }
        const hidden = honourHidden && isHidden(node);
        if (hidden && hiddenDepth++ === 0) openedHiddenAt = hiddenChars;
        bits.set(node, hidden ? HIDDEN : 0);
      }
      nodes.push(node);
      exits.push(true);
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]!);
        exits.push(false);
      }
      continue;
    }
    if (!isElement(node)) continue;
    const own = bits.get(node) ?? 0;
    if (own & HIDDEN && --hiddenDepth === 0) largestHiddenChars = Math.max(largestHiddenChars, hiddenChars - openedHiddenAt);
    let combined = own;
    for (const child of node.childNodes) {
      if (child.nodeName === '#text' && 'value' in child) {
        if (NON_SPACE.test(child.value)) combined |= HAS_TEXT;
        continue;
      }
      if (!isElement(child)) continue;
      const b = bits.get(child) ?? 0;
      combined |= b & HAS_CONTROL;
      if (b & HIDDEN) continue;
      if (b & HAS_TEXT) combined |= HAS_TEXT | (isBlock(child) ? HAS_BLOCK_TEXT : 0);
      combined |= b & HAS_BLOCK_TEXT;
    }
    bits.set(node, combined);
  }
  return { bits, visibleChars, hiddenChars, largestHiddenChars };
}
