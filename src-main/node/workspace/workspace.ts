/**
 * An opened workspace folder: its articles (one per file, one per line of a .jsonl), read
 * lazily and cached until the file changes. Files that cannot be read, JSONL lines that are not
 * articles, and labelled articles whose file is gone are entries with an error, never throws:
 * the rest of the workspace works. `sync()` is what the file watcher calls.
 */
import { statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArticleFormat } from '../../core/article';
import { extractFile, type ExtractedFile } from '../articles/extract';
import { ArticleSettingsStore, type ArticleSettings } from '../articles/settings';
import type { RecoveryReport } from '../storage';
import { decodeBytes, type EncodingName } from '../text/decode';
import { annotatedPaths } from './annotated';
import { findSharedConflictCopies, walkPilcrow } from './conflict-files';
import { articleIdFor } from './article-id';
import { jsonlArticlePath } from './article-path';
import { buildArticle, readArticleBytes, readErrorOf, type LoadedArticle } from './read-article';
import { isRisky, ReadGuard } from './read-guard';
import { englishText, SaidError, type MainMessage } from '../../shared/messages';
import { scanWorkspace } from './scan';
import { yielder } from '../storage/yielder';

export type ArticleEntry = { id: string; path: string } & (
  | { ok: true; article: LoadedArticle }
  /** `error` is the English of `said` (shared/messages), what the editor is told. */
  | { ok: false; error: string; said: MainMessage; missing?: boolean; conflictCopy?: boolean }
);

/** An unreadable article's entry fields: what to tell the editor, and its English. */
export function readProblem(said: MainMessage): { error: string; said: MainMessage } {
  return { error: englishText(said), said };
}

interface ArticleRef {
  id: string;
  path: string;
  file: string;
  format: ArticleFormat;
  /** The line's key in a JSON Lines file. */
  key?: string;
}

/** `conflictCopy`: a sync tool's copy of a shared file under .pilcrow/ (conflict-files.ts), listed so it is seen. */
type Problem = { id: string; path: string; error: string; said: MainMessage; missing?: boolean; conflictCopy?: boolean };

/** An article as the scan found it: not read yet, or known to be unreadable. */
export type ListedArticle = { id: string; path: string; format: ArticleFormat } | Problem;

interface Extraction {
  sha256: string;
  extracted: ExtractedFile;
  detectedEncoding: EncodingName;
}

export interface WorkspaceChanges {
  added: string[];
  /** Articles whose file is gone (shown as missing when they have labels). */
  removed: string[];
  /** Articles whose file's bytes changed; `previous` is the last version read, if any. */
  changed: { id: string; previous?: LoadedArticle }[];
}

export class Workspace {
  readonly settings: ArticleSettingsStore;
  private refs = new Map<string, ArticleRef>();
  private problems = new Map<string, Problem>();
  private order: string[] = [];
  private readonly extractions = new Map<string, Promise<Extraction>>();
  private readonly articles = new Map<string, Promise<ArticleEntry>>();
  /** size and mtime of every listed file when last indexed, to see which ones changed. */
  private stats = new Map<string, string>();
  /** Folders the scan could not list, for the editor. */
  scanProblems: string[] = [];

  private constructor(
    readonly root: string,
    /** Risky reads one at a time, and files that stopped Pilcrow last time skipped (read-guard.ts). */
    readonly guard: ReadGuard,
    /**
     * Told of every damaged file quarantined while reading this workspace; stores opened for it
     * (schema, suggestion settings, layers) are given the same, so no quarantine goes unreported.
     */
    readonly onRecover: (report: RecoveryReport) => void = () => {},
    /** false: sync() is never called (one CLI command), so the article files are not statted at each scan. */
    private readonly watched = true,
  ) {
    this.settings = new ArticleSettingsStore(root, onRecover);
  }

  /**
   * `stateDir`: where the read guard keeps what it reads now and what it skips (user data for the
   * app, beside the writer locks for the CLI); without it nothing is kept between runs.
   * `watched` false: for a command that reads once and ends (the CLI); sync() then throws, and
   * the scan skips the stat of every article file (10,000 of them cost ~70 ms CPU) that only
   * sync() compares.
   */
  static async open(folder: string, onRecover?: (report: RecoveryReport) => void, options: { stateDir?: string; watched?: boolean } = {}): Promise<Workspace> {
    const root = await realpath(folder).catch(() => {
      throw new SaidError({ code: 'workspace-missing', folder });
    });
    if (!(await stat(root)).isDirectory()) throw new SaidError({ code: 'workspace-not-folder', folder });
    const guard = options.stateDir === undefined ? ReadGuard.inMemory() : await ReadGuard.open(options.stateDir, root);
    const workspace = new Workspace(root, guard, onRecover, options.watched ?? true);
    await workspace.index();
    return workspace;
  }

  get name(): string {
    return basename(this.root);
  }

  /** Article ids in path order, including unreadable and missing ones. */
  get ids(): string[] {
    return [...this.order];
  }

  pathOf(id: string): string | undefined {
    return this.refs.get(id)?.path ?? this.problems.get(id)?.path;
  }

