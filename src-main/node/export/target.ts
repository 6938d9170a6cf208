/**
 * Where an export may be written. The editor picks the file (a dialog, `--out`), but a path
 * inside the workspace's `.pilcrow/` would replace its label schema, settings or someone's
 * labels (docs/reliability.md: `export --out .pilcrow/schema.json` destroyed the team's schema), and a path
 * with an article's name inside the workspace would replace an article or become one. Both are
 * refused before anything is written, for every export target (CLI and app).
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { SaidError } from '../../shared/messages';
import { PILCROW_DIR } from '../annotations/paths';
import { isInside } from '../workspace/confine';
import { formatOf } from '../workspace/scan';
import { GUIDELINES_FILE } from '../workspace-schema/guidelines';

/** The chosen file cannot be written (it says where to write instead). */
export class ExportTargetError extends SaidError {
  override readonly name = 'ExportTargetError';
}

/** File systems that ignore case: `.PILCROW/` is `.pilcrow/` there. */
const FOLDS_CASE = process.platform === 'win32' || process.platform === 'darwin';

export async function checkExportTarget(root: string, file: string): Promise<void> {
  // The folder as it really is (a link to the workspace is the workspace); the name as given,
  // since the export replaces that name itself, never a file a link there points to. A folder
  // export makes its folders: those not there yet are judged by the nearest one that is.
  const folder = await realFolder(dirname(resolve(file)));
  if (folder === null) return; // nothing of the path exists: the write fails with its own message
  const target = join(folder, basename(file));
  if (!isInside(root, target)) return;
  const rel = relative(root, target).split(sep).join('/');
  const key = FOLDS_CASE ? rel.toLowerCase() : rel;
  if (rel === '' || key === PILCROW_DIR || key.startsWith(`${PILCROW_DIR}/`)) {
    throw new ExportTargetError({ code: 'export-in-pilcrow', file, folder: PILCROW_DIR });
  }
  if (formatOf(target) !== null || key === GUIDELINES_FILE) {
    throw new ExportTargetError({ code: 'export-over-article', file, article: rel });
  }
}

/** `folder` with its nearest existing ancestor resolved to its real path; null when none exists. */
async function realFolder(folder: string): Promise<string | null> {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    const real = await realpath(at).catch(() => null);
    if (real !== null) return join(real, ...missing);
    if (dirname(at) === at) return null;
    missing.unshift(basename(at));
  }
}
