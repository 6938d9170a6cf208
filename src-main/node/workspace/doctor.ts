/**
 * `pilcrow doctor WS`: everything in a shared workspace that waits for a person, each with what
 * fixes it (docs/teams.md): files mid-merge, sync-tool conflict copies, quarantined files, stale
 * writer locks, and teammates' label files that still use a renamed label. Reads only.
 */
import { join } from 'node:path';
import { annotationFilePath, PILCROW_DIR, quarantineDir } from '../annotations/paths';
import { annotationFileSchema } from '../annotations/schema';
import { layerFilesOf, LayerReader } from '../annotations/store';
import { checkAndParse, checkBytes, listConfined, readConfined, staleWriterLocks, walkConfined } from '../storage';
import { midMergeProblem } from '../storage/errors';
import { LAYER_LIMIT } from '../storage/read-limits';
import { readRenames } from '../workspace-schema/schema-store';
import { findSharedConflictCopies } from './conflict-files';
import { workspaceLocksDir } from './layer-lock';
import { englishText } from '../../shared/messages';

export type FindingKind = 'mid-merge' | 'conflict-copy' | 'quarantined' | 'stale-lock' | 'unmigrated-rename';

export interface Finding {
  kind: FindingKind;
  /** Workspace-relative path (or the lock file's own path, which is outside the workspace). */
  path: string;
  /** What it is and what fixes it. */
  message: string;
}

export async function diagnoseWorkspace(root: string, locksDir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const rel = (file: string) => file.slice(root.length + 1).split('\\').join('/');
  // Files mid-merge: every JSON file Pilcrow shares, outside the quarantine.
  for (const entry of await walkConfined(root, join(root, PILCROW_DIR), (name) => name.startsWith('.')).catch(() => [])) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.json') || entry.path.startsWith('quarantine/')) continue;
    const file = join(root, PILCROW_DIR, ...entry.path.split('/'));
    const bytes = await readConfined(root, file, LAYER_LIMIT).catch(() => null);
    const check = bytes && checkBytes(bytes);
    if (check && !check.ok && check.midMerge) findings.push({ kind: 'mid-merge', path: rel(file), message: `${rel(file)}: ${midMergeProblem(rel(file), check.midMerge.line)}.` });
  }
  for (const copy of await findSharedConflictCopies(root)) findings.push({ kind: 'conflict-copy', path: copy.path, message: englishText(copy.said) });
  for (const entry of await listConfined(root, quarantineDir(root)).catch(() => [])) {
    if (entry.kind !== 'file') continue;
    const path = `${PILCROW_DIR}/quarantine/${entry.name}`;
    findings.push({ kind: 'quarantined', path, message: `${path}: the bytes of a damaged file Pilcrow set aside (its name says when, and which file). Look at it, bring back by hand anything you still need, then delete it.` });
  }
  findings.push(...(await staleLocks(root, locksDir)));
  findings.push(...(await unmigratedRenames(root, rel)));
  return findings;
}

/** Writer locks of this workspace that the next writer will take over (a process on this machine that is gone). */
async function staleLocks(root: string, locksDir: string): Promise<Finding[]> {
  return (await staleWriterLocks(await workspaceLocksDir(locksDir, root))).map(({ path, owner, pid }) => ({
    kind: 'stale-lock',
    path,
    message: `${path}: the writer lock of "${owner}" left by process ${pid}, which is gone. Pilcrow takes it over the next time ${owner} opens the workspace; nothing to do (or delete the file).`,
  }));
}

/** Label files that still carry a label the schema renamed: read with the new name everywhere. */
async function unmigratedRenames(root: string, rel: (file: string) => string): Promise<Finding[]> {
  const renames = await readRenames(root);
  if (renames.size === 0) return [];
  const found: Finding[] = [];
  for (const annotator of await new LayerReader(root).annotators()) {
    for (const article of await layerFilesOf(root, annotator)) {
      const file = annotationFilePath(root, annotator, article);
      // Read without the durable adapter: a doctor never quarantines or restores anything.
      const bytes = await readConfined(root, file, LAYER_LIMIT).catch(() => null);
      const check = bytes && checkAndParse(bytes, (v) => annotationFileSchema.parse(v));
      if (!check?.ok) continue;
      const old = new Set<string>();
      for (const entry of [...Object.values(check.value.paragraphs), ...check.value.orphans.map((o) => o.entry)]) for (const l of entry.labels) if (renames.has(l)) old.add(l);
      if (old.size === 0) continue;
      const list = [...old].map((l) => `"${l}" (now "${renames.get(l)}")`).join(', ');
      found.push({ kind: 'unmigrated-rename', path: rel(file), message: `${rel(file)}: ${annotator}'s labels for ${article} still say ${list}. Every reader already reads the new name; ${annotator}'s Pilcrow rewrites the file when it next opens the workspace. Nothing to do.` });
    }
  }
  return found;
}
