/**
 * An article the app may not read is listed with "permission denied" and the rest opens. Root
 * reads any file whatever its mode, so under root the check runs in a child process as `nobody`.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { tempDir } from '../temp';

const NOBODY = 65534;
const REPO = resolve(import.meta.dirname, '../../../..');

async function listAs(ws: string): Promise<{ path: string; ok: boolean; error?: string }[]> {
  if (process.getuid?.() !== 0) return (await (await Workspace.open(ws)).entries()).map((e) => (e.ok ? { path: e.path, ok: true } : { path: e.path, ok: false, error: e.error }));
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/list-entries.mts'), ws], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', cwd: REPO });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

describe('unreadable files', () => {
  it('lists a file without read permission as "permission denied" and reads the others', async () => {
    const base = await tempDir('perm');
    const ws = join(base, 'ws');
    await mkdir(ws);
    await writeFile(join(ws, 'open.txt'), 'خبر خواندنی\n');
    await writeFile(join(ws, 'locked.txt'), 'خبر قفل\n');
    await chmod(join(ws, 'locked.txt'), 0o000);
    await chmod(base, 0o755);
    await chmod(ws, 0o755);
    expect(await listAs(ws)).toEqual([
      { path: 'locked.txt', ok: false, error: "locked.txt: permission denied; check the file's permissions." },
      { path: 'open.txt', ok: true },
    ]);
  });
});
