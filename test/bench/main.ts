/**
 * `npm run bench [-- --json FILE] [--scale small|full] [--only id,id] [--keep]`: generates the
 * synthetic workspace, runs every registered scenario, prints the table, writes the JSON.
 * A report, never a test: nothing here fails on a missed target, only on a broken scenario.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeSharedChromium, RENDERER, sharedChromium } from '../support/chromium-app';
import { generateWorkspace, SCALES, type Scale } from './generator/generate';
import { MemoryProbe } from './memory';
import { markdown, table, writeJson, type Machine } from './report';
import { SCENARIOS } from './scenarios';
import { loadWorkspace, type LoadedWorkspace } from './shared-data';
import type { BenchContext, Figure } from './types';

const ROOT = resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  options: { json: { type: 'string' }, scale: { type: 'string', default: 'small' }, only: { type: 'string' }, keep: { type: 'boolean', default: false }, markdown: { type: 'boolean', default: false } },
});
if (values.scale !== 'small' && values.scale !== 'full') throw new Error(`--scale must be small or full, not ${values.scale}`);
const scale: Scale = values.scale;
const jsonFile = resolve(ROOT, values.json ?? 'bench-results/latest.json');
const only = values.only?.split(',');
const log = (message: string) => console.log(message);

// scripts/bench.mjs builds the renderer; run directly, this file needs one already built.
if (!existsSync(join(RENDERER, 'index.html'))) throw new Error(`no built renderer in ${RENDERER}: run through npm run bench`);
const rendererBuilt = statSync(join(RENDERER, 'index.html')).mtime.toISOString();

const loadBefore = loadavg()[0] ?? 0;
const scratch = await mkdtemp(join(tmpdir(), `pilcrow-bench-${scale}-`));
const started = performance.now();
log(`bench: scale ${scale}; generating the workspace in ${scratch} …`);
const workspace = generateWorkspace(join(scratch, 'workspace'), SCALES[scale]);
log(`bench: ${workspace.articles} articles, ${workspace.paragraphs} paragraphs, ${(workspace.articleBytes / 1048576).toFixed(1)} MB of text, ${workspace.layerFiles} layer files, ${workspace.labelledParagraphs} labelled paragraph entries (${((performance.now() - started) / 1000).toFixed(1)} s)`);

let loaded: Promise<LoadedWorkspace> | null = null;
const cleanups: (() => Promise<void>)[] = [];
const memory = new MemoryProbe();
const ctx: BenchContext = {
  scale,
  workspace,
  scratch,
  runs: (counts) => counts[scale],
  loaded: () =>
    (loaded ??= loadWorkspace(workspace.root, scratch).then((l) => {
      cleanups.push(async () => l.session.close());
      return l;
    })),
  memory,
  defer: (cleanup) => void cleanups.unshift(cleanup),
  log,
};

const figures: Figure[] = [];
await memory.startNode();
for (const scenario of SCENARIOS) {
  if (only && !only.includes(scenario.id)) continue;
  const t0 = performance.now();
  log(`\n[${scenario.id}] ${scenario.title}`);
  try {
    const got = await scenario.run(ctx);
    figures.push(...got);
    log(table(got));
  } catch (error) {
    // One broken scenario must not hide the others' figures; the row says what broke.
    const message = error instanceof Error ? error.message : String(error);
    log(`  FAILED: ${message}`);
    figures.push({ name: `${scenario.title} (failed)`, ratio: null, target: '–', met: null, note: message });
  }
  log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
await memory.stopNode();
await memory.stopRenderer();
for (const cleanup of cleanups) await cleanup().catch((e: unknown) => log(`bench: cleanup failed: ${String(e)}`));

const chromiumVersion = await sharedChromium().then((b) => b.version(), () => null);
await closeSharedChromium();
const machine: Machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ram_gb: Math.round(totalmem() / 1024 ** 3),
  os: `${type()} ${release()}`,
  node: process.version,
  chromium: chromiumVersion,
  renderer: `${relative(ROOT, RENDERER)} (built ${rendererBuilt})`,
  // Other work on the machine skews every figure; the 1-minute load says how much there was.
  load_before: Number(loadBefore.toFixed(2)),
  load_after: Number((loadavg()[0] ?? 0).toFixed(2)),
};
const { root: _root, long: _long, annotators: _annotators, ...counts } = workspace;
await writeJson(jsonFile, { machine, scale, workspace: counts, scenarios: figures });
log(`\n${values.markdown ? markdown(figures) : table(figures)}`);
log(`\nbench: ${JSON.stringify(machine)}`);
log(`bench: wrote ${jsonFile} (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
if (!values.keep) await rm(scratch, { recursive: true, force: true });
else log(`bench: kept ${scratch}`);
