/** The open article: its paragraphs, this annotator's labels, and the keyboard focus. */
import type { ArticleView } from '../../src-main/shared/views';
import type { LabelDef } from '../../src-main/shared/labels';
import { toggleLabel } from '../../src-main/core/labels';
import { call } from '../bridge/api';
import type { SaveTracker } from './save.svelte';

export class ArticleState {
  readonly view: ArticleView;
  labels = $state<Record<string, string[]>>({});
  focus = $state(0);

  constructor(
    view: ArticleView,
    private readonly schema: () => LabelDef[],
    private readonly saves: SaveTracker,
    private readonly onCounted: (articleId: string, labelled: number) => void,
  ) {
    this.view = view;
    this.labels = { ...view.labels };
  }

  get paragraphCount(): number {
    return this.view.paragraphs.length;
  }

  get labelledCount(): number {
    return this.view.paragraphs.filter((p) => (this.labels[p.id]?.length ?? 0) > 0).length;
  }

  labelsAt(index: number): string[] {
    const paragraph = this.view.paragraphs[index];
    return paragraph ? (this.labels[paragraph.id] ?? []) : [];
  }

  moveFocus(delta: number): void {
    this.setFocus(this.focus + delta);
  }

  setFocus(index: number): void {
    this.focus = Math.max(0, Math.min(this.paragraphCount - 1, index));
  }

  /** Toggles a label on one paragraph and saves the paragraph's whole label set. */
  toggle(index: number, label: string): void {
    const paragraph = this.view.paragraphs[index];
    if (!paragraph) return;
    const next = toggleLabel(this.labels[paragraph.id] ?? [], label, this.schema().map((l) => l.name));
    this.labels[paragraph.id] = next;
    void this.saves
      .track(call('labels.set', { articleId: this.view.id, paragraphId: paragraph.id, labels: next }))
      .then((result) => result && this.onCounted(this.view.id, result.labelledCount));
  }
}
