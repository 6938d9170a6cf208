/**
 * `npm run eval:keys [-- WS --against LAYER] [--write]`: the keys an editor needs to label a
 * workspace as a reference layer has it, with and without suggestions, multi- and single-label
 * (docs/suggestions.md, "Keystrokes"; the cost model is keys/simulated-editor.ts).
 *
 * The app is driven as it runs: the main process's handler table on a copy of the workspace and
 * the renderer's state and key handler (keys/editor-session.ts). The reference layer is taken out
 * of the copy before the editor starts, so suggestions (whose scores are measured on the
 * workspace's decisions) see only what the simulated editor decided so far, article by article.
 * The learned suggester is off: it trains in the background, and the figures must not depend on
 * when a worker finishes.
 *
 * With --learned [--folds K] [--seed N]: the suggestions with and without the learned suggester,
 * each article scored by a model trained (seeded) on the reference of the OTHER articles only, k
 * folds by article as the learned suggester's cross-validation deals them (keys/learned-folds.ts);
 * --write then replaces the `<!-- keys:learned -->` block.
 *
 * With --site [--articles N] [--train N] [--folds K] [--seed N]: a generated news site instead
 * (generator/site.ts, 120 articles by default), its `reference` layer the generator's truth (no
 * slips), multi- and single-label with Shift+D, with the rules alone and with the learned
 * suggester trained, per fold, on `--train` (20) of the other articles, the learning curve's
 * first, and on all of them; beside each, the articles the learned suggester cost keys on. --write then replaces the `<!-- keys:site -->` block.
 *
 * Without WS: the bundled sample workspace against `reference`, our own Persian article
 * (test/fixtures/news) against its reference, and the real seed article beside the project
 * against its reference when it is there. With --write, the table replaces the block between
 * `<!-- keys:table -->` markers in docs/suggestions.md; --trace prints every article's keys.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasSeedArticle, NEWS_ARTICLE, SEED_ABSENT_LINE, SEED_ARTICLE } from '../support/seed-article';
import { SOURCE_LEARN_WORKER } from '../support/workers';
import { generateSite } from './generator/site';
import { oneArticle, per100, run, type Run, type Source } from './keys/replay';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = join(ROOT, 'docs', 'suggestions.md');
const SAMPLE = join(ROOT, 'resources', 'sample-workspace');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { against: { type: 'string', default: 'reference' }, write: { type: 'boolean', default: false }, trace: { type: 'boolean', default: false }, learned: { type: 'boolean', default: false }, folds: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' }, site: { type: 'boolean', default: false }, articles: { type: 'string', default: '120' }, train: { type: 'string', default: '20' } },
});

function sources(): Source[] {
  if (positionals[0]) {
    const ws = resolve(positionals[0]);
    return [{ name: ws, against: values.against!, make: (dir) => cp(ws, dir, { recursive: true }) }];
  }
  const out: Source[] = [
    { name: 'sample workspace', against: 'reference', make: (dir) => cp(SAMPLE, dir, { recursive: true }) },
    oneArticle('news-fa.txt', NEWS_ARTICLE, join(ROOT, 'test', 'fixtures', 'news', 'reference', 'fa', 'news-fa.txt.json')),
  ];
  if (hasSeedArticle) out.push(oneArticle('seed-news-fa.txt', SEED_ARTICLE, join(ROOT, 'test', 'fixtures', 'suggest', 'reference', 'fa', 'seed-news-fa.txt.json')));
  else console.log(SEED_ABSENT_LINE);
  return out;
}

const trace = values.trace ? (line: string) => console.log(line) : undefined;

const ratio = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((100 * a) / b)}%`);

const wholeAtLeast = (text: string, least: number, option: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) throw new Error(`${option} takes a whole number of ${least} or more`);
  return n;
};

/** Keys with the learned suggester against the rules alone: the total, its change, and the articles it cost keys on. */
function againstRules(learned: Run, rules: Run): string {
  const change = learned.keys - rules.keys;
  const worse = [...learned.byArticle].filter(([path, keys]) => keys > (rules.byArticle.get(path) ?? 0)).length;
  return `${learned.keys} | ${change > 0 ? '+' : ''}${change} (${ratio(learned.keys, rules.keys)}) | ${worse} of ${learned.byArticle.size}`;
}

