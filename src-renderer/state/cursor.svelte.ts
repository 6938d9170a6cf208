/**
 * Focus and range selection over the paragraphs the list shows (all, or only flagged ones; a
 * folded run of boilerplate as its first paragraph). Positions are indexes into `visible`; the
 * paragraph index is `visible[position]`.
 */
export class Cursor {
  /** Paragraph index with keyboard focus. */
  focus = $state(0);
  /** Paragraph index where a Shift-selection started; null = no range. */
  anchor = $state<number | null>(null);

  constructor(
    private readonly visible: () => readonly number[],
    /** The paragraphs a folded row stands for, by its first paragraph (undefined for a plain row). */
    private readonly members: (index: number) => readonly number[] | undefined = () => undefined,
  ) {}

  /** Where a paragraph index sits in the visible list (the nearest one when it is hidden). */
  positionOf(index: number): number {
    const list = this.visible();
    if (list.length === 0) return -1;
    if (list[index] === index) return index; // unfiltered: position = index, no search
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves focus to a visible position; `extend` grows the range from the anchor (Shift). */
  moveTo(position: number, extend: boolean): void {
    const list = this.visible();
    if (list.length === 0) return;
    const target = list[Math.max(0, Math.min(list.length - 1, position))] as number;
    if (extend) this.anchor ??= this.focus;
    else this.anchor = null;
    this.focus = target;
  }

  move(delta: number, extend: boolean): void {
    this.moveTo(this.positionOf(this.focus) + delta, extend);
  }

  selectAll(): void {
    const list = this.visible();
    if (list.length === 0) return;
    this.anchor = list[0] as number;
    this.focus = list[list.length - 1] as number;
  }

  get hasRange(): boolean {
    return this.anchor !== null && this.anchor !== this.focus;
  }

  isSelected(index: number): boolean {
    if (this.anchor === null) return index === this.focus;
    const lo = Math.min(this.anchor, this.focus);
    const hi = Math.max(this.anchor, this.focus);
    return index >= lo && index <= hi && (this.visible()[this.positionOf(index)] === index);
  }

  /** Paragraph indexes the next command applies to: the range, else the focused paragraph; a folded row, all of its run. */
  targets(): number[] {
    if (this.anchor === null) return [...(this.members(this.focus) ?? [this.focus])];
    const list = this.visible();
    const a = this.positionOf(this.anchor);
    const b = this.positionOf(this.focus);
    return (list.slice(Math.min(a, b), Math.max(a, b) + 1) as number[]).flatMap((i) => this.members(i) ?? [i]);
  }
}
