/**
 * A small markdown subset for the guidelines panel, parsed into plain data that Svelte renders
 * as elements: headings, paragraphs, lists, block quotes, code blocks, rules; bold, italic,
 * code and links inline. Raw HTML is not interpreted: it stays visible text, so a guidelines
 * file can never inject markup or script.
 */
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

const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/gu;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: source.slice(last, at) });
    if (match[2] !== undefined) out.push({ kind: 'strong', text: match[2] });
    else if (match[4] !== undefined) out.push({ kind: 'em', text: match[4] });
    else if (match[5] !== undefined) out.push({ kind: 'code', text: match[5] });
    else out.push({ kind: 'link', text: match[6] ?? '', href: match[7] ?? '' });
    last = at + match[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
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
