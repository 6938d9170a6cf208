/**
 * Import grows linearly with the number of records (issue 22 item 6: 40k records for one
 * article took 55 s, a million lines never finished). Work on arrays is counted, not timed:
 * four times the records must cost about four times the work, never sixteen.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphIdFor } from '../../../../src-main/core/paragraphs';
import { importIntoWorkspace } from '../../../../src-main/node/import/run-import';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../../../src-main/node/workspace-schema/schema-store';
import { countArrayWork } from '../../../support/array-work';
import { tempDir } from '../temp';

const T = '2026-11-20T09:00:00.000Z';

/** A workspace with one article of n paragraphs, and a JSONL export of n records for it (or for an article it lacks). */
async function scenario(n: number, target: 'present' | 'missing'): Promise<{ root: string; file: string }> {
  const root = join(await tempDir('scale'), 'ws');
  await mkdir(root, { recursive: true });
  const texts = Array.from({ length: n }, (_, i) => `Paragraph ${i} of a long article, words ${i % 97} and ${i % 89}.`);
  await writeFile(join(root, 'long.txt'), `${texts.join('\n\n')}\n`);
  const article = target === 'present' ? 'long.txt' : 'gone.txt';
  const lines = texts.map((text, i) => JSON.stringify({ article, paragraph: i, paragraph_id: paragraphIdFor(text, 1), text, annotator: 'omid', labels: ['quote'], updated_at: T }));
  const file = join(root, '..', 'labels.jsonl');
  await writeFile(file, `${lines.join('\n')}\n`);
  return { root, file };
}

async function importWork(n: number, target: 'present' | 'missing'): Promise<number> {
  const { root, file } = await scenario(n, target);
  const workspace = await Workspace.open(root);
  const schema = await WorkspaceSchemaStore.open(root);
  let placed = 0;
  const work = await countArrayWork(async () => {
    const result = await importIntoWorkspace({ workspace, schema }, file);
    placed = result.layers[0]!.matched + result.layers[0]!.unmatched;
  });
  expect(placed).toBe(n);
  return work;
}

describe('import grows linearly with its records', () => {
  for (const target of ['present', 'missing'] as const) {
    it(`does about 4× the array work for 4× the records of one article (${target === 'present' ? 'placed on its paragraphs' : 'kept as orphans'})`, async () => {
      const small = await importWork(1_000, target);
      const large = await importWork(4_000, target);
      // Linear: ~4. Per-record copies or scans: ~16.
      expect(large / small).toBeLessThan(6);
    });
  }
});
