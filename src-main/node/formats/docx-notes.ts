/**
 * Word footnotes and endnotes as paragraphs of their own. mammoth writes a note reference as a
 * superscript link ("Ouch[1].") and each note as a list item ending in a "↑" back-link; both are
 * artefacts in an article's text. Before mammoth renders the document, each reference is taken
 * out of the body and its note becomes one paragraph at the end, in order of first reference,
 * marked by its number as Word prints it: footnotes `[1] …`, endnotes `[i] …` (Word's default
 * lower-case roman numbering). A note's own paragraphs become lines of that one paragraph.
 */

/** mammoth's document elements, as far as this transform reads them (mammoth/lib/documents.js). */
interface DocElement {
  type: string;
  children?: DocElement[];
  noteType?: 'footnote' | 'endnote';
  noteId?: string;
  body?: DocElement[];
  [key: string]: unknown;
}

interface DocNotes {
  resolve(reference: { noteType: string; noteId: string }): DocElement | null;
}

export function notesAsParagraphs(document: DocElement & { notes?: DocNotes }): DocElement {
  const references: DocElement[] = [];
  const children = withoutReferences(document.children ?? [], references);
  const seen = new Set<string>();
  const counters = { footnote: 0, endnote: 0 };
  const notes: DocElement[] = [];
  for (const reference of references) {
    const key = `${reference.noteType}:${reference.noteId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const note = document.notes?.resolve({ noteType: reference.noteType ?? 'footnote', noteId: reference.noteId ?? '' });
    if (!note) continue;
    const kind = reference.noteType === 'endnote' ? 'endnote' : 'footnote';
    counters[kind] += 1;
    const marker = kind === 'endnote' ? roman(counters[kind]) : String(counters[kind]);
    notes.push(noteParagraph(`[${marker}] `, withoutReferences(note.body ?? [], [])));
  }
  return { ...document, children: [...children, ...notes] };
}

/** The elements without note references (collected into `into`), at any depth. */
function withoutReferences(elements: readonly DocElement[], into: DocElement[]): DocElement[] {
  const out: DocElement[] = [];
  for (const element of elements) {
    if (element.type === 'noteReference') {
      into.push(element);
      continue;
    }
    out.push(element.children ? { ...element, children: withoutReferences(element.children, into) } : element);
  }
  return out;
}

/** One paragraph: the marker, then the note's paragraphs' contents joined by line breaks. */
function noteParagraph(marker: string, body: readonly DocElement[]): DocElement {
  const runs: DocElement[] = [run([{ type: 'text', value: marker }])];
  body.forEach((block, i) => {
    if (i > 0) runs.push(run([{ type: 'break', breakType: 'line' }]));
    runs.push(...(block.type === 'paragraph' ? (block.children ?? []) : [block]));
  });
  return { type: 'paragraph', children: runs, styleId: null, styleName: null, numbering: null, alignment: null, indent: { start: null, end: null, firstLine: null, hanging: null } };
}

function run(children: DocElement[]): DocElement {
  return {
    type: 'run', children, styleId: null, styleName: null, isBold: false, isUnderline: false, isItalic: false, isStrikethrough: false,
    isAllCaps: false, isSmallCaps: false, verticalAlignment: 'baseline', font: null, fontSize: null, highlight: null,
  };
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}
