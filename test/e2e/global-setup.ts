import { existsSync } from 'node:fs';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { useTestLocksDir } from '../support/locks-dir';
import { hasSeedArticle, SEED_ABSENT_LINE } from '../support/seed-article';

export default function globalSetup(): () => void {
  if (!existsSync(`${process.env.PILCROW_OUT ?? 'out'}/renderer/index.html`)) throw new Error('e2e needs the built app: run `npm run build` first (npm test does).');
  const electron = findElectronBinary();
  if ('missing' in electron) console.log(`e2e: electron project skipped: ${electron.missing}; the specs ran in Chromium against the real handler table.`);
  if (!hasSeedArticle) console.log(`e2e: ${SEED_ABSENT_LINE}`);
  return useTestLocksDir();
}
