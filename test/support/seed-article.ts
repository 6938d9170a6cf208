/**
 * The brief's real scraped Persian news article (`../shared/fixtures/seed-news-fa.txt` next to
 * the project), the home case several tests read. It is not copied into the repository: it is
 * someone else's text. One path for every test, resolved from the project root.
 */
import { resolve } from 'node:path';

export const SEED_ARTICLE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'seed-news-fa.txt');
