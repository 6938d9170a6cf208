/**
 * Replies in Review: a thread per paragraph, under the teammates' notes (docs/review.md, "Replies").
 * Stored as `.pilcrow/replies/<annotator>.jsonl`, one file per author (only their Pilcrow writes
 * it), a header line then one line per reply in the order written, so git merges two authors'
 * replies without a conflict, and `merge=union` keeps both sides' lines when one author replied
 * on two machines. Every file is a teammate's, so untrusted: read confined (no link, no pipe,
 * size-limited), checked line by line, never executed, never rewritten by a read; a bad file is
 * named with its line and left as it is, and the replies of the other files are still shown.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { instantOf } from '../../core/instant';
import type { ReplyView } from '../../shared/contract/review';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';
import { SaidError, type MainMessage } from '../../shared/messages';
import { PILCROW_DIR } from '../annotations/paths';
import { conflictCopyName } from '../annotations/conflict-copies';
import { confinedDurableFs, listConfined, lstatConfined, makeFolders, readConfined, RefusedFileError, REPLIES_LIMIT, writeAtomic } from '../storage';
import { ensureGitignore } from '../workspace/gitignore';
import { articlePathSchema, linesOf, unionMergeAttributes } from '../workspace/team-lines';

export const REPLIES_DIR = 'replies';
/** The longest reply, as for a note on a paragraph. */
export const REPLY_MAX_CHARS = 10_000;

const header = z.object({ version: z.literal(1), annotator: z.string().regex(ANNOTATOR_NAME_PATTERN) });
const replyLine = z.object({
  id: z.string().regex(/^r[0-9a-z]{8,32}$/),
  article: articlePathSchema,
  paragraph: z.string().regex(/^p[0-9a-z]{6,16}(-\d{1,6})?$/),
  re: z.string().regex(ANNOTATOR_NAME_PATTERN).optional(),
  text: z
    .string()
    .max(REPLY_MAX_CHARS)
    .refine((t) => t.trim().length > 0, 'an empty reply'),
  at: z.string().refine((t) => instantOf(t) !== null, 'a time such as 2026-12-05T10:02:11.514Z'),
});
type ReplyLine = z.infer<typeof replyLine>;

export type ReplyProblem = 'not-utf8' | 'not-json' | 'header' | 'owner' | 'entry' | 'mid-merge' | 'link' | 'special' | 'too-large';

/** A replies file that was not read (and was left exactly as it is). */
export class RepliesFileError extends SaidError {
  override readonly name = 'RepliesFileError';
  constructor(file: string, line: number, problem: ReplyProblem) {
    super({ code: 'replies-unread', file, line, problem });
  }
}

const rel = (name: string) => `${PILCROW_DIR}/${REPLIES_DIR}/${name}`;

/** One author's file, checked line by line; the same reply twice (git's union kept both) counts once. */
export function parseRepliesFile(file: string, author: string, bytes: Uint8Array): ReplyLine[] {
  const read = linesOf(bytes);
  if ('notUtf8' in read) throw new RepliesFileError(file, 0, 'not-utf8');
  if ('conflictAt' in read) throw new RepliesFileError(file, read.conflictAt, 'mid-merge');
  const { lines } = read;
  const json = (n: number): unknown => {
    try {
      return JSON.parse(lines[n]!);
    } catch {
      throw new RepliesFileError(file, n + 1, 'not-json');
    }
  };
  const head = header.safeParse(lines[0]?.trim() ? json(0) : null);
  if (!head.success) throw new RepliesFileError(file, 1, 'header');
  if (head.data.annotator !== author) throw new RepliesFileError(file, 1, 'owner');
  const byId = new Map<string, ReplyLine>();
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n]!.trim()) continue;
    const parsed = replyLine.safeParse(json(n));
    if (!parsed.success) throw new RepliesFileError(file, n + 1, 'entry');
    if (!byId.has(parsed.data.id)) byId.set(parsed.data.id, parsed.data);
  }
  return [...byId.values()];
}

