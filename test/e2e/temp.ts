/** Real temp folders for e2e specs: a copy of a workspace and an empty user-data folder (the fixtures in fixtures.ts make and remove them). */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';

export interface TempWorkspace {
  workspace: string;
  userData: string;
  /** The folder holding both, for anything else the test writes. */
  root: string;
}

/** A new empty folder under the system's temp folder, named in the test's report. Use the `tempDir` fixture (fixtures.ts), which removes it. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `pilcrow-${prefix}-`));
  test.info().attach(`${prefix} folder`, { body: dir });
  return dir;
}

/** Copies the workspace `source` into `root`, leaving the sample's `reference` layer out unless asked for. Use the `tempWorkspace` fixture. */
export async function copyWorkspace(source: string, root: string, options: { reference?: boolean } = {}): Promise<TempWorkspace> {
  const workspace = join(root, 'workspace');
  const reference = join('.pilcrow', 'annotations', 'reference');
  await cp(source, workspace, { recursive: true, filter: (src) => options.reference === true || !src.includes(reference) });
  return { workspace, userData: join(root, 'user-data'), root };
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
