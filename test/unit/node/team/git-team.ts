/**
 * Two editors sharing one workspace through real git (Debian's `git`, no network): a bare
 * repository, a clone per editor, each editor driving the app's real handler table, and the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { openHandlerApp, type HandlerApp } from '../app/handler-app';
import { tempDir } from '../temp';

export const hasGit = spawnSync('git', ['--version']).status === 0;

export const ARTICLES: Record<string, string> = {
  'fa/a.txt': 'وزیر گفت: «جلسه فردا برگزار می‌شود.»\n\nاین خبر را خبرگزاری نمونه منتشر کرد.\n\nآگهی: بهترین قیمت‌ها در فروشگاه ما.\n',
  'fa/b.txt': 'باران امروز در تهران بارید.\nسخنگو گفت که آب کافی است.\n\nبرای اشتراک اینجا را بزنید.\n',
  'en/c.txt': 'The minister said the meeting is tomorrow.\n\nThe agency published the story.\n\nSubscribe for more news.\n',
};

/** Git with no user, system or global configuration, so the machine's setup plays no part. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Pilcrow Test', '-c', 'user.email=test@pilcrow.invalid', '-c', 'init.defaultBranch=main', '-c', 'pull.rebase=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
}

/** `git` that may fail (a merge with conflicts): its exit status and output. */
export function gitStatus(cwd: string, ...args: string[]): { status: number; out: string } {
  try {
    return { status: 0, out: git(cwd, ...args) };
  } catch (e) {
    const error = e as { status?: number; stdout?: string; stderr?: string };
    return { status: error.status ?? 1, out: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** A bare repository holding the articles, and a clone of it per editor. */
export async function sharedWorkspace(editors: string[]): Promise<{ origin: string; clones: Record<string, string> }> {
  const root = await tempDir('git-team');
  const origin = join(root, 'origin.git');
  git(root, 'init', '--bare', '-q', origin);
  const seed = join(root, 'seed');
  await mkdir(seed);
  git(seed, 'init', '-q');
  for (const [path, text] of Object.entries(ARTICLES)) {
    await mkdir(join(seed, path, '..'), { recursive: true });
    await writeFile(join(seed, path), text);
  }
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'articles');
  git(seed, 'remote', 'add', 'origin', origin);
  git(seed, 'push', '-q', 'origin', 'HEAD:main');
  const clones: Record<string, string> = {};
  for (const editor of editors) {
    clones[editor] = join(root, editor);
    git(root, 'clone', '-q', '-b', 'main', origin, clones[editor]);
  }
  return { origin, clones };
}

/** One editor's Pilcrow on their clone: the real handler table, their own user data. */
export class Editor {
  private constructor(
    readonly name: string,
    readonly workspace: string,
    readonly app: HandlerApp,
    private readonly ids: Map<string, string>,
  ) {}

  static async open(name: string, workspace: string): Promise<Editor> {
    const app = await openHandlerApp({ workspace, userData: await tempDir(`user-${name}`), annotator: name });
    const state = await app.call<AppState>('app.init');
    return new Editor(name, workspace, app, new Map(state.workspace!.articles.map((a) => [a.path, a.id])));
  }

  idOf(path: string): string {
    const id = this.ids.get(path);
    if (!id) throw new Error(`${path} is not in ${this.name}'s list`);
    return id;
  }

  open(path: string): Promise<ArticleView> {
    return this.app.call<ArticleView>('article.open', { articleId: this.idOf(path) });
  }

  /** Sets labels on paragraphs by their position; returns what was decided, for the export check. */
  async label(path: string, byIndex: Record<number, string[]>): Promise<Decision[]> {
    const article = await this.open(path);
    const made: Decision[] = [];
    for (const [index, labels] of Object.entries(byIndex)) {
      const paragraph = article.paragraphs[Number(index)]!;
      await this.app.call('labels.set', { articleId: article.id, paragraphId: paragraph.id, labels });
      made.push({ annotator: this.name, article: path, paragraph_id: paragraph.id, labels });
    }
    return made;
  }

  close(): void {
    this.app.session.close();
  }
}

export interface Decision {
  annotator: string;
  article: string;
  paragraph_id: string;
  labels: string[];
}

/** Commits everything the editor's Pilcrow wrote (`git add -A`, as editors do). */
export function commitAll(clone: string, message: string): void {
  git(clone, 'add', '-A');
  if (git(clone, 'status', '--porcelain').trim() !== '') git(clone, 'commit', '-q', '-m', message);
}

/** SHA-256 of every file's path and bytes under `dir`, .git included: any change shows. */
export async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).map((d) => ({ path: join(d.parentPath, d.name), file: d.isFile() })).sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const e of entries) {
    hash.update(`${e.path.slice(dir.length)}\u0000${e.file ? 'f' : 'd'}\u0000`);
    if (e.file) hash.update(await readFile(e.path));
  }
  return hash.digest('hex');
}
