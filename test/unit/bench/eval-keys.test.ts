import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEWS_ARTICLE } from '../../support/seed-article';
import { oneArticle, run } from '../../bench/keys/replay';
import { extend, moves } from '../../bench/keys/simulated-editor';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'resources', 'sample-workspace');
const scratch = await mkdtemp(join(tmpdir(), 'pilcrow-keys-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the keystroke eval (npm run eval:keys)', () => {
  it('moves by the cheapest keys: j, PgDn, End, and grows a range by Shift+J, Shift+PgDn or Shift+End', () => {
    expect(moves(0, 3, 20, false)[0]).toEqual(['j', 'j', 'j']);
    expect(moves(0, 12, 20, false)[0]).toEqual(['PgDn', 'j', 'j']);
    expect(moves(2, 19, 20, false)[0]).toEqual(['End']);
    expect(moves(5, 1, 20, true)[0]).toEqual(['u']);
    expect(extend(2, 5)).toEqual(['Shift+j', 'Shift+j']);
    expect(extend(9, 0)).toEqual(['Shift+End']);
  });

  it('labels our Persian article (multi-label) with suggestions in at most half the keys, as docs/suggestions.md says', async () => {
    const source = oneArticle('news-fa.txt', NEWS_ARTICLE, join(ROOT, 'test', 'fixtures', 'news', 'reference', 'fa', 'news-fa.txt.json'));
    const policy = { mode: 'multi' as const, done: true };
    const without = await run(source, scratch, SAMPLE, policy, false);
    const withSuggestions = await run(source, scratch, SAMPLE, policy, true);
    expect(without.paragraphs).toBe(22);
    expect(withSuggestions.keys * 2).toBeLessThanOrEqual(without.keys);
    const doc = await readFile(join(ROOT, 'docs', 'suggestions.md'), 'utf8');
    expect(doc).toContain(`| news-fa.txt | multi | yes | 22 | ${without.keys} | ${withSuggestions.keys} |`);
  }, 60_000);

  it('accepts a screen of right ghosts with a selection and a: our Persian article single-label in at most half the keys', async () => {
    const source = oneArticle('news-fa.txt', NEWS_ARTICLE, join(ROOT, 'test', 'fixtures', 'news', 'reference', 'fa', 'news-fa.txt.json'));
    const policy = { mode: 'single' as const, done: true };
    const without = await run(source, scratch, SAMPLE, policy, false);
    const pressed: string[] = [];
    const withSuggestions = await run(source, scratch, SAMPLE, policy, true, (line) => pressed.push(line));
    expect(pressed.join('\n')).toMatch(/Shift\+(End|j|PgDn) a\b/);
    expect(withSuggestions.keys * 2).toBeLessThanOrEqual(without.keys);
    const doc = await readFile(join(ROOT, 'docs', 'suggestions.md'), 'utf8');
    expect(doc).toContain(`| news-fa.txt | single | yes | 22 | ${without.keys} | ${withSuggestions.keys} |`);
  }, 60_000);
});