  /** What to do about a sync tool's conflict copy listed under this id, or null when it is not one. */
  conflictCopy(id: string): string | null {
    const problem = this.problems.get(id);
    return problem?.conflictCopy ? problem.error : null;
  }

  idOfPath(path: string): string | undefined {
    const id = articleIdFor(path);
    return this.refs.has(id) || this.problems.has(id) ? id : undefined;
  }

  /** Reads (or returns the cached) article; a bad file gives an entry with its error, not a throw. */
  entry(id: string): Promise<ArticleEntry> {
    const problem = this.problems.get(id);
    if (problem) return Promise.resolve({ ...problem, ok: false });
    const ref = this.refs.get(id);
    if (!ref) return Promise.reject(new SaidError({ code: 'unknown-article-id', id }));
    let pending = this.articles.get(id);
    if (!pending) {
      pending = this.load(ref).catch((error: unknown): ArticleEntry => ({ id, path: ref.path, ok: false, ...readProblem(readErrorOf(ref.path, error)) }));
      this.articles.set(id, pending);
    }
    return pending;
  }

  /**
   * Every article as the last scan found it, in path order, without reading any: unreadable
   * JSON Lines lines and missing files carry their error; other files are not checked yet.
   */
  listing(): ListedArticle[] {
    return this.order.flatMap((id): ListedArticle[] => {
      const problem = this.problems.get(id);
      if (problem) return [problem];
      const ref = this.refs.get(id);
      return ref ? [{ id, path: ref.path, format: ref.format }] : [];
    });
  }

  async entries(): Promise<ArticleEntry[]> {
    return Promise.all(this.ids.map((id) => this.entry(id)));
  }

  /** The article as already read, without reading it (null when not read yet or unreadable). */
  async cached(id: string): Promise<LoadedArticle | null> {
    const entry = await this.articles.get(id);
    return entry?.ok ? entry.article : null;
  }

  /** Re-scans the folder and forgets cached article text. */
  async refresh(): Promise<void> {
    this.extractions.clear();
    this.articles.clear();
    this.settings.forget();
    await this.index();
  }

  /** Forgets one article's cached reading, after its settings changed. */
  forget(id: string): void {
    const ref = this.refs.get(id);
    if (!ref) return;
    this.articles.delete(id);
    for (const key of this.extractions.keys()) if (key.startsWith(`${ref.file}\u0000`)) this.extractions.delete(key);
  }

  /** Re-scans after the watcher saw activity; returns what changed. Cheap when nothing did. */
  async sync(): Promise<WorkspaceChanges> {
    if (!this.watched) throw new Error('this workspace was opened for one command (watched: false): it has no file stats to compare, so sync() cannot say what changed');
    const beforeIds = new Set(this.refs.keys());
    const beforeStats = this.stats;
    const previous = new Map<string, LoadedArticle>();
    const extractionsBefore = new Map(this.extractions);
    this.extractions.clear();
    await this.index(beforeStats, extractionsBefore);
    const changedFiles = new Set<string>();
    for (const [file, fingerprint] of this.stats) {
      if (beforeStats.has(file) && beforeStats.get(file) !== fingerprint) changedFiles.add(file);
    }
    const changed: WorkspaceChanges['changed'] = [];
    for (const [id, ref] of this.refs) {
      if (!beforeIds.has(id) || !changedFiles.has(ref.file)) continue;
      const old = await this.cached(id);
      if (old) previous.set(id, old);
      this.articles.delete(id);
      changed.push({ id, ...(old ? { previous: old } : {}) });
    }
    const removed = [...beforeIds].filter((id) => !this.refs.has(id));
    for (const id of removed) this.articles.delete(id);
    const added = [...this.refs.keys()].filter((id) => !beforeIds.has(id));
    return { added, removed, changed };
  }

  private async load(ref: ArticleRef): Promise<ArticleEntry> {
    const settings = await this.settings.read(ref.path).catch(() => null);
    const { sha256, extracted, detectedEncoding } = await this.extract(ref, settings);
    const unit = extracted.unit(ref.key);
    if (!unit) return { id: ref.id, path: ref.path, ok: false, ...readProblem({ code: 'jsonl-line-gone', path: ref.path, file: ref.file }) };
    const article = buildArticle({ path: ref.path, file: ref.file, sha256, extracted, unit, detectedEncoding }, settings);
    return { id: ref.id, path: ref.path, ok: true, article };
  }

