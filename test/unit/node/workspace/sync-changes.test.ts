import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { tempDir } from '../temp';

describe('Workspace.sync', () => {
  it('does not report an article as changed because it was read: only a file changed on disk is', async () => {
    const ws = await tempDir('sync');
    await writeFile(join(ws, 'a.txt'), 'First story.\n\nIts second paragraph.\n');
    await writeFile(join(ws, 'b.txt'), 'Second story.\n');
    // A time with a fraction of a millisecond, as most file systems keep them.
    await utimes(join(ws, 'a.txt'), 1_700_000_000.1234567, 1_700_000_000.1234567);
    const workspace = await Workspace.open(ws);
    expect((await workspace.entries()).every((e) => e.ok)).toBe(true);
    // Another file arrives: the watcher asks what changed.
    await writeFile(join(ws, 'c.txt'), 'A third story.\n');
    const changes = await workspace.sync();
    expect(changes.changed).toEqual([]);
    expect(changes.added.map((id) => workspace.pathOf(id))).toEqual(['c.txt']);
    await writeFile(join(ws, 'a.txt'), 'First story, rewritten.\n');
    expect((await workspace.sync()).changed.map((c) => workspace.pathOf(c.id))).toEqual(['a.txt']);
  });
});
