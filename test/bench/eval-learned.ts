/**
 * `npm run eval:learned [-- --write]`: the learned suggester's figures in docs/suggestions.md,
 * recomputed. Cross-validation by article (5 folds, seed 1, the evaluate job of
 * src-main/node/learn/jobs.ts, as `pilcrow suggest-eval --learned --folds 5` runs it) with the
 * learning curve, on:
 *   sample  the bundled sample workspace against its hand-made `reference` layer (5 articles);
 *   site    the generated news site (test/bench/generator/site.ts: 120 articles, every one
 *           labelled by one editor with 2% slips) against that editor;
 *   bench   the bench's generated workspace at small scale (test/bench/generator) against sara.
 * Prints each as markdown; with --write, replaces the blocks between `<!-- learned:NAME -->`
 * markers in docs/suggestions.md. Seeded throughout: the same code gives the same figures.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EvaluationReport } from '../../src-main/node/learn/jobs';
import { runLearnJob } from '../../src-main/node/learn/jobs';
import { defaultSuggestSettings } from '../../src-main/core/suggest/types';
import { generateWorkspace, SCALES } from './generator/generate';
import { generateSite } from './generator/site';
import { learnedTable } from './learned-table';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = join(ROOT, 'docs', 'suggestions.md');
const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });

async function evaluate(root: string, against: string): Promise<EvaluationReport> {
  const result = await runLearnJob({ kind: 'evaluate', root, labels: LABELS, against, folds: 5, seed: 1, settings: defaultSuggestSettings() });
  if (result.kind !== 'evaluate') throw new Error('not an evaluation');
  return result.report;
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'pilcrow-eval-learned-'));
  const blocks = new Map<string, string>();
  try {
    const sample = join(scratch, 'sample');
    await cp(join(ROOT, 'resources', 'sample-workspace'), sample, { recursive: true });
    const site = join(scratch, 'site');
    generateSite(site, { articles: 120, labelled: 120 });
    const bench = join(scratch, 'bench');
    generateWorkspace(bench, SCALES.small);
    for (const [name, root, against] of [['sample', sample, 'reference'], ['site', site, 'editor'], ['bench', bench, 'sara']] as const) {
      const started = performance.now();
      const report = await evaluate(root, against);
      blocks.set(name, learnedTable(report));
      console.log(`\n## ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)\n\n${blocks.get(name)}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (!values.write) return;
  let doc = await readFile(DOC, 'utf8');
  for (const [name, block] of blocks) {
    const marker = new RegExp(`(<!-- learned:${name} -->\\n)[\\s\\S]*?(\\n<!-- /learned:${name} -->)`);
    if (!marker.test(doc)) throw new Error(`docs/suggestions.md has no <!-- learned:${name} --> block`);
    doc = doc.replace(marker, (_, open: string, close: string) => `${open}${block}${close}`);
  }
  await writeFile(DOC, doc);
  console.log(`\nwrote ${DOC}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
