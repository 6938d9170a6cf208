/** `pilcrow train`, the learned rows of `pilcrow suggest`, and `pilcrow suggest-eval --learned`, run through the CLI's own entry. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/pilcrow';
import { generateSite } from '../../bench/generator/site';
import { SOURCE_LEARN_WORKER } from '../../support/workers';
import { sampleCopy, tempDir } from '../node/temp';

async function pilcrow(argv: string[], worker = true) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), ...(worker ? { learnWorker: SOURCE_LEARN_WORKER } : {}) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function site(articles = 30, labelled = 20) {
  const dir = await tempDir('cli-learn');
  const generated = generateSite(join(dir, 'ws'), { articles, labelled });
  return { workspace: join(dir, 'ws'), userData: join(dir, 'user-data'), generated };
}

describe('pilcrow train', () => {
  it('trains and reports what it learned from and its held-out figures; a second run finds the kept model current', async () => {
    const { workspace, userData } = await site();
    const first = await pilcrow(['train', workspace, '--user-data', userData]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^trained on \d+ decided paragraphs in 20 of 30 articles, seed 1, in [\d.]+ s/);
    expect(first.out).toMatch(/^ {2}boilerplate +\d+\/\d+ +[01]\.\d{3}/m);
    expect(first.out).toMatch(/how the held-out scores bear out/);
    expect(first.out).toMatch(new RegExp(`^model: ${userData}/learned/[0-9a-f]{32}\\.model \\([\\d.]+ KiB\\)$`, 'm'));
    const second = await pilcrow(['train', workspace, '--user-data', userData, '--json']);
    const report = JSON.parse(second.out);
    expect(report.state).toBe('current');
    expect(report.labels.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['quote', 'claim', 'boilerplate']));
    expect((await pilcrow(['train', workspace, '--user-data', userData, '--json', '--force'])).out).toMatch(/"state": "trained"/);
  });

  it('says how many decided paragraphs each label still needs', async () => {
    const { workspace, userData } = await sampleCopy();
    const { code, out } = await pilcrow(['train', workspace, '--user-data', userData]);
    expect(code).toBe(0);
    expect(out).toMatch(/^not trained: no label has 20 decided paragraphs with it and 20 without yet \(0 decided paragraphs in 0 articles\)/);
    expect(out).toMatch(/^not learned yet: quote \(0 decided paragraphs with it, 0 without; 20 of each needed\)$/m);
  });

  it('refuses a bad seed, and says so when the learner is not built', async () => {
    const { workspace } = await site(4, 2);
    expect((await pilcrow(['train', workspace, '--seed', 'x'])).err).toBe('pilcrow: --seed must be a whole number from 0 to 2147483648, not "x"');
    const unbuilt = await pilcrow(['train', workspace], false);
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.err).toMatch(/the learner is not available in this build of pilcrow; run `npm run build` first/);
  });
});

describe('pilcrow suggest with enough decisions', () => {
  it('includes the learned suggester, one row per label where it agrees with a rule', async () => {
    const { workspace, userData, generated } = await site();
    const path = generated.articles.find((a) => !a.labelled)!.path;
    const { code, out, err } = await pilcrow(['suggest', workspace, '--user-data', userData, '--article', path, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { paragraph: number; label: string; suggester: string; reason: string }[];
    expect(rows.some((r) => r.suggester === 'learned' && /^Learned from \d+ of the team's labels/.test(r.reason))).toBe(true);
    expect(rows.some((r) => / Also (learned|repeated|quote-cues|claim-cues|ad-cues) \(\d\.\d\d\): /.test(r.reason))).toBe(true);
    const keys = rows.map((r) => `${r.paragraph}:${r.label}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('pilcrow suggest-eval --learned', () => {
  it('cross-validates by article and prints per-label figures beside the rules and the learning curve', async () => {
    const { workspace } = await site(24, 24);
    const { code, out, err } = await pilcrow(['suggest-eval', workspace, '--against', 'editor', '--learned', '--folds', '3']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^learned suggester against "editor", cross-validated by article: 3 folds, seed 1; \d+ decided paragraphs in 24 articles$/m);
    expect(out).toMatch(/^ {2}learned +boilerplate +[01]\.\d{3}/m);
    expect(out).toMatch(/^ {2}rules +claim +/m);
    expect(out).toMatch(/^ {2}rules \+ learned +quote +/m);
    expect(out).toMatch(/^learning curve/m);
    expect(out).toMatch(/^ {2}5 +/m);
    expect(out).toMatch(/^ {2}16 \(all\) +/m);
    const json = JSON.parse((await pilcrow(['suggest-eval', workspace, '--against', 'editor', '--learned', '--folds', '3', '--json'])).out);
    expect(json.curve.map((p: { articles: number }) => p.articles)).toEqual([5, 10, 16]);
  });

  it('checks its options and names the layers there are', async () => {
    const { workspace } = await site(6, 6);
    expect((await pilcrow(['suggest-eval', workspace, '--against', 'editor', '--learned', '--folds', '1'])).err).toBe('pilcrow: --folds must be a whole number from 2 to 20, not "1"');
    expect((await pilcrow(['suggest-eval', workspace, '--against', 'editor', '--folds', '3'])).err).toBe('pilcrow: --folds and --seed go with --learned');
    expect((await pilcrow(['suggest-eval', workspace, '--against', 'nobody', '--learned'])).err).toMatch(/^pilcrow: no layer named "nobody" in \S+ \(layers here: editor\)$/);
  });
});
