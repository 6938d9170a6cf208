/**
 * Assignments on disk: `.pilcrow/assignments/<annotator>.jsonl`, one file per annotator, a
 * header line and then one line per assigned article, sorted by article path (docs/teams.md,
 * "Assignments"). A teammate's file is untrusted input: it is read confined and size-limited,
 * validated line by line, and a file that fails is refused with its name and line and left
 * exactly as it is — a read never moves, restores or rewrites it.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { byCodePoint, type Assignments, type QueueItem } from '../../core/team/assign';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';
import { nameRecord } from '../../shared/name-record';
import { PILCROW_DIR } from '../annotations/paths';
import { conflictCopyName } from '../annotations/conflict-copies';
import { ASSIGNMENTS_LIMIT, confinedDurableFs, listConfined, lstatConfined, makeFolders, midMergeProblem, readConfined, writeAtomic } from '../storage';
import { ensureGitignore } from './gitignore';
import { articlePathSchema, isArticlePath, linesOf, unionMergeAttributes } from './team-lines';

export const ASSIGNMENTS_DIR = 'assignments';

/**
 * `.pilcrow/assignments/.gitattributes`: git merges these files as sets of lines (`merge=union`),
 * so two leads who add lines at the same place (each assigning a different article that sorts
 * there) both keep theirs instead of meeting conflict markers; the reader takes a line twice as
 * once (docs/teams.md, "Assignments"). Written with the first assignment, never rewritten.
 */
export const ASSIGNMENTS_GITATTRIBUTES = unionMergeAttributes('one line per assigned article');

const header = z.object({ version: z.literal(1), annotator: z.string().regex(ANNOTATOR_NAME_PATTERN) });
/** The highest place in a queue a line may give. */
const MAX_QUEUE = 1e9;
const line = z.object({ article: articlePathSchema, queue: z.number().int().min(1).max(MAX_QUEUE), overlap: z.boolean().optional() });
type Line = z.infer<typeof line>;

/** An assignment file Pilcrow will not use; it was left exactly as it is. */
export class AssignmentFileError extends Error {
  override readonly name = 'AssignmentFileError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file} was not read and was left as it is: ${problem}`);
  }
}

export interface StoredAssignments {
  assignments: Assignments;
  /** Files in the folder that are not assignments (conflict copies, other names), with what to do. */
  skipped: { path: string; reason: string }[];
}

export function assignmentsDir(root: string): string {
  return join(root, PILCROW_DIR, ASSIGNMENTS_DIR);
}

const rel = (name: string) => `${PILCROW_DIR}/${ASSIGNMENTS_DIR}/${name}`;

/** Every annotator's assignments; none when the folder does not exist. Throws AssignmentFileError for a bad file. */
export async function readAssignments(root: string): Promise<StoredAssignments> {
  const dir = assignmentsDir(root);
  const entries = await listConfined(root, dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  // Keyed by names from file names: no prototype, so `constructor.jsonl` is an ordinary annotator.
  const found: StoredAssignments = { assignments: nameRecord(), skipped: [] };
  const names = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => byCodePoint(a.name, b.name));
  const files = await Promise.all(
    names.map(async (e) => {
      const annotator = e.name.endsWith('.jsonl') ? e.name.slice(0, -'.jsonl'.length) : '';
      const copy = conflictCopyName(e.name);
      if (copy) return { skip: `${rel(e.name)} is a conflict copy ${copy.tool} made of ${rel(copy.original)}; Pilcrow reads only the original. Bring into it what only the copy has, then delete the copy.` };
      if (e.kind !== 'file' || !ANNOTATOR_NAME_PATTERN.test(annotator)) return { skip: `${rel(e.name)} is not an assignment file (<annotator>.jsonl) and was not read` };
      return { annotator, items: parseAssignmentFile(rel(e.name), annotator, await readConfined(root, join(dir, e.name), ASSIGNMENTS_LIMIT)) };
    }),
  );
  for (const [i, f] of files.entries()) {
    if ('skip' in f) found.skipped.push({ path: rel(names[i]!.name), reason: f.skip! });
    else found.assignments[f.annotator] = f.items;
  }
  return found;
}

