/** Real temp folders for e2e specs: a copy of a workspace and an empty user-data folder. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `pilcrow-${prefix}-`));
  test.info().attach(`${prefix} folder`, { body: dir });
  return dir;
}

/**
 * A fresh copy of `source` (a workspace folder) and a user-data folder, removed after the test.
 * The sample's hand-labelled `reference` layer (docs/suggestions.md) is left out unless asked
 * for, so specs that label see only their own layers.
 */
export async function tempWorkspace(source: string, options: { reference?: boolean } = {}): Promise<{ workspace: string; userData: string; root: string }> {
  const root = await mkdtemp(join(tmpdir(), 'pilcrow-e2e-'));
  const workspace = join(root, 'workspace');
  const reference = join('.pilcrow', 'annotations', 'reference');
  await cp(source, workspace, { recursive: true, filter: (src) => options.reference === true || !src.includes(reference) });
  const userData = join(root, 'user-data');
  return { workspace, userData, root };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Turns the boilerplate and ad suggesters off in a workspace (`.pilcrow/suggest.json`, shared
 * settings): for a spec that walks a footer line by line, which those suggestions would fold
 * into one row as they arrive (docs/shortcuts.md).
 */
export async function withoutFolding(workspace: string): Promise<void> {
  await mkdir(join(workspace, '.pilcrow'), { recursive: true });
  await writeFile(join(workspace, '.pilcrow', 'suggest.json'), JSON.stringify({ version: 1, enabled: { repeated: false, 'ad-cues': false } }));
}
