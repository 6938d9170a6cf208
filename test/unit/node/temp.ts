/** Real temp folders for node tests, removed after each test file. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const SAMPLE_WORKSPACE = resolve(import.meta.dirname, '../../../resources/sample-workspace');
const made: string[] = [];

// A session a test closed may still finish a write it had begun into user data (close() stops
// background work, it does not wait for a write in flight): rm retries the ENOTEMPTY that races.
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })));
});

export async function tempDir(prefix = 'unit'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `pilcrow-${prefix}-`));
  made.push(dir);
  return dir;
}

/**
 * The bundled sample's hand-labelled `reference` layer (docs/suggestions.md): left out of copies
 * unless asked for, so tests that write their own layers see only those.
 */
export const REFERENCE_LAYER = join('.pilcrow', 'annotations', 'reference');

/** A copy of the bundled sample workspace plus an empty user-data folder. */
export async function sampleCopy(options: { reference?: boolean } = {}): Promise<{ workspace: string; userData: string; root: string }> {
  const root = await tempDir('ws');
  const workspace = join(root, 'workspace');
  await cp(SAMPLE_WORKSPACE, workspace, { recursive: true, filter: (src) => options.reference === true || !src.includes(REFERENCE_LAYER) });
  return { workspace, userData: join(root, 'user-data'), root };
}
