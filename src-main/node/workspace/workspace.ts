/** An opened workspace folder: its article files, read lazily and cached until refreshed. */
import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { articleIdFor } from './article-id';
import { describeReadError, readArticle, type LoadedArticle } from './read-article';
import { scanWorkspace } from './scan';

export type ArticleEntry = { id: string; path: string } & ({ ok: true; article: LoadedArticle } | { ok: false; error: string });

export class Workspace {
  private readonly cache = new Map<string, Promise<ArticleEntry>>();

  private constructor(
    readonly root: string,
    private paths: Map<string, string>,
  ) {}

  static async open(folder: string): Promise<Workspace> {
    const root = await realpath(folder).catch(() => {
      throw new Error(`cannot open workspace ${folder}: the folder does not exist or cannot be read`);
    });
    if (!(await stat(root)).isDirectory()) throw new Error(`cannot open workspace ${folder}: it is not a folder`);
    return new Workspace(root, await Workspace.index(root));
  }

  get name(): string {
    return basename(this.root);
  }

  /** Article ids in path order. */
  get ids(): string[] {
    return [...this.paths.keys()];
  }

  pathOf(id: string): string | undefined {
    return this.paths.get(id);
  }

  /** Reads (or returns the cached) article; a bad file gives an entry with its error, not a throw. */
  entry(id: string): Promise<ArticleEntry> {
    const path = this.paths.get(id);
    if (path === undefined) return Promise.reject(new Error(`no article with id ${id} in this workspace; refresh the list`));
    let pending = this.cache.get(id);
    if (!pending) {
      pending = readArticle(this.root, path).then(
        (article): ArticleEntry => ({ id, path, ok: true, article }),
        (error: unknown): ArticleEntry => ({ id, path, ok: false, error: describeReadError(path, error) }),
      );
      this.cache.set(id, pending);
    }
    return pending;
  }

  async entries(): Promise<ArticleEntry[]> {
    return Promise.all(this.ids.map((id) => this.entry(id)));
  }

  /** Re-scans the folder and forgets cached article text. */
  async refresh(): Promise<void> {
    this.paths = await Workspace.index(this.root);
    this.cache.clear();
  }

  private static async index(root: string): Promise<Map<string, string>> {
    const files = await scanWorkspace(root);
    return new Map(files.map((f) => [articleIdFor(f.path), f.path]));
  }
}
