/** Reading article files and changing how they are read (English). */
import { catalogue, type Said } from './define';

/** Why a legacy encoding guess was corrected (node/text/legacy.ts). */
export type GuessCorrection = 'persian-letters' | 'undefined-in-iso-8859-6' | 'undefined-in-windows-1252' | 'no-candidate';
export const CORRECTION_TEXT: Record<GuessCorrection, string> = {
  'persian-letters': 'Persian letters پ چ ژ گ ک occur',
  'undefined-in-iso-8859-6': 'bytes undefined in ISO-8859-6 occur',
  'undefined-in-windows-1252': 'bytes undefined in windows-1252 occur',
  'no-candidate': 'the detector named no candidate',
};

/** A setting of how an article is read (docs/formats.md). */
export type ReadingKey = 'encoding' | 'segmentation' | 'direction' | 'lang';

/** What a path that is not a regular file is. */
export type FileKind = 'folder' | 'pipe' | 'socket' | 'device' | 'link';
const KIND_TEXT: Record<FileKind, string> = { folder: 'a folder', pipe: 'a named pipe', socket: 'a socket', device: 'a device', link: 'a symbolic link' };

const TOO_MUCH_ADVICE = 'Split the document, or save it as plain text (.txt), which Pilcrow reads up to 20 MB.';

