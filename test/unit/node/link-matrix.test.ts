/**
 * Issue 22's link matrix: for every file and folder Pilcrow reads or writes in a workspace
 * (`.pilcrow/` and its folders, layers, settings, schema, suggestions, predictions, backups,
 * quarantine, the guidelines, an article), a symbolic link to a secret outside the workspace (a
 * file or a folder), a named pipe, and a link to /dev/zero. Each is driven through the real
 * handler table (open the workspace, open an article, save labels, suggestions, guidelines,
 * review, agreement, export, import) and the CLI (stats, agreement, export --out). Afterwards:
 * not one byte of the secret anywhere in the workspace, the user data or the outputs, nothing
 * written outside, the link (or pipe) left exactly as it was, and a message naming it.
 */
import { execFileSync } from 'node:child_process';
import { cp, lstat, mkdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLayer } from '../../support/layers';
import { everything, files, tree } from './drive-everything';
import { tempDir } from './temp';

const SECRET = 'PILCROW-SECRET-2f7c9e-id_rsa';
const ARTICLE = 'قال وزیر امروز در تهران: «جلسه فردا برگزار می‌شود.»\n\nاین خبر را خبرگزاری نمونه منتشر کرد.\n';
const SECOND = 'The minister said on Monday that talks would resume.\n\nOfficials declined to comment.\n';
const LAYER = '.pilcrow/annotations/sara/fa/news.txt.json';
const OMID = '.pilcrow/annotations/omid/fa/news.txt.json';

type Kind = 'link to a secret file' | 'link to /dev/zero' | 'named pipe' | 'link to a secret folder';

interface Row {
  /** Workspace-relative path of the link (or pipe). */
  at: string;
  kind: Kind;
  /** Extra files the case needs (a damaged file, so the quarantine is used). */
  extra?: Record<string, string>;
  /** What the message says (besides naming `at`). */
  says?: RegExp;
}

/** Every file Pilcrow reads or writes in a workspace, and the folders they live in. */
const FILES = [
  '.pilcrow/schema.json',
  '.pilcrow/schema/labels/quote.json',
  '.pilcrow/schema/mode.json',
  '.pilcrow/suggest.json',
  '.pilcrow/articles/fa/news.txt.json',
  LAYER,
  OMID,
  '.pilcrow/predictions/model.jsonl',
  'guidelines.md',
  'fa/news.txt',
];
const FOLDERS = [
  '.pilcrow',
  '.pilcrow/annotations',
  '.pilcrow/annotations/sara',
  '.pilcrow/annotations/omid',
  '.pilcrow/articles',
  '.pilcrow/schema',
  '.pilcrow/schema/labels',
  '.pilcrow/predictions',
  '.pilcrow/quarantine',
  'fa',
];
const DAMAGED_TEAMMATE = { [OMID]: '{"version": 1, "annotator": "om' };

const rows: Row[] = [
  ...FILES.flatMap((at): Row[] => [
    { at, kind: 'link to a secret file' },
    { at, kind: 'link to /dev/zero' },
    { at, kind: 'named pipe', says: /named pipe/ },
  ]),
  // A damaged layer is restored from its .bak: a .bak that is a link is never read.
  { at: `${LAYER}.bak`, kind: 'link to a secret file', extra: { [LAYER]: '{"version": 1, "annotator": "sa' } },
  { at: `${OMID}.bak`, kind: 'named pipe', extra: DAMAGED_TEAMMATE, says: /named pipe/ },
  ...FOLDERS.map((at): Row => ({ at, kind: 'link to a secret folder', ...(at === '.pilcrow/quarantine' ? { extra: DAMAGED_TEAMMATE } : {}) })),
];

/** A folder outside the workspace laid out like every folder a link could stand for, each file holding the secret. */
async function secretFolder(dir: string): Promise<void> {
  const names = ['schema.json', 'quote.json', 'mode.json', 'labels/quote.json', 'suggest.json', 'model.jsonl', 'news.txt.json', 'news.txt', 'annotations/sara/fa/news.txt.json', 'annotations/omid/fa/news.txt.json', 'articles/fa/news.txt.json', 'predictions/model.jsonl', 'sara/fa/news.txt.json', 'omid/fa/news.txt.json', 'fa/news.txt.json', 'fa/news.txt'];
  for (const name of names) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), `${SECRET}\n`);
  }
}

