/** Review state: which teammates are compared, the article's side-by-side paragraphs, focus. */
import type { DisagreementView, ReviewArticle, ReviewParagraph } from '../../../src-main/shared/contract/review';
import { call } from '../../bridge/api';
import { messageOf } from '../../bridge/message-of';
import { i18n } from '../../i18n/i18n.svelte';
import type { SaveTracker } from '../../state/save-tracker.svelte';

/** `model`: the learned suggester's panel (features/learn). */
export type Mode = 'annotate' | 'review' | 'agreement' | 'model' | 'team';

export class ReviewState {
  mode = $state<Mode>('annotate');
  annotators = $state<string[]>([]);
  selected = $state<string[]>([]);
  hasGold = $state(false);
  article = $state<ReviewArticle | null>(null);
  focus = $state(0);
  onlyDisagreements = $state(false);
  error = $state<string | null>(null);
  status = $state<string | null>(null);
  /** Counts paragraphs focused from elsewhere (a link, the next article): the view scrolls to each. */
  revealCount = $state(0);
  /** The paragraph whose reply box is open. */
  replying = $state<string | null>(null);
  /** The paragraph to focus once its article loads. */
  private target: string | null = null;

  /** `saves`: the window's save indicator, which a gold answer being written shows too. */
  constructor(private readonly saves?: SaveTracker) {}

  get rows(): ReviewParagraph[] {
    const all = this.article?.paragraphs ?? [];
    return this.onlyDisagreements ? all.filter((p) => p.state === 'disagree' || p.state === 'missing') : all;
  }

  get focused(): ReviewParagraph | undefined {
    return this.rows[this.focus];
  }

  async loadAnnotators(): Promise<void> {
    await this.guard(async () => {
      const result = await call('review.annotators', {});
      this.annotators = result.annotators;
      this.hasGold = result.hasGold;
      // A reviewer usually adjudicates teammates, not themself: start with the others.
      const others = result.annotators.filter((a) => a !== result.me);
      // A layer renamed, merged or removed (Layers…) is no longer there to compare.
      this.selected = this.selected.filter((a) => result.annotators.includes(a));
      if (this.selected.length === 0) this.selected = (others.length >= 2 ? others : result.annotators).slice(0, 4);
    });
    if (this.waiting) await this.load(this.waiting);
  }

  /** The article asked for before the annotator list arrived, loaded once it does. */
  private waiting: string | null = null;

  async load(articleId: string): Promise<void> {
    if (this.selected.length === 0) {
      this.article = null;
      this.waiting = articleId;
      return;
    }
    this.waiting = null;
    await this.guard(async () => {
      const target = this.target;
      this.target = null;
      const focusedId = target ?? this.focused?.id;
      this.article = await call('review.article', { articleId, annotators: [...this.selected] });
      const again = this.rows.findIndex((p) => p.id === focusedId);
      this.focus = again >= 0 ? again : 0;
      if (target) this.revealCount += 1;
    });
  }

  /** Focus `paragraphId` when its article next loads. */
  aim(paragraphId: string): void {
    this.target = paragraphId;
  }

  /** The first disagreement of the next article (path order, wrapping) that has one; null says so in the status. */
  async findNextArticle(after: string | undefined): Promise<DisagreementView | null> {
    if (this.selected.length < 2) {
      this.status = i18n.m.review.chooseTwoForNext;
      return null;
    }
    let found: DisagreementView | null = null;
    await this.guard(async () => {
      found = await call('review.nextDisagreement', { annotators: [...this.selected], ...(after ? { after } : {}) });
      this.status = found ? null : i18n.m.review.noDisagreementsInWorkspace;
    });
    return found;
  }

  toggleAnnotator(name: string, articleId: string | undefined): void {
    this.selected = this.selected.includes(name) ? this.selected.filter((a) => a !== name) : [...this.selected, name];
    if (articleId) void this.load(articleId);
  }

  move(delta: number): void {
    this.focus = Math.max(0, Math.min(this.rows.length - 1, this.focus + delta));
  }

  /** Focuses the next paragraph that still needs a decision (disagreement or a missing one). */
  nextDisagreement(): boolean {
    const rows = this.rows;
    for (let step = 1; step <= rows.length; step++) {
      const i = (this.focus + step) % rows.length;
      const state = rows[i]?.state;
      if (state === 'disagree' || state === 'missing') {
        this.focus = i;
        return true;
      }
    }
    this.status = i18n.m.review.noDisagreements;
    return false;
  }

  /** Sets gold for the focused paragraph: an annotator's answer, the majority, or new labels. */
  async take(took: string, labels: string[] | null): Promise<void> {
    const paragraph = this.focused;
    const article = this.article;
    if (!paragraph || !article) return;
    await this.guard(async () => {
      const request = call('review.setGold', { articleId: article.id, paragraphId: paragraph.id, labels, took });
      const updated = this.saves ? await this.saves.track(request.then((p) => ({ ...p, savedAt: p.gold?.updated_at ?? clearedAt() }))) : await request;
      if (!updated) {
        this.error = this.saves?.failure ?? null;
        return;
      }
      const index = article.paragraphs.findIndex((p) => p.id === paragraph.id);
      article.paragraphs[index] = { ...paragraph, gold: updated.gold, state: updated.gold ? 'adjudicated' : recomputeState(paragraph) };
      this.status = updated.gold ? i18n.m.review.goldSet(updated.gold.labels.join(', ') || i18n.m.review.noLabel, took) : i18n.m.review.goldCleared;
    });
  }

  /** Sends the editor's reply on a paragraph; true once it is saved (the box closes), false with the error shown. */
  async sendReply(paragraphId: string, re: string | null, text: string): Promise<boolean> {
    const article = this.article;
    if (!article || !text.trim()) return false;
    let sent = false;
    await this.guard(async () => {
      const thread = await call('review.reply', { articleId: article.id, paragraphId, re, text });
      const index = article.paragraphs.findIndex((p) => p.id === paragraphId);
      if (index >= 0) article.paragraphs[index] = { ...article.paragraphs[index]!, replies: thread };
      this.replying = null;
      sent = true;
    });
    return sent;
  }

  async acceptAgreed(articleId: string | undefined): Promise<void> {
    await this.guard(async () => {
      const result = await call('review.acceptAgreed', { annotators: [...this.selected], ...(articleId ? { articleId } : {}) });
      this.status = i18n.m.review.accepted(result.accepted, result.articles);
      this.hasGold = this.hasGold || result.accepted > 0;
      if (this.article) await this.load(this.article.id);
    });
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      this.error = null;
      await work();
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}

function recomputeState(p: ReviewParagraph): ReviewParagraph['state'] {
  const ds = Object.values(p.decisions);
  if (ds.some((d) => d === null)) return 'missing';
  const keys = new Set(ds.map((d) => [...(d ?? [])].sort().join('|')));
  return keys.size <= 1 ? 'agree' : 'disagree';
}

/** When a gold answer was cleared: now (the reply carries no time for an answer that is gone). */
function clearedAt(): string {
  return new Date(Date.now()).toISOString();
}
