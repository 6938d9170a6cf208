/**
 * Persian news articles the tests read.
 *
 * NEWS_ARTICLE is our own article of the home case's shape (test/fixtures/news/README.md): every
 * test that needs a scraped Persian news article reads it, so a clone with nothing beside it
 * passes. SEED_ARTICLE is the brief's real scraped article beside the project
 * (`../shared/fixtures/seed-news-fa.txt`); it is someone else's text, so it is not copied in, and
 * the few tests that also check it skip when it is absent (the test setups print one line).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const NEWS_ARTICLE = resolve(import.meta.dirname, '..', 'fixtures', 'news', 'news-fa.txt');

export const SEED_ARTICLE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'seed-news-fa.txt');
export const hasSeedArticle = existsSync(SEED_ARTICLE);
export const SEED_ABSENT_LINE = `skipping the checks on the real seed article: ${SEED_ARTICLE} is absent (a clone with nothing beside it)`;