/** `--site`: a generated site, rules alone and rules + learned trained on `--train` of the other articles and on all of them. */
async function siteTable(scratch: string): Promise<string[]> {
  const articles = wholeAtLeast(values.articles!, 2, '--articles');
  const train = wholeAtLeast(values.train!, 1, '--train');
  const folds = wholeAtLeast(values.folds!, 2, '--folds');
  const seed = wholeAtLeast(values.seed!, 0, '--seed');
  const site: Source = { name: 'generated site', against: 'reference', make: async (dir) => void generateSite(dir, { articles, labelled: articles, noise: 0, annotators: ['reference'] }) };
  const all = Math.round((articles * (folds - 1)) / folds);
  const rows = [
    `Generated site of ${articles} articles (test/bench/generator/site.ts, seed 1403), reference = the generator's truth; \`Shift+D\` at the end of each article; ${folds} folds by article, seed ${seed}: each article scored by a model trained on ${train} or on all ${all} of the OTHER articles.`,
    '',
    `| labels | paragraphs | keys with rules | rules + learned (${train} articles) | vs rules | articles costing more | rules + learned (${all} articles) | vs rules | articles costing more |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const mode of ['multi', 'single'] as const) {
    const policy = { mode, done: true };
    const rules = await run(site, scratch, SAMPLE, policy, true, trace);
    const few = await run(site, scratch, SAMPLE, policy, true, trace, { folds, seed, worker: SOURCE_LEARN_WORKER, trainArticles: train });
    const many = await run(site, scratch, SAMPLE, policy, true, trace, { folds, seed, worker: SOURCE_LEARN_WORKER });
    const row = `| ${mode} | ${rules.paragraphs} | ${rules.keys} | ${againstRules(few, rules)} | ${againstRules(many, rules)} |`;
    rows.push(row);
    console.log(row);
  }
  return rows;
}

async function write(block: string, table: string): Promise<void> {
  const doc = await readFile(DOC, 'utf8');
  // The block may be empty (a new one): the table goes between its two lines.
  const marker = new RegExp(`(<!-- ${block} -->\\n)[\\s\\S]*?(<!-- /${block} -->)`);
  if (!marker.test(doc)) throw new Error(`docs/suggestions.md has no <!-- ${block} --> block`);
  await writeFile(DOC, doc.replace(marker, (_, open: string, close: string) => `${open}${table}\n${close}`));
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'pilcrow-eval-keys-'));
  if (values.site) {
    if (positionals[0]) throw new Error('--site generates its workspace: give no WS');
    try {
      const table = (await siteTable(scratch)).join('\n');
      console.log(`\n${table}`);
      if (values.write) await write('keys:site', table);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return;
  }
  const learned = values.learned ? { folds: Number(values.folds), seed: Number(values.seed), worker: SOURCE_LEARN_WORKER } : undefined;
  if (learned && !(Number.isInteger(learned.folds) && learned.folds >= 2 && Number.isInteger(learned.seed))) throw new Error('--folds takes a whole number of 2 or more, --seed a whole number');
  const rows = learned
    ? ['| workspace | labels | Shift+D | paragraphs | keys without | keys with rules | keys with rules + learned | learned vs rules |', '|---|---|---|---|---|---|---|---|']
    : ['| workspace | labels | Shift+D | paragraphs | keys without | keys with | per 100 without | per 100 with | with / without |', '|---|---|---|---|---|---|---|---|---|'];
  try {
    for (const source of sources()) {
      for (const mode of ['multi', 'single'] as const) {
        for (const done of [true, false]) {
          const policy = { mode, done };
          const without = await run(source, scratch, SAMPLE, policy, false, trace);
          const withS = await run(source, scratch, SAMPLE, policy, true, trace);
          const head = `| ${source.name} | ${mode} | ${done ? 'yes' : 'no'} | ${without.paragraphs} | ${without.keys} | ${withS.keys} |`;
          let row = `${head} ${per100(without).toFixed(0)} | ${per100(withS).toFixed(0)} | ${ratio(withS.keys, without.keys)} |`;
          if (learned) {
            const withL = await run(source, scratch, SAMPLE, policy, true, trace, learned);
            row = `${head} ${withL.keys} | ${withL.keys - withS.keys > 0 ? '+' : ''}${withL.keys - withS.keys} (${ratio(withL.keys, withS.keys)}) |`;
          }
          rows.push(row);
          console.log(row);
        }
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const table = rows.join('\n');
  console.log(`\n${table}`);
  if (!values.write) return;
  if (positionals[0] || !hasSeedArticle) throw new Error('--write keeps the figures of the default workspaces, the seed article included');
  await write(learned ? 'keys:learned' : 'keys:table', table);
}

await main();