  private extract(ref: ArticleRef, settings: ArticleSettings | null): Promise<Extraction> {
    const textual = ref.format === 'txt' || ref.format === 'md';
    const encoding = ref.format === 'docx' || ref.format === 'jsonl' ? undefined : settings?.encoding;
    const segmentation = textual ? settings?.segmentation : undefined;
    const key = `${ref.file}\u0000${encoding ?? ''}\u0000${segmentation ?? ''}`;
    let pending = this.extractions.get(key);
    if (!pending) {
      pending = (async () => {
        const file = join(this.root, ...ref.file.split('/'));
        const scanned = this.stats.get(ref.file);
        const risky = await isRisky(file, ref.format === 'docx', scanned === undefined ? undefined : Number(scanned.split(':')[0]));
        return this.guard.read({ path: ref.file, file, risky }, async () => {
          const { bytes, sha256, size, mtimeMs } = await readArticleBytes(this.root, ref.file);
          this.stats.set(ref.file, fingerprint(size, mtimeMs));
          const extracted = await extractFile(bytes, ref.format, ref.file, { ...(encoding ? { encoding } : {}), ...(segmentation ? { segmentation } : {}) });
          const detectedEncoding = encoding ? decodeBytes(bytes, { html: ref.format === 'html' }).encoding : extracted.encoding;
          return { sha256, extracted, detectedEncoding };
        });
      })();
      this.extractions.set(key, pending);
      pending.catch(() => this.extractions.delete(key));
    }
    return pending;
  }

  /**
   * Lists the files (reading JSON Lines files for their articles) and the labelled articles
   * whose file is gone. Extractions of files whose size and time did not change are reused.
   */
  private async index(previousStats?: Map<string, string>, reusable?: Map<string, Promise<Extraction>>): Promise<void> {
    const scanProblems: string[] = [];
    const links: string[] = [];
    const found = await scanWorkspace(this.root, scanProblems, links);
    const refs = new Map<string, ArticleRef>();
    const problems = new Map<string, Problem>();
    const stats = new Map<string, string>();
    // Stats without waiting, in slices: awaiting 10,000 of them at once cost three times the CPU.
    const pause = yielder();
    for (const { path } of this.watched ? found : []) {
      await pause();
      const info = statNow(join(this.root, ...path.split('/')));
      if (info) stats.set(path, fingerprint(info.size, info.mtimeMs));
    }
    await Promise.all(
      found.map(async ({ path, format }) => {
        if (reusable && stats.has(path) && previousStats?.get(path) === stats.get(path)) {
          for (const [key, value] of reusable) if (key.startsWith(`${path}\u0000`)) this.extractions.set(key, value);
        }
        if (format !== 'jsonl') {
          const id = articleIdFor(path);
          refs.set(id, { id, path, file: path, format });
          return;
        }
        try {
          const { extracted } = await this.extract({ id: articleIdFor(path), path, file: path, format }, null);
          for (const key of extracted.keys) {
            const articlePath = jsonlArticlePath(path, key ?? '');
            refs.set(articleIdFor(articlePath), { id: articleIdFor(articlePath), path: articlePath, file: path, format, ...(key === undefined ? {} : { key }) });
          }
          for (const { key, message } of extracted.skipped) {
            const articlePath = jsonlArticlePath(path, key);
            problems.set(articleIdFor(articlePath), { id: articleIdFor(articlePath), path: articlePath, ...readProblem(message) });
          }
        } catch (error) {
          problems.set(articleIdFor(path), { id: articleIdFor(path), path, ...readProblem(readErrorOf(path, error)) });
        }
      }),
    );
    for (const path of links) {
      const id = articleIdFor(path);
      problems.set(id, { id, path, ...readProblem({ code: 'listed-link', path }) });
    }
    const present = new Set([...refs.values()].map((r) => r.path));
    // One walk of .pilcrow/ finds the labelled articles and the sync tools' conflict copies.
    const pilcrowEntries = await walkPilcrow(this.root);
    for (const path of await annotatedPaths(this.root, pilcrowEntries)) {
      if (present.has(path)) continue;
      const id = articleIdFor(path);
      if (problems.has(id)) continue;
      problems.set(id, { id, path, missing: true, ...readProblem({ code: 'article-missing', path }) });
    }
    for (const copy of await findSharedConflictCopies(this.root, pilcrowEntries)) {
      const id = articleIdFor(copy.path);
      problems.set(id, { id, path: copy.path, conflictCopy: true, ...readProblem(copy.said) });
    }
    this.refs = refs;
    this.problems = problems;
    this.stats = stats;
    this.scanProblems = scanProblems;
    const paths = new Map<string, string>();
    for (const r of refs.values()) paths.set(r.id, r.path);
    for (const p of problems.values()) paths.set(p.id, p.path);
    this.order = [...paths.keys()].sort((a, b) => compare(paths.get(a) ?? '', paths.get(b) ?? ''));
  }
}

/**
 * A file's size and time in whole milliseconds, as a read's stat gives them (bigint, confined-fs.ts
 * openConfined): with the float time's fraction, every article read since opening was reported
 * changed at the next sync and read again. Rounding the float instead would still differ when
 * its nanoseconds sit within a quarter microsecond of a millisecond (a double's precision there).
 */
function statNow(path: string): { size: number; mtimeMs: number } | null {
  try {
    const info = statSync(path, { bigint: true, throwIfNoEntry: false });
    return info ? { size: Number(info.size), mtimeMs: Number(info.mtimeMs) } : null;
  } catch {
    return null;
  }
}

/** A file's size and time as sync() compares them, from statNow or a read. */
function fingerprint(size: number, mtimeMs: number): string {
  return `${size}:${mtimeMs}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
