/**
 * Which keys wait while a long article is still arriving (docs/architecture.md), decided per command: a key
 * that only touches paragraphs already here runs at once; one that needs others (moving onto a
 * paragraph not here yet, End, select all, done, undo, the next undecided paragraph, the flagged
 * filter, accept-all) waits for the whole article (ArticleState.whenLoaded), so nothing acts on
 * half of it.
 */
import type { KeyCommand } from './keys';

/** What the decision reads of the open article. */
export interface LoadingArticle {
  readonly complete: boolean;
  readonly visible: readonly number[];
  isLoaded(index: number): boolean;
  readonly cursor: { focus: number; positionOf(index: number): number; targets(): number[] };
}

export function needsWholeArticle(command: KeyCommand, article: LoadingArticle): boolean {
  if (article.complete) return false;
  const { cursor, visible } = article;
  const allHere = (indexes: readonly number[]) => indexes.every((i) => article.isLoaded(i));
  const at = (position: number) => visible[Math.max(0, Math.min(visible.length - 1, position))] ?? cursor.focus;
  switch (command.kind) {
    case 'move':
      return !allHere([at(cursor.positionOf(cursor.focus) + command.delta)]);
    case 'edge':
      return !allHere([at(command.to === 'first' ? 0 : visible.length - 1)]);
    case 'toggle':
    case 'none':
    case 'clear':
    case 'flag':
    case 'note':
      return !allHere(cursor.targets());
    case 'suggestion':
      return command.action === 'acceptAll' || !allHere(cursor.targets());
    case 'selectAll':
    case 'undo':
    case 'redo':
    case 'done':
    case 'undecided':
    case 'flaggedOnly':
      return true;
    case 'escape':
    case 'fold':
    case 'article':
    case 'guidelines':
    case 'sheet':
      return false;
  }
}