export function repliesFileText(author: string, replies: readonly ReplyLine[]): string {
  return `${[JSON.stringify({ version: 1, annotator: author }), ...replies.map((r) => JSON.stringify(r))].join('\n')}\n`;
}

/** Oldest first (as instants); equal times by author, then id, so every reader shows one order. */
function byTime(a: ReplyView, b: ReplyView): number {
  return instantOf(a.at)! - instantOf(b.at)! || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0) || (a.id < b.id ? -1 : 1);
}

interface ReadFile {
  identity: string;
  replies: ReplyLine[];
}

/** Every author's replies of one workspace; files re-read only when their identity on disk changes. */
export class ReplyStore {
  private readonly files = new Map<string, ReadFile>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly root: string) {}

  private get dir(): string {
    return join(this.root, PILCROW_DIR, REPLIES_DIR);
  }

  /** The threads of one article (paragraph id -> replies, oldest first), and the files that could not be read. */
  async threads(article: string): Promise<{ threads: Map<string, ReplyView[]>; problems: MainMessage[] }> {
    const threads = new Map<string, ReplyView[]>();
    const problems: MainMessage[] = [];
    const entries = await listConfined(this.root, this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || !e.name.endsWith('.jsonl') || conflictCopyName(e.name)) continue;
      const author = e.name.slice(0, -'.jsonl'.length);
      if (!ANNOTATOR_NAME_PATTERN.test(author)) continue;
      try {
        for (const r of await this.read(e.name, author)) {
          if (r.article !== article) continue;
          const thread = threads.get(r.paragraph) ?? [];
          thread.push({ id: r.id, author, re: r.re ?? null, text: r.text, at: r.at });
          threads.set(r.paragraph, thread);
        }
      } catch (error) {
        if (error instanceof RepliesFileError) problems.push(error.detail);
        else if (error instanceof RefusedFileError) problems.push(new RepliesFileError(rel(e.name), 0, error.kind === 'outside' ? 'link' : error.kind).detail);
        else throw error;
      }
    }
    for (const thread of threads.values()) thread.sort(byTime);
    return { threads, problems };
  }

  /** Adds `author`'s reply: their file is read (refusing to write over one it cannot read), the line appended, the file written durably. */
  reply(author: string, reply: { article: string; paragraph: string; re: string | null; text: string }, now = new Date()): Promise<ReplyView> {
    const work = this.writing.then(async (): Promise<ReplyView> => {
      const name = `${author}.jsonl`;
      const file = join(this.dir, name);
      const existing = (await lstatConfined(this.root, file)) === null ? [] : await this.read(name, author);
      const line: ReplyLine = {
        id: `r${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`,
        article: reply.article,
        paragraph: reply.paragraph,
        ...(reply.re ? { re: reply.re } : {}),
        text: reply.text,
        at: now.toISOString(),
      };
      await ensureGitignore(this.root);
      await makeFolders(this.root, this.dir);
      const fs = confinedDurableFs(this.root);
      const attributes = join(this.dir, '.gitattributes');
      // The team's own (edited, or a link): left alone.
      if ((await lstatConfined(this.root, attributes)) === null) await writeAtomic(fs, attributes, new TextEncoder().encode(unionMergeAttributes('one line per reply')));
      await writeAtomic(fs, file, new TextEncoder().encode(repliesFileText(author, [...existing, line])));
      this.files.delete(name);
      return { id: line.id, author, re: line.re ?? null, text: line.text, at: line.at };
    });
    this.writing = work.catch(() => {});
    return work;
  }

  private async read(name: string, author: string): Promise<ReplyLine[]> {
    const path = join(this.dir, name);
    const stat = await lstatConfined(this.root, path);
    const identity = stat ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : '';
    const kept = this.files.get(name);
    if (kept && kept.identity === identity) return kept.replies;
    const replies = parseRepliesFile(rel(name), author, await readConfined(this.root, path, REPLIES_LIMIT));
    this.files.set(name, { identity, replies });
    return replies;
  }
}
