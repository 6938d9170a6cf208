import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { NEWS_ARTICLE } from '../support/seed-article';

const ROOT = join(import.meta.dirname, '../..');
const NEWS = NEWS_ARTICLE;

test.skip(() => test.info().project.name !== 'chromium', 'the CLI has no window: run once');

test('the built `pilcrow segment --json` gives offsets that hold in Python', () => {
  const out = execFileSync('node', [join(ROOT, 'bin/pilcrow.js'), 'segment', NEWS, '--json'], { encoding: 'utf8' });
  expect(JSON.parse(out).paragraphs).toHaveLength(22);
  const python = spawnSync('python3', ['-c', 'import json,sys; d=json.load(sys.stdin); bad=[p["index"] for p in d["paragraphs"] if d["text"][p["start"]:p["end"]]!=p["text"]]; print(len(d["paragraphs"]), bad)'], { input: out, encoding: 'utf8' });
  test.skip(python.error !== undefined, 'python3 is not installed here');
  expect(python.stdout.trim()).toBe('22 []');
});

test('the built CLI prints one line and exits 1 on a bad file', () => {
  const result = spawnSync('node', [join(ROOT, 'bin/pilcrow.js'), 'segment', join(ROOT, 'missing.txt')], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(`pilcrow: ${join(ROOT, 'missing.txt')}: no such file\n`);
});
