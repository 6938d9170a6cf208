/**
 * How an annotation file is laid out on disk: plain JSON, the file's fields one per line, then one
 * line per decision and one per orphan, so a git diff of a save shows exactly the decisions that
 * changed and the file stays readable with line tools. Any JSON layout reads the same (files
 * pretty-printed by earlier versions load unchanged).
 *
 * Saving is on every keystroke, and an article can hold thousands of decisions, so each file's
 * serialiser remembers the lines it produced and checked last time: a line whose JSON is
 * unchanged is reused as bytes, and only new or changed lines are encoded and checked against
 * the schema, parsed back from the exact text written. The file's fields are checked on every
 * save. Together that is the whole file's schema, so the bytes written always read back.
 */
import { z } from 'zod';
import { annotationFileSchema, orphanSchema, paragraphEntrySchema, type AnnotationFile } from './schema';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);
const COMMA_LF = bytesOf(',\n');
const LF = bytesOf('\n');

interface Line {
  json: string;
  bytes: Uint8Array;
}

/** The file's own fields (everything but the decisions), checked whole on every save. */
const headerSchema = annotationFileSchema.extend({ paragraphs: z.object({}).strict(), orphans: z.array(z.never()) });

export class LayerSerialiser {
  #paragraphs = new Map<string, Line>();
  #orphans: Line[] = [];

  /** The file's bytes; throws (naming the paragraph) when something would not read back. */
  serialise(data: AnnotationFile): Uint8Array {
    const { paragraphs, orphans, ...fields } = data;
    headerSchema.parse({ ...fields, paragraphs: {}, orphans: [] });
    const chunks: Uint8Array[] = [bytesOf(`${headerText(fields)},\n  "paragraphs": {`)];
    const nextParagraphs = new Map<string, Line>();
    let first = true;
    for (const [id, entry] of Object.entries(paragraphs)) {
      const line = lineFor(this.#paragraphs.get(id), entry, (json) => {
        checked(paragraphEntrySchema, json, `paragraph ${id}`);
        return `    ${JSON.stringify(id)}: ${json}`;
      });
      nextParagraphs.set(id, line);
      chunks.push(first ? LF : COMMA_LF, line.bytes);
      first = false;
    }
    chunks.push(bytesOf(`${first ? '' : '\n  '}},\n  "orphans": [`));
    const nextOrphans = orphans.map((orphan, i) =>
      lineFor(this.#orphans[i], orphan, (json) => {
        checked(orphanSchema, json, `orphaned decision ${orphan.paragraph_id}`);
        return `    ${json}`;
      }),
    );
    nextOrphans.forEach((line, i) => chunks.push(i === 0 ? LF : COMMA_LF, line.bytes));
    chunks.push(bytesOf(`${nextOrphans.length ? '\n  ' : ''}]\n}\n`));
    // Only lines that passed the check are remembered: a failed save checks them again next time.
    this.#paragraphs = nextParagraphs;
    this.#orphans = nextOrphans;
    return concat(chunks);
  }
}

/** The remembered line when its JSON is unchanged; otherwise a new one, built (and checked) by `make`. */
function lineFor(previous: Line | undefined, value: unknown, make: (json: string) => string): Line {
  const json = JSON.stringify(value);
  if (previous && previous.json === json) return previous;
  return { json, bytes: bytesOf(make(json)) };
}

/** Parses the exact JSON text that will be written, as a reader will. */
function checked(schema: z.ZodType, json: string, what: string): void {
  const result = schema.safeParse(JSON.parse(json));
  if (!result.success) throw new Error(`${what}: ${z.prettifyError(result.error).replace(/\s+/g, ' ')}`);
}

function headerText(fields: Omit<AnnotationFile, 'paragraphs' | 'orphans'>): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}`;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
