/**
 * What the suggestion keys do (A, Shift+A, D; docs/shortcuts.md), with a short notice when nothing
 * happens. Accepting and turning down move on to the next paragraph without a decision, as the
 * editor is done with this one. On a folded run of boilerplate, A and D take every line of it in
 * one step; accepting moves on past the run, turning down shows its lines. Shift+A opens the
 * offer of what accepting all would take (state/accept-offer.ts); its keys are offer-keys.ts.
 */
import type { Notice } from '../../state/app-store.svelte';
import type { ArticleState } from '../../state/article-state.svelte';
import type { SuggestionsState } from '../../state/suggestions-state.svelte';
import { stepThreshold, toggleLabel } from '../../state/accept-offer';
import { i18n } from '../../i18n/i18n.svelte';
import type { OfferCommand } from './offer-keys';

/** What the suggestion keys need of the app. */
export interface SuggestionHost {
  readonly suggestions: SuggestionsState;
  notice: Notice | null;
  canEdit(): boolean;
}

export function runSuggestionKey(action: 'accept' | 'acceptAll' | 'reject', article: ArticleState, host: SuggestionHost): void {
  const suggestions = host.suggestions;
  if (suggestions.articleId !== article.view.id || suggestions.status !== 'ready' || !host.canEdit()) return;
  const m = i18n.m.suggest;
  const run = article.focusedFold;
  const lines = run ? run.end - run.start + 1 : 0;
  const targets = article.cursor.targets();
  if (action === 'accept') {
    if (suggestions.acceptFocused(article) === 0) {
      host.notice = { kind: 'info', text: m.nothingHere };
      return;
    }
    // The run's lines are decided now, so each has its row again: the next stop is after the run.
    article.advanceToUndecided(targets);
    if (run) host.notice = { kind: 'info', text: i18n.m.fold.accepted(lines) };
  } else if (action === 'reject') {
    if (suggestions.rejectFocused(article) === 0) host.notice = { kind: 'info', text: m.nothingHere };
    else if (run) host.notice = { kind: 'info', text: i18n.m.fold.rejected(lines) };
    // The lines of a run turned down show one by one, undecided, for the editor to label.
    else article.advanceToUndecided(targets);
  } else if (!suggestions.openOffer(article)) {
    host.notice = { kind: 'info', text: m.nothingStrong };
  }
}

/** A key in the open accept-all offer. */
export function runOfferCommand(command: OfferCommand, article: ArticleState, host: SuggestionHost): void {
  const suggestions = host.suggestions;
  const offer = suggestions.offer;
  if (!offer) return;
  switch (command.kind) {
    case 'accept': {
      const accepted = host.canEdit() ? suggestions.acceptOffer(article) : 0;
      suggestions.offer = null;
      host.notice = { kind: 'info', text: accepted > 0 ? i18n.m.suggest.accepted(accepted) : i18n.m.suggest.nothingTaken };
      return;
    }
    case 'cancel':
      suggestions.offer = null;
      return;
    case 'focus':
      suggestions.offer = { ...offer, focus: Math.max(0, Math.min(offer.labels.length - 1, offer.focus + command.delta)) };
      return;
    case 'step':
      suggestions.offer = stepThreshold(offer, command.step);
      return;
    case 'toggle':
      suggestions.offer = toggleLabel(offer, command.index);
      return;
    case 'hold':
      return;
  }
}