/**
 * A line exactly as Pilcrow writes it, checked without zod (12,000 lines a progress call took
 * ~40 ms through the schema): true only for a value `line` accepts too; anything else goes the
 * schema's way, so its error is the schema's.
 */
function plainLine(value: unknown): value is Line {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length > 3 || !keys.every((k) => k === 'article' || k === 'queue' || k === 'overlap')) return false;
  return isArticlePath(v.article) && Number.isInteger(v.queue) && (v.queue as number) >= 1 && (v.queue as number) <= MAX_QUEUE && (v.overlap === undefined || typeof v.overlap === 'boolean');
}

/** One annotator's file, checked line by line: the first problem is named with its line. */
export function parseAssignmentFile(file: string, annotator: string, bytes: Uint8Array): QueueItem[] {
  const fail = (problem: string) => new AssignmentFileError(file, `${problem}. Fix that line or restore the file from git (git checkout -- ${file}), then run again`);
  const read = linesOf(bytes);
  if ('notUtf8' in read) throw fail('it is not UTF-8 text');
  if ('conflictAt' in read) throw new AssignmentFileError(file, midMergeProblem(file, read.conflictAt));
  const { lines } = read;
  const json = (n: number): unknown => {
    try {
      return JSON.parse(lines[n]!);
    } catch {
      throw fail(`line ${n + 1} is not JSON`);
    }
  };
  if (!lines[0]?.trim()) throw fail('line 1 should be the header {"version":1,"annotator":"…"} and is empty');
  const head = header.safeParse(json(0));
  if (!head.success) throw fail(`line 1 should be the header {"version":1,"annotator":"${annotator}"}`);
  if (head.data.annotator !== annotator) throw fail(`line 1 names annotator "${head.data.annotator}" but the file is ${annotator}'s`);
  const byArticle = new Map<string, QueueItem>();
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n]!.trim()) continue;
    const value = json(n);
    let data: Line;
    if (plainLine(value)) data = value;
    else {
      const parsed = line.safeParse(value);
      if (!parsed.success) throw fail(`line ${n + 1} should be {"article":"folder/file.txt","queue":N} (${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')})`);
      data = parsed.data;
    }
    const item: QueueItem = { article: data.article, queue: data.queue, overlap: data.overlap === true };
    // The same article twice (two leads added it at once, git kept both): the earlier place in the queue.
    const seen = byArticle.get(item.article);
    if (!seen || item.queue < seen.queue) byArticle.set(item.article, item);
  }
  return [...byArticle.values()];
}

/** The bytes of one annotator's file: header, then one line per article in code-point order. */
export function assignmentFileText(annotator: string, items: readonly QueueItem[]): string {
  const lines = [JSON.stringify({ version: 1, annotator })];
  for (const i of [...items].sort((a, b) => byCodePoint(a.article, b.article))) {
    lines.push(JSON.stringify(i.overlap ? { article: i.article, queue: i.queue, overlap: true } : { article: i.article, queue: i.queue }));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes every annotator's file of `next` whose bytes differ from `previous` (durably, each on
 * its own); an annotator of `previous` missing from `next` keeps a file with no article, so git
 * shows the change as lines removed. Returns the files written.
 */
export async function writeAssignments(root: string, previous: Assignments, next: Assignments): Promise<string[]> {
  const dir = assignmentsDir(root);
  const written: string[] = [];
  const fs = confinedDurableFs(root);
  const names = [...new Set([...Object.keys(previous), ...Object.keys(next)])].sort(byCodePoint);
  let madeFolder = false;
  for (const name of names) {
    const text = assignmentFileText(name, next[name] ?? []);
    const file = join(dir, `${name}.jsonl`);
    if (previous[name] && assignmentFileText(name, previous[name]) === text && (await lstatConfined(root, file)) !== null) continue;
    if (!madeFolder) {
      await ensureGitignore(root);
      await makeFolders(root, dir);
      const attributes = join(dir, '.gitattributes');
      // The team's own (edited, or a link): left alone.
      if ((await lstatConfined(root, attributes)) === null) await writeAtomic(fs, attributes, new TextEncoder().encode(ASSIGNMENTS_GITATTRIBUTES));
      madeFolder = true;
    }
    await writeAtomic(fs, file, new TextEncoder().encode(text));
    written.push(rel(`${name}.jsonl`));
  }
  return written;
}
