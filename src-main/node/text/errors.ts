import { englishText, type MainMessage } from '../../shared/messages';

/** Why an article file could not be read; `code` lets the UI pick a message and a remedy. */
export type ArticleReadErrorCode =
  | 'binary'
  | 'empty'
  | 'too-large'
  | 'unreadable'
  | 'bad-docx'
  | 'bad-jsonl'
  | 'outside-workspace'
  | 'unsupported-encoding'
  /** Skipped: it stopped Pilcrow last time, or went over a budget; read again once it changes (workspace/read-guard.ts). */
  | 'skipped';

export class ArticleReadError extends Error {
  constructor(
    readonly code: ArticleReadErrorCode,
    /** What to tell the editor (shared/messages); the message is its English. */
    readonly detail: MainMessage,
  ) {
    super(englishText(detail));
    this.name = 'ArticleReadError';
  }
}
