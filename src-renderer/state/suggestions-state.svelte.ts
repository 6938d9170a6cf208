/**
 * The open article's suggestions (docs/suggestions.md): fetched when the article opens, shown as
 * ghost labels, accepted or turned down by key. A failing fetch never gets in the way of
 * annotating: the view says so quietly and works without suggestions.
 */
import type { ArticleSuggestionsView, SuggestionView } from '../../src-main/shared/contract/suggest';
import type { NotCuedReason } from '../../src-main/core/suggest/cue-limit';
import type { LabelMode } from '../../src-main/shared/labels';
import { DEFAULT_ACCEPT_ALL } from '../../src-main/core/suggest/types';
import { call } from '../bridge/api';
import { messageOf } from '../bridge/message-of';
import type { ArticleState } from './article-state.svelte';
import { decisionOf, type Decision } from './decision-logic';
import type { UndoHistory } from './undo-history.svelte';
import type { SaveTracker } from './save-tracker.svelte';
import type { GhostLookup } from './folds.svelte';
import { acceptGhosts, ghostsOf, GhostTally, type Ghost } from './suggestion-logic';
import { acceptOffered, makeOffer, offerCounts, type AcceptOffer, type OfferParagraph } from './accept-offer';

export type SuggestionsStatus = 'idle' | 'loading' | 'ready' | 'failed';

const NOT_MEASURED: ArticleSuggestionsView['measured'] = { decided: 0, labels: {} };

interface Rejection {
  paragraphId: string;
  label: string;
  suggester: string;
}

export interface SuggestionsContext {
  labels: () => string[];
  mode: () => LabelMode;
  saves: SaveTracker;
  history: UndoHistory;
}

export class SuggestionsState {
  articleId = $state<string | null>(null);
  status = $state<SuggestionsStatus>('idle');
  error = $state<string | null>(null);
  problems = $state.raw<string[]>([]);
  acceptAll = $state(DEFAULT_ACCEPT_ALL);
  /** How the rules' scores were measured on the workspace's decisions (docs/suggestions.md). */
  measured = $state.raw<ArticleSuggestionsView['measured']>(NOT_MEASURED);
  /** What Shift+A offers, while its panel is open (accept-offer.ts). */
  offer = $state.raw<AcceptOffer | null>(null);
  private byParagraph = $state.raw<Record<string, SuggestionView[]>>({});
  private rejected = $state.raw<Record<string, string[]>>({});
  /** Paragraphs the text cues did not read, and why (core/suggest/cue-limit.ts). */
  private notCued = $state.raw<ArticleSuggestionsView['notCued']>({});
  /** Only the answer for the article opened last counts. */
  private request = 0;
  /**
   * The schema's label names, read once per schema change: every mounted row asks for its ghosts
   * and the bar counts them, and walking the workspace's label proxy for each cost ms per key.
   */
  private readonly schema = $derived.by(() => this.ctx.labels());
  private readonly tally = new GhostTally();

  constructor(private readonly ctx: SuggestionsContext) {}

  async open(articleId: string): Promise<void> {
    const request = ++this.request;
    this.articleId = articleId;
    this.status = 'loading';
    this.byParagraph = {};
    this.rejected = {};
    this.notCued = {};
    this.offer = null;
    this.measured = NOT_MEASURED;
    this.tally.clear();
    try {
      const view = await call('suggest.article', { articleId });
      if (request !== this.request) return;
      this.byParagraph = view.paragraphs;
      this.rejected = view.rejected;
      this.notCued = view.notCued;
      this.problems = view.problems;
      this.acceptAll = view.acceptAll;
      this.measured = view.measured;
      this.status = 'ready';
      this.error = null;
    } catch (error) {
      if (request !== this.request) return;
      this.status = 'failed';
      this.error = messageOf(error);
    }
  }

  /** After a settings change: the same article, fetched again. */
  reload(): Promise<void> {
    return this.articleId ? this.open(this.articleId) : Promise.resolve();
  }

  ghostsFor(paragraphId: string, decision: Decision): Ghost[] {
    return ghostsOf(this.byParagraph[paragraphId], decision, this.rejected[paragraphId], this.schema);
  }

  /** Why the text cues did not read this paragraph, when they did not. */
  notCuedFor(paragraphId: string): NotCuedReason | undefined {
    return this.notCued[paragraphId];
  }

  /**
   * An undecided paragraph's ghosts in this article, for the runs of boilerplate the view folds
   * (state/folds.svelte.ts); null until the article's suggestions are in.
   */
  ghostLookup(articleId: string): GhostLookup {
    if (this.articleId !== articleId || this.status !== 'ready') return null;
    return (paragraphId) => this.ghostsFor(paragraphId, null);
  }

