/**
 * schema.org `articleBody` from a page's JSON-LD scripts: the publisher's own copy of the
 * article's text, the strongest evidence of where the article is. The scripts are parsed as
 * data (never run), each at most 2 MB, searched without recursion; one that does not parse is
 * skipped.
 */
const MAX_SCRIPT = 2 * 1024 * 1024;

export function articleBodiesOf(scripts: readonly string[]): string[] {
  const bodies: string[] = [];
  for (const script of scripts) {
    if (script.length > MAX_SCRIPT) continue;
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
      if (Array.isArray(value)) for (const item of value) stack.push(item);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'articleBody' && typeof inner === 'string' && inner.trim()) bodies.push(inner);
          else if (inner && typeof inner === 'object') stack.push(inner);
        }
      }
    }
  }
  return bodies;
}
