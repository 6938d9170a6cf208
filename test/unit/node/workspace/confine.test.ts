/**
 * confinePath on real temp folders: every way out of the workspace a renderer-controlled or
 * file-system-controlled path could take (reliability.md: a naive startsWith let `ws-evil`,
 * symlinks and NUL bytes through).
 */
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutsideWorkspaceError, confinePath, isInside } from '../../../../src-main/node/workspace/confine';

let base: string;
let ws: string;

beforeEach(async () => {
  // realpath: on macOS the temp folder itself is behind a symlink (/var -> /private/var).
  base = await realpath(await mkdtemp(join(tmpdir(), 'pilcrow-confine-')));
  ws = join(base, 'ws');
  await mkdir(join(ws, 'en', 'deep', 'deeper'), { recursive: true });
  await mkdir(join(ws, 'خبرها'), { recursive: true });
  await mkdir(join(base, 'ws-evil'), { recursive: true });
  await mkdir(join(base, 'outside', 'dir'), { recursive: true });
  await writeFile(join(ws, 'top.txt'), 'top');
  await writeFile(join(ws, 'en', 'deep', 'deeper', 'story.md'), 'story');
  await writeFile(join(ws, 'خبرها', 'گزارش ۱۴۰۲.txt'), 'گزارش');
  await writeFile(join(ws, '..hidden-looking.txt'), 'a file whose name starts with two dots');
  await writeFile(join(base, 'ws-evil', 'x.txt'), 'evil');
  await writeFile(join(base, 'outside', 'secret.txt'), 'secret');
  await writeFile(join(base, 'outside', 'dir', 'secret.txt'), 'secret');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function refused(rel: string, root = ws): Promise<unknown> {
  const outcome = await confinePath(root, rel).then(
    (resolved) => ({ resolved }),
    (error: unknown) => ({ error }),
  );
  if ('resolved' in outcome) expect.fail(`confinePath(${root}, ${JSON.stringify(rel)}) should be refused; it resolved to ${outcome.resolved}`);
  return outcome.error;
}

async function refusedAsOutside(rel: string, root = ws): Promise<void> {
  const error = await refused(rel, root);
  expect(error, JSON.stringify(rel)).toBeInstanceOf(OutsideWorkspaceError);
  expect((error as OutsideWorkspaceError).code).toBe('outside-workspace');
}

describe('confinePath refuses', () => {
  it('a sibling folder that shares the prefix (ws vs ws-evil)', async () => {
    await refusedAsOutside('../ws-evil/x.txt');
    await refusedAsOutside('en/../../ws-evil/x.txt');
  });

  it('.. escapes, plain and hidden behind a real folder', async () => {
    await refusedAsOutside('../outside/secret.txt');
    await refusedAsOutside('en/deep/../../../outside/secret.txt');
    await refusedAsOutside('..');
    await refusedAsOutside('en/../..');
  });

  it('absolute paths: posix, Windows drive letters, drive-relative', async () => {
    await refusedAsOutside(join(base, 'outside', 'secret.txt'));
    await refusedAsOutside(join(ws, 'top.txt')); // absolute even when it points inside: the id→path map never holds one
    await refusedAsOutside('/etc/passwd');
    await refusedAsOutside('C:\\Windows\\win.ini');
    await refusedAsOutside('C:/Windows/win.ini');
    await refusedAsOutside('c:secret.txt');
  });

  it('NUL bytes, wherever they are', async () => {
    await refusedAsOutside('top.txt\0');
    await refusedAsOutside('top.txt\0.png');
    await refusedAsOutside('\0../outside/secret.txt');
  });

  it('a file symlink inside the workspace that points outside', async () => {
    await symlink(join(base, 'outside', 'secret.txt'), join(ws, 'en', 'leak.txt'));
    await symlink('../../outside/secret.txt', join(ws, 'en', 'relative-leak.txt'));
    await refusedAsOutside('en/leak.txt');
    await refusedAsOutside('en/relative-leak.txt');
  });

  it('a folder symlink inside the workspace that points outside (and files reached through it)', async () => {
    await symlink(join(base, 'outside', 'dir'), join(ws, 'linked-dir'), 'dir');
    await symlink(join(base, 'ws-evil'), join(ws, 'en', 'evil-dir'), 'dir');
    await refusedAsOutside('linked-dir/secret.txt');
    await refusedAsOutside('linked-dir');
    await refusedAsOutside('en/evil-dir/x.txt');
  });

  it('a chain of symlinks that ends outside', async () => {
    await symlink(join(base, 'outside', 'secret.txt'), join(ws, 'hop2.txt'));
    await symlink(join(ws, 'hop2.txt'), join(ws, 'hop1.txt'));
    await refusedAsOutside('hop1.txt');
  });

  it('missing files and dangling symlinks (an error, never a path)', async () => {
    await refused('en/missing.txt');
    await symlink(join(base, 'outside', 'gone.txt'), join(ws, 'dangling.txt'));
    await refused('dangling.txt');
  });

  it('everything when the workspace root itself is missing', async () => {
    await refused('top.txt', join(base, 'no-such-ws'));
  });
});

describe('confinePath accepts', () => {
  it('normal top-level and nested files, and returns their real path', async () => {
    await expect(confinePath(ws, 'top.txt')).resolves.toBe(join(ws, 'top.txt'));
    await expect(confinePath(ws, 'en/deep/deeper/story.md')).resolves.toBe(join(ws, 'en', 'deep', 'deeper', 'story.md'));
    await expect(confinePath(ws, './en/deep/../deep/deeper/story.md')).resolves.toBe(join(ws, 'en', 'deep', 'deeper', 'story.md'));
  });

  it('Persian folder and file names (with spaces and Persian digits)', async () => {
    await expect(confinePath(ws, 'خبرها/گزارش ۱۴۰۲.txt')).resolves.toBe(join(ws, 'خبرها', 'گزارش ۱۴۰۲.txt'));
  });

  it('a file whose name merely starts with ".."', async () => {
    await expect(confinePath(ws, '..hidden-looking.txt')).resolves.toBe(join(ws, '..hidden-looking.txt'));
  });

  it('a symlink that stays inside the workspace', async () => {
    await symlink(join(ws, 'top.txt'), join(ws, 'en', 'alias.txt'));
    await symlink('../top.txt', join(ws, 'en', 'relative-alias.txt'));
    await expect(confinePath(ws, 'en/alias.txt')).resolves.toBe(join(ws, 'top.txt'));
    await expect(confinePath(ws, 'en/relative-alias.txt')).resolves.toBe(join(ws, 'top.txt'));
  });

  it('files inside a workspace opened through a symlinked root', async () => {
    const linkedRoot = join(base, 'ws-link');
    await symlink(ws, linkedRoot, 'dir');
    await expect(confinePath(linkedRoot, 'top.txt')).resolves.toBe(join(ws, 'top.txt'));
    await expect(confinePath(linkedRoot, 'خبرها/گزارش ۱۴۰۲.txt')).resolves.toBe(join(ws, 'خبرها', 'گزارش ۱۴۰۲.txt'));
    // …and still refuses the ways out.
    await refusedAsOutside('../ws-evil/x.txt', linkedRoot);
    await refusedAsOutside('../outside/secret.txt', linkedRoot);
  });
});

describe('isInside', () => {
  const root = join('/', 'data', 'ws');
  it.each([
    [root, true],
    [join(root, 'a.txt'), true],
    [join(root, 'en', 'deep', 'a.txt'), true],
    [join(root, '..a.txt'), true],
    [join(root, 'خبرها', 'گزارش.txt'), true],
    [join('/', 'data', 'ws-evil', 'x.txt'), false],
    [join('/', 'data', 'ws-evil'), false],
    [join('/', 'data', 'wsx'), false],
    [join('/', 'data'), false],
    ['/', false],
    [join('/', 'other', 'ws', 'a.txt'), false],
  ])('isInside(/data/ws, %s) is %s', (candidate, expected) => {
    expect(isInside(root, candidate)).toBe(expected);
  });

  it('ignores a trailing separator on the root', () => {
    expect(isInside(`${root}/`, join(root, 'a.txt'))).toBe(true);
    expect(isInside(`${root}/`, join('/', 'data', 'ws-evil'))).toBe(false);
  });

  it('is lexical: it never touches the file system (confinePath realpaths first)', () => {
    expect(isInside(root, posix.join(root, 'link-to-outside'))).toBe(true);
  });

  it('the win32 rules it relies on hold (other drive = absolute relative path, so outside)', () => {
    // isInside uses the platform's path module; these document the win32 behaviour it depends on.
    expect(win32.isAbsolute(win32.relative('C:\\ws', 'D:\\ws\\a.txt'))).toBe(true);
    expect(win32.relative('C:\\ws', 'C:\\ws-evil\\x.txt').startsWith(`..${win32.sep}`)).toBe(true);
    expect(win32.relative('C:\\WS', 'c:\\ws\\a.txt')).toBe('a.txt');
  });
});