export const articleMessages = catalogue({
  // Why a file cannot be read as an article (node/text, node/formats, node/workspace/read-article.ts).
  'file-only-bom': () => 'The file holds only a byte order mark.',
  'file-empty': () => 'The file is empty.',
  'encoding-unsupported': (p: { encoding: string }, name) => `Pilcrow cannot decode "${name(p.encoding)}".`,
  'file-binary': () => 'The file contains NUL bytes: it looks binary, not text.',
  'not-regular-file': (p: { path: string; kind: FileKind }, name) => `${name(p.path)} is ${KIND_TEXT[p.kind]}, not a regular file; Pilcrow reads only files.`,
  'article-too-large': (p: { path: string; megabytes: string }, name) => `${name(p.path)} is ${p.megabytes} MB; Pilcrow opens articles up to 20 MB. Split the file or remove it from the workspace.`,
  'article-refused': (p: { path: string; problem: Said }, name, say) => `${name(p.path)} was not read: ${say(p.problem)}.`,
  'listed-link': (p: { path: string }, name) => `${name(p.path)} is a symbolic link; Pilcrow never follows links inside a workspace, so nothing it points to is listed. Replace the link with the real folder or file.`,
  /** A file that stopped Pilcrow (`crashed`) or went over a reading budget; `reason` is the English kept in the guard's state. */
  'read-skipped': (p: { path: string; crashed: boolean; reason: string }) => p.reason,
  'article-empty': (p: { path: string }, name) => `${name(p.path)} is empty.`,
  'not-article-file': (p: { file: string; extensions: string }, name) => `${name(p.file)} is not an article file (expected ${p.extensions}).`,
  'jsonl-no-such-article': (p: { article: string; file: string }, name) => `${name(p.article)}: no such article in ${name(p.file)}.`,
  'jsonl-line-gone': (p: { path: string; file: string }, name) => `${name(p.path)}: this line is no longer in ${name(p.file)}.`,
  'jsonl-no-articles': (p: { file: string }, name) => `${name(p.file)} has no articles.`,
  'jsonl-nothing-readable': (p: { file: string; first: Said[] }, name, say) => `${name(p.file)} has no readable article. ${p.first.map(say).join(' ')}`,
  'docx-not-zip': () => 'This is not a Word .docx file (not a zip archive).',
  'docx-no-directory': () => 'This .docx is damaged: its zip directory is missing.',
  'docx-short-directory': () => 'This .docx is damaged: its zip directory is cut short.',
  'docx-part-missing': (p: { part: string }, name) => `This .docx is damaged: part ${name(p.part)} is missing.`,
  'docx-part-size': (p: { part: string }, name) => `This .docx is damaged: part ${name(p.part)} has the wrong size.`,
  'docx-part-damaged': (p: { part: string }, name) => `This .docx is damaged: part ${name(p.part)} cannot be inflated.`,
  'docx-compression': (p: { method: number }) => `This .docx uses an unsupported compression method (${p.method}).`,
  'docx-zip64': () => 'This .docx declares a part of 4 GB or more.',
  'docx-too-large': (p: { size: string; limit: string }) => `This .docx would expand to ${p.size} (limit ${p.limit}).`,
  'docx-too-much-text': (p: { limit: string }) => `This .docx holds more than ${p.limit} of text; Pilcrow reads Word documents with up to ${p.limit} of text. ${TOO_MUCH_ADVICE}`,
  'docx-too-much-xml': (p: { size: string; limit: string }) => `This .docx holds ${p.size} of XML once unpacked; Pilcrow reads Word documents with up to ${p.limit} of XML (about 1,400 pages). ${TOO_MUCH_ADVICE}`,
  'docx-zip-bomb': (p: { ratio: number }) => `This .docx expands ${p.ratio} times: it looks like a zip bomb.`,
  'docx-part-bomb': (p: { part: string }, name) => `Part ${name(p.part)} of this .docx expands beyond the size it declares: it looks like a zip bomb.`,
  'docx-not-word': () => 'This zip archive is not a Word document (it has no word/document.xml).',
  'docx-unreadable': (p: { detail: string }) => `Word could not be read: ${p.detail}`,
  'docx-cut-short': () => 'This Word document is damaged: its text is cut short or is not valid XML. Open it in Word and save it again, or get a complete copy.',
  'outside-workspace': (p: { path: string }, name) => `${name(p.path)} is a link to a file outside the workspace; Pilcrow does not follow it. Copy the file into the workspace instead.`,
  'permission-denied': (p: { path: string }, name) => `${name(p.path)}: permission denied; check the file's permissions.`,
  'file-gone': (p: { path: string }, name) => `${name(p.path)}: the file is gone, or is a link to a file that does not exist.`,
  'link-loop': (p: { path: string }, name) => `${name(p.path)} is a link that points to itself (a loop of links).`,
  'article-missing': (p: { path: string }, name) => `${name(p.path)} is missing (deleted, moved or renamed); its labels are kept. Put the file back to go on labelling it.`,
  'is-folder': (p: { path: string }, name) => `${name(p.path)}: is a folder, not an article file.`,
  /** A read error of a file, said with the file's path in front. */
  'in-file': (p: { path: string; problem: Said }, name, say) => `${name(p.path)}: ${say(p.problem)}`,
  'labels-unreadable': (p: { path: string; detail: string }, name) => `${name(p.path)}: its labels cannot be read (${p.detail}).`,
  'read-failed': (p: { path: string; detail: string }, name) => `${name(p.path)}: ${p.detail}`,
  'folder-unreadable': (p: { folder: string; reason: string }, name) => `${name(p.folder)}/: this folder cannot be read (${p.reason}); its articles are not listed.`,

  // Read, but with something lost or guessed (the article's warnings, the list's problem).
  'invalid-utf8-replaced': (p: { count: number }) => `${p.count} byte(s) were not valid UTF-8 and were replaced by U+FFFD (�); if the text looks wrong, choose another encoding.`,
  'utf16-half-character': () => 'The file ends in half a UTF-16 character; it was dropped.',
  'undefined-bytes-replaced': (p: { count: number; encoding: string }) =>
    `${p.count} byte(s) have no character in ${p.encoding} and were replaced by U+FFFD (�); if the text looks wrong, choose another encoding.`,
  'encoding-from-nul-bytes': (p: { encoding: string }) => `No byte order mark; read as ${p.encoding} because of where its NUL bytes are.`,
  'charset-unknown': (p: { label: string }, name) => `The page declares charset "${name(p.label)}", which Pilcrow cannot decode; detecting instead.`,
  'charset-not-utf8': (p: { label: string }, name) => `The page declares charset "${name(p.label)}" but is not UTF-8; detecting instead.`,
  'charset-but-utf8': (p: { label: string }, name) => `The page declares charset "${name(p.label)}" but its bytes are valid UTF-8; read as UTF-8.`,
  'encoding-guessed': (p: { encoding: string; detected: string | null; correction: GuessCorrection | null; confidence: string }) =>
    `Encoding guessed as ${p.encoding}${p.correction ? ` (the detector said ${p.detected ?? 'nothing'}; chose ${p.encoding} because ${CORRECTION_TEXT[p.correction]})` : ''}, confidence ${p.confidence}; if the text looks wrong, choose another encoding.`,
  'page-no-text': () => 'The page has no text outside scripts, styles and the head.',
  'page-hidden-revealed': () => 'The page hides most of its text (it was probably saved with a dialog open); the hidden text is shown.',
  'word-no-text': () => 'The Word document has no text.',
  'word-note': (p: { detail: string }) => `Word: ${p.detail}`,
  'jsonl-bad-json': (p: { file: string; line: number; detail: string }, name) => `${name(p.file)} line ${p.line}: not valid JSON (${p.detail}); skipped.`,
  'jsonl-bad-article': (p: { file: string; line: number; detail: string }, name) => `${name(p.file)} line ${p.line}: ${p.detail}; skipped.`,
  'jsonl-no-text': (p: { file: string; line: number }, name) => `${name(p.file)} line ${p.line}: the article has no text; skipped.`,
  'jsonl-too-many-lines': (p: { file: string; name: string; count: number; max: number }, name) =>
    `${name(p.file)} holds ${p.count.toLocaleString('en')} lines; Pilcrow opens JSON Lines files of up to ${p.max.toLocaleString('en')} articles, so none of them is listed. Split it into files of up to ${p.max.toLocaleString('en')} lines (for example: split -l ${p.max} --additional-suffix=.jsonl ${name(p.name)} part-).`,
  'jsonl-repeated-id': (p: { file: string; line: number; key: string }, name) =>
    `${name(p.file)} line ${p.line}: id "${name(p.key)}" was already used; this article is keyed "${name(`${p.key}#line-${p.line}`)}".`,
  'bytes-replaced': (p: { path: string; count: number; encoding: string }, name) =>
    `${name(p.path)}: ${p.count} byte(s) could not be decoded as ${p.encoding} and show as �. Open it and choose another encoding if the text looks wrong.`,

  // Changing how an article is read (node/articles/editor.ts).
  'fixed-encoding': (p: { path: string; format: string }, name) => `${name(p.path)}: a ${p.format} file's encoding is fixed by its format; it cannot be changed.`,
  'fixed-segmentation': (p: { path: string; format: string }, name) => `${name(p.path)}: a ${p.format} file's paragraphs come from its own structure; use split and merge instead.`,
  'nothing-to-undo': () => 'That change can no longer be undone (it was undone already, or Pilcrow was restarted).',
  'unknown-orphan': (p: { path: string; number: number }, name) => `${name(p.path)} has no orphaned label number ${p.number}; reopen the article.`,
  'unknown-paragraph': (p: { path: string; paragraph: string }, name) => `${name(p.path)} has no paragraph ${p.paragraph}; the file may have changed. Reopen the article.`,
  'edit-not-applied': (p: { path: string }, name) => `${name(p.path)}: that change would not apply cleanly to the text; nothing was changed.`,
  'split-needs-caret': () => 'Put the caret inside the paragraph, between two words, to split it there.',
  'merge-needs-next': () => 'The last paragraph has no next paragraph to merge with.',
  'edit-undone': () => 'Undone.',
  'orphan-reattached': (p: { paragraph: number }) => `Put the orphaned label back on paragraph ${p.paragraph}, marked to re-check.`,
  'paragraph-split': (p: { paragraph: number }) => `Split paragraph ${p.paragraph} in two; both halves keep its labels and are marked to re-check.`,
  'paragraphs-merged': (p: { first: number }) => `Merged paragraphs ${p.first} and ${p.first + 1}; the labels of both are kept and marked to re-check.`,
  'edits-reset': () => 'Removed every split and merge in this article.',
  'edit-no-longer-fits': (p: { kind: 'split' | 'merge'; where: string }) => `Your ${p.kind} at ${p.where} no longer matches the file's text, so it is not applied. Reset the splits and merges to clear it.`,
  'reading-saved': (p: { changes: { key: ReadingKey; value: string | null }[] }) => `Saved for the whole team: ${p.changes.map((c) => (c.value === null ? `${c.key}: as detected` : `${c.key}: ${c.value}`)).join(', ')}.`,
  'nothing-changed': () => 'Nothing changed.',

  // A long article's window (node/app/article-window.ts).
  'out-of-range': (p: { path: string; total: number; paragraph: number }, name) => `${name(p.path)} has ${p.total} paragraphs: there is no paragraph ${p.paragraph} to send.`,
  'read-again': (p: { path: string }, name) => `${name(p.path)} was read again since it was opened (its file or how it is read changed).`,
});
