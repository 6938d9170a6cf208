/**
 * Global setup for vitest and Playwright: writer locks (src-main/node/workspace/layer-lock.ts) of
 * the sessions tests open go to a fresh folder removed at the end, not the user's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useTestLocksDir(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pilcrow-test-locks-'));
  process.env.PILCROW_LOCKS_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
