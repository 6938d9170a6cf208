import { detailOf, englishText, type MainMessage } from '../../shared/messages';

/**
 * An error meant for the editor: a stable code and one plain sentence (which file, what, what to
 * do). Said as a message (shared/messages), it crosses to the renderer as code and parameters
 * (`detail`), written in the UI's language there; `message` is its English.
 */
export class PilcrowError extends Error {
  readonly detail: MainMessage | undefined;

  constructor(
    readonly code: string,
    said: MainMessage | string,
  ) {
    super(typeof said === 'string' ? said : englishText(said));
    this.name = 'PilcrowError';
    this.detail = typeof said === 'string' ? undefined : said;
  }

  /** Wraps an error from below under `code`, keeping the message it carries for the editor. */
  static wrapping(code: string, error: Error): PilcrowError {
    return new PilcrowError(code, detailOf(error) ?? error.message);
  }
}
