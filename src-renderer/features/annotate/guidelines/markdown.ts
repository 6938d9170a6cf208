/**
 * A small markdown subset for the guidelines panel, parsed into plain data that Svelte renders
 * as elements: headings, paragraphs, lists, block quotes, code blocks, rules; bold, italic,
 * code and links inline. Raw HTML is not interpreted: it stays visible text, so a guidelines
 * file can never inject markup or script.
 */
import { NextIndex, oneOf } from '../../../../src-main/core/next-index';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/**
 * Inline marks, read left to right in one pass: at each position the first of **bold** / __bold__,
 * *italic* / _italic_, `code` and [text](url) that closes wins (the order a regular expression
 * with those four alternatives would try), else the character is text. A regular expression
 * tried again from every "[" of "[[[…" is quadratic: 64,000 of them froze the panel for 2 s
 * (docs/reliability.md). Each closing mark is looked up with NextIndex, so the whole line is read once.
 */
export function parseInline(source: string): Inline[] {
  const find = finders(source);
  const out: Inline[] = [];
  let text = 0;
  const emit = (at: number, inline: Inline, end: number): number => {
    if (at > text) out.push({ kind: 'text', text: source.slice(text, at) });
    out.push(inline);
    text = end;
    return end - 1;
  };
  for (let at = 0; at < source.length; at++) {
    const mark = source[at] as string;
    if (mark === '*' || mark === '_') {
      const lineEnd = find.lineEnd.from(at);
      const before = (close: number) => close !== -1 && (lineEnd === -1 || close < lineEnd);
      if (source[at + 1] === mark) {
        const close = find.double(mark).from(at + 3);
        if (before(close)) {
          at = emit(at, { kind: 'strong', text: source.slice(at + 2, close) }, close + 2);
          continue;
        }
      }
      const close = find.single(mark).from(at + 2);
      if (before(close)) at = emit(at, { kind: 'em', text: source.slice(at + 1, close) }, close + 1);
    } else if (mark === '`') {
      const close = find.single('`').from(at + 1);
      if (close > at + 1) at = emit(at, { kind: 'code', text: source.slice(at + 1, close) }, close + 1);
    } else if (mark === '[') {
      const close = find.single(']').from(at + 1);
      if (close <= at + 1 || source[close + 1] !== '(') continue;
      const urlEnd = find.urlEnd.from(close + 2);
      if (urlEnd > close + 2 && source[urlEnd] === ')') at = emit(at, { kind: 'link', text: source.slice(at + 1, close), href: source.slice(close + 2, urlEnd) }, urlEnd + 1);
    }
  }
  if (text < source.length) out.push({ kind: 'text', text: source.slice(text) });
  return out;
}

/** The closing marks of one line, each looked up forward only (core/next-index.ts). */
function finders(source: string) {
  const made = new Map<string, NextIndex>();
  const finder = (key: string, holds: (text: string, at: number) => boolean): NextIndex => {
    let found = made.get(key);
    if (!found) made.set(key, (found = new NextIndex(source, holds)));
    return found;
  };
  return {
    single: (mark: string) => finder(mark, oneOf(mark)),
    double: (mark: string) => finder(mark + mark, (text, at) => text[at] === mark && text[at + 1] === mark),
    /** Bold and italic stay within a line. */
    lineEnd: finder('\n', oneOf('\n\r\u2028\u2029')),
    /** A link's address ends at ")" or white space. */
    urlEnd: finder(')', (text, at) => text[at] === ')' || /\s/.test(text[at] as string)),
  };
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    if (/^```/.test(line.trim())) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !/^```/.test((lines[i] as string).trim())) body.push(lines[i++] as string);
      i += 1;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: Math.min(4, (heading[1] as string).length) as 1 | 2 | 3 | 4, inlines: parseInline((heading[2] as string).replace(/\s#+\s*$/, '')) });
      i += 1;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push({ kind: 'rule' });
      i += 1;
      continue;
    }
    const bullet = /^\s*([-*+]|[\d۰-۹]+[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*[\d۰-۹]/.test(line);
      const items: Inline[][] = [];
      while (i < lines.length && bullet.test(lines[i] as string)) {
        let item = (lines[i] as string).replace(bullet, '');
        i += 1;
        // Lazy continuation lines (indented, not a new item) belong to the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i] as string) && !bullet.test(lines[i] as string)) item += ` ${(lines[i++] as string).trim()}`;
        items.push(parseInline(item));
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] as string)) body.push((lines[i++] as string).replace(/^\s*>\s?/, ''));
      blocks.push({ kind: 'quote', inlines: parseInline(body.join(' ')) });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== '' && !/^(#{1,6}\s|```|\s*>|\s*([-*+]|[\d۰-۹]+[.)])\s)/.test(lines[i] as string)) body.push((lines[i++] as string).trim());
    blocks.push({ kind: 'paragraph', inlines: parseInline(body.join(' ')) });
  }
  return blocks;
}