  /** Ghosts in the whole article (for the bar above the paragraphs). */
  countIn(article: ArticleState): { all: number; strong: number } {
    let all = 0;
    let strong = 0;
    for (const p of article.paragraphs) {
      const suggestions = p && this.byParagraph[p.id];
      if (!p || !suggestions) continue;
      const counted = this.tally.count(p.id, suggestions, article.decisions.get(p.id), this.rejected[p.id], this.schema, this.acceptAll);
      all += counted.all;
      strong += counted.strong;
    }
    return { all, strong };
  }

  /** The key for "accept": every ghost of the focused paragraph (or the selection). Returns how many. */
  acceptFocused(article: ArticleState): number {
    return this.acceptWhere(article, article.cursor.targets(), (current, ghosts) => acceptGhosts(current, ghosts, this.ctx.mode(), this.ctx.labels()));
  }

  /** One ghost, clicked. */
  acceptOne(article: ArticleState, index: number, label: string): number {
    return this.acceptWhere(article, [index], (current, ghosts) => acceptGhosts(current, ghosts.filter((g) => g.label === label), this.ctx.mode(), this.ctx.labels()));
  }

  /**
   * Shift+A: the offer of what accepting all would take, per label from the score that would be
   * right (accept-offer.ts). Only run on the whole article (loading-keys.ts). False when no ghost
   * could be accepted.
   */
  openOffer(article: ArticleState): boolean {
    this.offer = makeOffer(this.offerParagraphs(article), this.schema, this.measured.labels, this.acceptAll, this.ctx.mode());
    return this.offer !== null;
  }

  /** The ghosts each label of the open offer takes in the article. */
  offerCounts(article: ArticleState): Record<string, number> {
    return this.offer ? offerCounts(this.offer, this.offerParagraphs(article), this.ctx.mode()) : {};
  }

  /** Enter in the offer: accepts what it takes, in one undo step, and closes it. Returns how many labels. */
  acceptOffer(article: ArticleState): number {
    const offer = this.offer;
    this.offer = null;
    if (!offer) return 0;
    // Only run on the whole article (loading-keys.ts): a missing paragraph would be skipped.
    const targets = article.paragraphs.map((_, index) => index);
    return this.acceptWhere(article, targets, (current, ghosts) => acceptOffered(offer, current, ghosts, this.ctx.mode(), this.ctx.labels()));
  }

  /** The key for "reject": the focused paragraph's ghosts (or the selection's) are turned down, undoably. */
  rejectFocused(article: ArticleState): number {
    const rejections: Rejection[] = [];
    for (const index of article.cursor.targets()) {
      const paragraph = article.paragraphs[index];
      if (!paragraph) continue;
      for (const g of this.ghostsFor(paragraph.id, decisionOf(article.decisions.get(paragraph.id)))) rejections.push({ paragraphId: paragraph.id, label: g.label, suggester: g.suggester });
    }
    if (rejections.length === 0) return 0;
    const articleId = article.view.id;
    const send = (undo: boolean) => async () => {
      this.mark(articleId, rejections, !undo);
      await this.ctx.saves.track(call('labels.rejectSuggestions', { articleId, rejections, ...(undo ? { undo: true } : {}) }));
    };
    const entry = { kind: 'external' as const, articleId, apply: send(false), revert: send(true) };
    this.ctx.history.record(entry);
    void entry.apply();
    return rejections.length;
  }

  /** Every arrived paragraph with ghosts, with the editor's decision. */
  private offerParagraphs(article: ArticleState): OfferParagraph[] {
    const out: OfferParagraph[] = [];
    article.paragraphs.forEach((p, index) => {
      if (!p || !this.byParagraph[p.id]) return;
      const current = decisionOf(article.decisions.get(p.id));
      const ghosts = this.ghostsFor(p.id, current);
      if (ghosts.length > 0) out.push({ index, current, ghosts });
    });
    return out;
  }

  private acceptWhere(article: ArticleState, targets: number[], decide: (current: Decision, ghosts: Ghost[]) => Decision): number {
    const changed: number[] = [];
    const after: Decision[] = [];
    let accepted = 0;
    for (const index of targets) {
      const paragraph = article.paragraphs[index];
      if (!paragraph || !this.byParagraph[paragraph.id]) continue;
      const current = decisionOf(article.decisions.get(paragraph.id));
      const next = decide(current, this.ghostsFor(paragraph.id, current));
      if (next === current) continue;
      accepted += (next?.labels.length ?? 0) - (current?.labels.filter((l) => next?.labels.includes(l)).length ?? 0);
      changed.push(index);
      after.push(next);
    }
    if (changed.length > 0) article.decide(changed, after);
    return accepted;
  }

  /** Shows a rejection (or its undo) at once, when that article is the one open. */
  private mark(articleId: string, rejections: readonly Rejection[], rejected: boolean): void {
    if (this.articleId !== articleId) return;
    const next = { ...this.rejected };
    for (const r of rejections) {
      const labels = (next[r.paragraphId] ?? []).filter((l) => l !== r.label);
      if (rejected) labels.push(r.label);
      if (labels.length > 0) next[r.paragraphId] = labels;
      else delete next[r.paragraphId];
    }
    this.rejected = next;
  }
}
