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
    message: string,
  ) {
    super(message);
    this.name = 'ArticleReadError';
  }
}
