import { useTestLocksDir } from '../support/locks-dir';
import { hasSeedArticle, SEED_ABSENT_LINE } from '../support/seed-article';

/** Runs once before the unit tests; the returned function after them. */
export default function setup(): () => void {
  if (!hasSeedArticle) console.log(`unit: ${SEED_ABSENT_LINE}`);
  return useTestLocksDir();
}
