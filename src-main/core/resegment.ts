/**
 * When the same text is cut into paragraphs differently (a split, a merge, another
 * segmentation rule), each new paragraph inherits the decisions of the old paragraphs it
 * overlaps. Offsets are code points into the one article text, so overlap is exact.
 */
export interface Span {
  id: string;
  index: number;
  start: number;
  end: number;
}

export interface Inheritance {
  /** The new paragraph. */
  paragraph: Span;
  /** Old paragraphs it overlaps, in text order. */
  from: Span[];
  /** True when it is exactly one old paragraph, untouched by the change. */
  same: boolean;
}

export function inherit(oldSpans: readonly Span[], newSpans: readonly Span[]): { inheritances: Inheritance[]; lost: Span[] } {
  const byStart = [...oldSpans].sort((a, b) => a.start - b.start);
  const used = new Set<Span>();
  let first = 0;
  const inheritances = [...newSpans]
    .sort((a, b) => a.start - b.start)
    .map((paragraph) => {
      while (first < byStart.length && (byStart[first]?.end ?? 0) <= paragraph.start) first++;
      const from: Span[] = [];
      for (let i = first; i < byStart.length; i++) {
        const old = byStart[i]!;
        if (old.start >= paragraph.end) break;
        if (Math.min(old.end, paragraph.end) > Math.max(old.start, paragraph.start)) from.push(old);
      }
      from.forEach((o) => used.add(o));
      const only = from.length === 1 ? from[0] : undefined;
      const same = !!only && only.id === paragraph.id && only.start === paragraph.start && only.end === paragraph.end;
      return { paragraph, from, same };
    });
  return { inheritances, lost: oldSpans.filter((o) => !used.has(o)) };
}
