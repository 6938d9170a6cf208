/**
 * What the editor should know about how an article was read, beyond encoding guesses: hidden
 * text a saved page held and Pilcrow left out, and plain text read as hard-wrapped (which joins
 * lines into paragraphs). Carried as data so the header can say it in the editor's language
 * (src-renderer); `noteText` is the English sentence the CLI prints among the warnings.
 */
export type ReadingNote =
  /** A saved page's hidden text (hidden, aria-hidden, display:none…) left out, in pieces. */
  | { code: 'hidden-lines'; count: number }
  /** Plain text detected as hard-wrapped: lines joined into blank-line blocks. */
  | { code: 'hard-wrapped' };

export function noteText(note: ReadingNote): string {
  switch (note.code) {
    case 'hidden-lines':
      return `${note.count} hidden line${note.count === 1 ? ' was' : 's were'} left out: the page hides them from its readers (hidden, aria-hidden, display:none).`;
    case 'hard-wrapped':
      return 'Read as hard-wrapped text: lines that stop mid-sentence near one width were joined into paragraphs at blank lines. If each line is a paragraph, choose "One per line" under Paragraphs.';
  }
}
