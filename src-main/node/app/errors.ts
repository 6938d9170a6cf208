/** An error meant for the editor: a stable code and one plain sentence (which file, what, what to do). */
export class PilcrowError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PilcrowError';
  }
}
