import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { tempDir } from '../temp';

describe('a workspace opened for one command (watched: false)', () => {
  it('lists and reads what a watched one does, and refuses to say what changed since', async () => {
    const ws = await tempDir('one-command');
    await mkdir(join(ws, 'news'));
    await writeFile(join(ws, 'news', 'a.txt'), 'First story.\n\nIts second paragraph.\n');
    await writeFile(join(ws, 'news', 'b.md'), '# Second story\n\nA paragraph.\n');
    await writeFile(join(ws, 'news', 'c.jsonl'), '{"id":"x","text":"One.\\n\\nTwo."}\n');
    const watched = await Workspace.open(ws);
    const once = await Workspace.open(ws, undefined, { watched: false });
    expect(once.listing()).toEqual(watched.listing());
    expect(await once.entries()).toEqual(await watched.entries());
    await writeFile(join(ws, 'news', 'a.txt'), 'First story, rewritten.\n');
    expect((await watched.sync()).changed.map((c) => watched.pathOf(c.id))).toContain('news/a.txt');
    await expect(once.sync()).rejects.toThrow('opened for one command');
  });
});