async function layOut(row: Row): Promise<{ base: string; ws: string }> {
  const base = await tempDir('links');
  const ws = join(base, 'ws');
  await mkdir(join(ws, 'fa'), { recursive: true });
  await writeFile(join(ws, 'fa', 'news.txt'), ARTICLE);
  await writeFile(join(ws, 'fa', 'second.txt'), SECOND);
  await writeLayer(ws, 'omid', 'fa/news.txt', [['quote'], ['ad']]);
  await writeLayer(ws, 'omid', 'fa/second.txt', [['claim']]);
  await writeFile(join(ws, 'guidelines.md'), '# Guide\n');
  await mkdir(join(ws, '.pilcrow', 'predictions'), { recursive: true });
  await writeFile(join(ws, '.pilcrow', 'predictions', 'other.jsonl'), '{"article":"fa/second.txt","paragraph":0,"labels":["claim"],"score":0.9}\n');
  await mkdir(join(base, 'outside'), { recursive: true });
  await writeFile(join(base, 'outside', 'id_rsa'), `${SECRET}\n`);
  await secretFolder(join(base, 'outside', 'dir'));
  for (const [path, text] of Object.entries(row.extra ?? {})) {
    await mkdir(dirname(join(ws, path)), { recursive: true });
    await writeFile(join(ws, path), text);
  }
  // The import the app and the CLI read: a teammate's export, one record.
  await mkdir(join(base, 'imports'));
  await writeFile(join(base, 'imports', 'omid.jsonl'), `${JSON.stringify({ article: 'fa/second.txt', paragraph: 0, paragraph_id: 'p000000000000', text: 'The minister said on Monday that talks would resume.', annotator: 'omid', status: 'in_progress', labels: ['quote'], updated_at: '2025-02-01T00:00:00.000Z' })}\n`);
  const at = join(ws, row.at);
  await mkdir(dirname(at), { recursive: true });
  await cp(at, join(base, 'replaced'), { recursive: true }).catch(() => undefined); // what the link replaces is gone
  await removeIfThere(at);
  if (row.kind === 'link to a secret file') await symlink(join(base, 'outside', 'id_rsa'), at);
  else if (row.kind === 'link to /dev/zero') await symlink('/dev/zero', at);
  else if (row.kind === 'link to a secret folder') await symlink(join(base, 'outside', 'dir'), at, 'dir');
  else execFileSync('mkfifo', [at]);
  return { base, ws };
}

async function removeIfThere(path: string): Promise<void> {
  const { rm } = await import('node:fs/promises');
  await rm(path, { recursive: true, force: true });
}

describe('a link (or pipe) anywhere Pilcrow reads or writes in a workspace', () => {
  it.each(rows.map((row) => [`${row.at} as a ${row.kind}`, row] as const))('%s: never read, never written through, named', async (_name, row) => {
    const { base, ws } = await layOut(row);
    const at = join(ws, row.at);
    const linkBefore = row.kind === 'named pipe' ? 'fifo' : await readlink(at);
    const outsideBefore = await files(join(base, 'outside'));
    const outsideTree = await tree(join(base, 'outside'));

    const said = await everything(base, ws);

    // Not one byte of the secret in the workspace, the user data, the exports or any message.
    for (const dir of ['ws', 'user', 'exports']) {
      for (const [path, bytes] of await files(join(base, dir))) expect(bytes.includes(SECRET), `${dir}/${path} holds the secret`).toBe(false);
    }
    expect(said.join('\n')).not.toContain(SECRET);
    // Nothing written outside: the same names, kinds and bytes.
    expect(await tree(join(base, 'outside'))).toEqual(outsideTree);
    expect(await files(join(base, 'outside'))).toEqual(outsideBefore);
    // The link (or pipe) is left exactly as it was.
    if (row.kind === 'named pipe') expect((await lstat(at)).isFIFO()).toBe(true);
    else expect(await readlink(at)).toBe(linkBefore);
    // A message names it and says what it is.
    const naming = said.filter((s) => s.includes(row.at) && (row.says ?? /symbolic link|link to a file outside the workspace/).test(s));
    expect(naming, `no message names ${row.at}:\n${said.join('\n')}`).not.toEqual([]);
  });
});
