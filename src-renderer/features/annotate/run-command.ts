/**
 * What each key of the annotation loop does (keys.ts says which key is which command): the one
 * place the view's key handler and the keystroke eval (`npm run eval:keys`) run commands, so the
 * keys counted there are the keys of the app.
 */
import { i18n } from '../../i18n/i18n.svelte';
import type { ArticleState } from '../../state/article-state.svelte';
import type { Modal } from '../../state/app-store.svelte';
import type { LabelDef } from '../../../src-main/shared/labels';
import { commandForKey, type KeyCommand } from './keys';
import { needsWholeArticle } from './loading-keys';
import { offerCommandForKey } from './offer-keys';
import { runOfferCommand, runSuggestionKey, type SuggestionHost } from './suggestion-keys';

/** What the commands need of the app (AppStore has it all). */
export interface CommandHost extends SuggestionHost {
  undo(): Promise<void>;
  redo(): Promise<void>;
  openAdjacent(delta: 1 | -1): Promise<void>;
  /** The dialog over the app (the shortcuts sheet opens as one). */
  modal: Modal | null;
}

/** What the commands need of the view around the paragraphs. */
export interface CommandView {
  toggleGuidelines(): void;
  /** Closes the guidelines panel; false when it was not open. */
  closeGuidelines(): boolean;
  /** Moves the caret into the focused paragraph's note, once it is shown. */
  focusNote(): void;
}

/**
 * A key pressed in the annotation view: while the accept-all offer is open, its keys only;
 * otherwise the loop's command, run now or, on a long article still arriving, once the
 * paragraphs it needs are here. True when the key was the view's (its default is prevented).
 */
export function handleKey(event: KeyboardEvent, article: ArticleState, host: CommandHost & { readonly labels: readonly LabelDef[] }, view: CommandView): boolean {
  const offer = host.suggestions.offer;
  if (offer) {
    const command = offerCommandForKey(event, offer, host.labels, i18n.dir === 'rtl');
    if (command) runOfferCommand(command, article, host);
    return command !== null;
  }
  const command = commandForKey(event, host.labels);
  if (!command) return false;
  article.whenLoaded(needsWholeArticle(command, article), () => runCommand(command, article, host, view));
  return true;
}

export function runCommand(command: KeyCommand, article: ArticleState, host: CommandHost, view: CommandView): void {
  const cursor = article.cursor;
  switch (command.kind) {
    case 'move':
      return cursor.move(command.delta, command.extend);
    case 'edge':
      return cursor.moveTo(command.to === 'first' ? 0 : article.visible.length - 1, command.extend);
    case 'selectAll':
      return cursor.selectAll();
    case 'escape':
      if (!cursor.hasRange) view.closeGuidelines();
      cursor.anchor = null;
      return;
    case 'toggle':
      return article.label(command.label);
    case 'none': {
      // On a folded row, Enter (and Space) shows its lines: never "reviewed" for lines unseen.
      const run = article.focusedFold;
      return run ? article.openFold(run) : article.confirmNone();
    }
    case 'fold':
      if (!article.foldAgain()) host.notice = { kind: 'info', text: i18n.m.fold.notInRun };
      return;
    case 'clear':
      return article.clear();
    case 'undo':
      return void host.undo();
    case 'redo':
      return void host.redo();
    case 'flag':
      // A flag or a note goes on one line: on a folded row, on its first, shown.
      openFocusedFold(article);
      return article.toggleFlag();
    case 'note':
      openFocusedFold(article);
      return view.focusNote();
    case 'done':
      return article.toggleDone();
    case 'article':
      return void host.openAdjacent(command.delta);
    case 'undecided':
      if (!article.jumpToUndecided(command.direction)) host.notice = { kind: 'info', text: i18n.m.article.allDecided };
      return;
    case 'flaggedOnly':
      return article.toggleFlaggedOnly();
    case 'guidelines':
      return view.toggleGuidelines();
    case 'sheet':
      host.modal = 'shortcuts';
      return;
    case 'suggestion':
      return runSuggestionKey(command.action, article, host);
  }
}

function openFocusedFold(article: ArticleState): void {
  const run = article.focusedFold;
  if (run) article.openFold(run);
}
