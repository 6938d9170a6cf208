/**
 * Issue 15's team targets, on a workspace of its own: 10,000 small articles, 20 annotators.
 * a) `pilcrow assign` of every article to 20 annotators with a 20% overlap to two (open the
 *    workspace, plan, write 20 files), against a bare recursive readdir of the articles plus
 *    writeFile of the same 20 files' bytes;
 * b) `pilcrow progress --json` once each annotator has labelled every assigned article
 *    (12,000 label files of 8 decisions), against a bare recursive readdir plus readFile +
 *    JSON.parse of the same label files: its first call (empty user data: every file read),
 *    later calls (the summaries kept in user data, nothing changed) and calls after one
 *    teammate's label file was rewritten (node/team/progress-cache.ts).
 * Targets are absolute: ≤ 1 s each. Each figure has its CPU time beside it (the bench process's,
 * threads included): on a machine shared with other work, the wall time is mostly waiting.
 * The same command is also run as the editor runs it, the built CLI in a process of its own
 * (start-up and module load included), against the bare read in a process of its own. Where the
 * time goes is reported beside them: opening the workspace (the scan every command makes), the
 * plan alone against a bare seeded shuffle, and progress on an open workspace against the bare reads.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../src-main/cli/pilcrow';
import { planAssignment } from '../../../src-main/core/team/assign';
import { annotationFilePath } from '../../../src-main/node/annotations/paths';
import { assignmentFileText, readAssignments } from '../../../src-main/node/workspace/assignments';
import { LayerReader } from '../../../src-main/node/annotations/store';
import { workspaceProgress } from '../../../src-main/node/team/team';
import { Workspace } from '../../../src-main/node/workspace/workspace';
import { seededRandom, shuffle } from '../../../src-main/core/learn/random';
import { compare, compareCpu, timeFigure } from '../stats';
import type { BenchContext, Figure, Scenario } from '../types';

const ARTICLES = 10_000;
const ANNOTATORS = Array.from({ length: 20 }, (_, i) => `editor${String(i + 1).padStart(2, '0')}`);
const PARAGRAPHS = 8;

async function cli(...argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  if (code !== 0) throw new Error(`pilcrow ${argv[0]} failed: ${err.join('\n')}`);
  return out.join('\n');
}

async function makeWorkspace(root: string): Promise<string[]> {
  const paths: string[] = [];
  for (let folder = 0; folder < 100; folder++) {
    await mkdir(join(root, `day-${folder}`), { recursive: true });
    await Promise.all(
      Array.from({ length: ARTICLES / 100 }, (_, i) => {
        const path = `day-${folder}/story-${i}.txt`;
        paths.push(path);
        return writeFile(join(root, path), Array.from({ length: PARAGRAPHS }, (_, p) => `Paragraph ${p} of ${path}.`).join('\n\n'));
      }),
    );
  }
  return paths;
}

async function writeLayers(root: string): Promise<string[]> {
  const { assignments } = await readAssignments(root);
  const files: string[] = [];
  const start = Date.parse('2026-12-01T08:00:00Z');
  for (const [annotator, items] of Object.entries(assignments)) {
    let clock = start;
    await Promise.all(
      items.map(async (item) => {
        const paragraphs = Object.fromEntries(Array.from({ length: PARAGRAPHS }, (_, p) => [`p${String(p).padStart(11, '0')}`, { index: p, labels: p % 3 ? ['claim'] : [], updated_at: new Date((clock += 20_000)).toISOString() }]));
        const file = annotationFilePath(root, annotator, item.article);
        files.push(file);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, JSON.stringify({ version: 1, article: item.article, annotator, updated_at: new Date(clock).toISOString(), status: 'done', paragraphs }));
      }),
    );
  }
  return files;
}

async function bareScan(root: string): Promise<number> {
  return (await readdir(root, { recursive: true })).length;
}

/** Prints the process's CPU time when it ends; loaded before the script it measures (node --import). */
const CPU_REPORTER = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });`;
/** The bare baseline as a process: recursive readdir of the workspace, readFile + JSON.parse of the label files (listed in a file). */
const BARE_READ = `import { readdir, readFile } from 'node:fs/promises';
const [root, list] = process.argv.slice(2);
await readdir(root, { recursive: true });
const files = JSON.parse(await readFile(list, 'utf8'));
await Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8'))));`;
const CLI_ENTRY = `const { main } = await import(process.env.PILCROW_BENCH_CLI); await main();`;

/** Wall and CPU milliseconds of `node script args…`, its output discarded. */
function nodeProcess(script: string, args: string[], env: Record<string, string>, reporter: string): Promise<{ wall: number; cpu: number }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', reporter, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = performance.now() - start;
      const cpu = Number(/cpu-ms ([\d.]+)/.exec(err)?.[1]);
      if (code !== 0 || !Number.isFinite(cpu)) fail(new Error(`${script} ${args.join(' ')} failed (${code}): ${err}`));
      else done({ wall, cpu });
    });
  });
}

/** `pilcrow progress` run as the built CLI in a process of its own, first and later calls, against the bare read as a process. */
async function processRuns(ctx: BenchContext, root: string, layerFiles: string[]): Promise<Figure[]> {
  const built = resolve(import.meta.dirname, '../../..', process.env.PILCROW_OUT ?? 'out', 'main', 'cli.js');
  if (!existsSync(built)) return [timeFigure('team: pilcrow progress as a process', [], null, {}, { note: `skipped: no built CLI at ${built} (npm run build)` })];
  const dir = await mkdtemp(join(ctx.scratch, 'team-process-'));
  const [reporter, bare, entry, list] = ['cpu.mjs', 'bare.mjs', 'cli.mjs', 'files.json'].map((n) => join(dir, n)) as [string, string, string, string];
  await Promise.all([writeFile(reporter, CPU_REPORTER), writeFile(bare, BARE_READ), writeFile(entry, CLI_ENTRY), writeFile(list, JSON.stringify(layerFiles))]);
  const env = { PILCROW_BENCH_CLI: pathToFileURL(built).href };
  const runs = ctx.runs({ small: 3, full: 5 });
  const kept = join(dir, 'user-kept');
  const first: { wall: number; cpu: number }[] = [];
  const later: { wall: number; cpu: number }[] = [];
  const baseline: { wall: number; cpu: number }[] = [];
  const reporterUrl = pathToFileURL(reporter).href;
  await nodeProcess(entry, ['progress', root, '--user-data', kept, '--json'], env, reporterUrl);
  for (let i = 0; i < runs; i++) {
    first.push(await nodeProcess(entry, ['progress', root, '--user-data', await mkdtemp(join(dir, 'user-')), '--json'], env, reporterUrl));
    later.push(await nodeProcess(entry, ['progress', root, '--user-data', kept, '--json'], env, reporterUrl));
    baseline.push(await nodeProcess(bare, [root, list], env, reporterUrl));
  }
  const wall = (xs: { wall: number }[]) => xs.map((x) => x.wall);
  const cpu = (xs: { cpu: number }[]) => xs.map((x) => x.cpu);
  const note = 'node running the built CLI (start-up and module load included); baseline: a node process doing the bare read';
  return [
    timeFigure('team: pilcrow progress as a process, first call', wall(first), wall(baseline), { ms: 1000 }, { note }),
    timeFigure('team: pilcrow progress as a process, first call, CPU', cpu(first), cpu(baseline), {}, { note: 'CPU time of the process, report only' }),
    timeFigure('team: pilcrow progress as a process, later calls', wall(later), wall(baseline), { ms: 1000 }, { note }),
    timeFigure('team: pilcrow progress as a process, later calls, CPU', cpu(later), cpu(baseline), {}, { note: 'CPU time of the process, report only' }),
  ];
}

export const team: Scenario = {
  id: 'team',
  title: 'team: assign 10,000 articles to 20 annotators; progress over their label files',
  async run(ctx) {
    const root = join(ctx.scratch, 'team-workspace');
    const paths = await makeWorkspace(root);
    const assignArgs = ['assign', root, '--annotators', ANNOTATORS.join(','), '--overlap', '20%', '--per-article', '2', '--json'];
    let seed = 0;
    const plan = planAssignment(paths, {}, { annotators: ANNOTATORS, perArticle: 2, overlap: 0.2, seed: 1, onlyUnassigned: false });
    const planBytes = ANNOTATORS.map((a) => assignmentFileText(a, plan[a]!));
    const bareDir = join(ctx.scratch, 'team-bare');
    await mkdir(bareDir, { recursive: true });
    const assign = await compareCpu(
      ctx.runs({ small: 3, full: 5 }),
      // A new seed each run, so every run writes all 20 files.
      async () => void (await cli(...assignArgs, '--seed', String(++seed))),
      async () => {
        await bareScan(root);
        await Promise.all(planBytes.map((text, i) => writeFile(join(bareDir, `${i}.jsonl`), text)));
      },
    );
    const opens: number[] = [];
    let opened: Workspace | null = null;
    for (let i = 0; i < ctx.runs({ small: 3, full: 5 }); i++) {
      const start = performance.now();
      opened = await Workspace.open(root, () => {}, { stateDir: join(ctx.scratch, 'team-state') });
      opens.push(performance.now() - start);
    }
    const planOnly = await compare(
      ctx.runs({ small: 5, full: 10 }),
      async () => void planAssignment(paths, {}, { annotators: ANNOTATORS, perArticle: 2, overlap: 0.2, seed: 2, onlyUnassigned: false }),
      async () => void shuffle([...paths].sort().map((_, i) => i), seededRandom(2)),
    );
    const layerFiles = await writeLayers(root);
    let report = '';
    const bareRead = async () => {
      await bareScan(root);
      await Promise.all(layerFiles.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as unknown));
    };
    // First calls: each in user data of its own, so every label file is read.
    const progress = await compareCpu(
      ctx.runs({ small: 3, full: 5 }),
      async () => void (report = await cli('progress', root, '--user-data', await mkdtemp(join(ctx.scratch, 'team-user-')), '--json')),
      bareRead,
    );
    const kept = join(ctx.scratch, 'team-user-kept');
    await cli('progress', root, '--user-data', kept, '--json');
    const later = await compareCpu(ctx.runs({ small: 3, full: 5 }), async () => void (await cli('progress', root, '--user-data', kept, '--json')), bareRead);
    // One teammate's file rewritten (a pull) before each call: its bytes alternate, so it always changes.
    const changing = layerFiles[0]!;
    const original = await readFile(changing, 'utf8');
    let turn = 0;
    const afterChange = await compareCpu(
      ctx.runs({ small: 3, full: 5 }),
      async () => {
        await writeFile(changing, ++turn % 2 ? original.replace('"status":"done"', '"status":"in_progress"') : original);
        await cli('progress', root, '--user-data', kept, '--json');
      },
      bareRead,
    );
    const workspace = opened as Workspace;
    const progressOnly = await compare(
      ctx.runs({ small: 3, full: 5 }),
      async () => void (await workspaceProgress(workspace, new LayerReader(root), ['claim'])),
      async () => void (await Promise.all(layerFiles.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as unknown))),
    );
    // The command as an editor runs it: a process of its own (start-up and loading the built CLI included).
    const processes = await processRuns(ctx, root, layerFiles);
    const shared = (JSON.parse(report) as { overlap: { paragraphs: number } }).overlap.paragraphs;
    ctx.log(`  ${paths.length} articles, ${ANNOTATORS.length} annotators, ${layerFiles.length} label files; ${shared} paragraphs labelled by two`);
    const cpuNote = 'CPU time of this process (user + system, threads included), report only';
    return [
      timeFigure(`team: pilcrow assign, ${ARTICLES} articles to ${ANNOTATORS.length} annotators, 20% overlap`, assign.measured, assign.baseline, { ms: 1000 }, { note: 'baseline: recursive readdir of the workspace + writeFile of the same 20 files' }),
      timeFigure('team: pilcrow assign, CPU', assign.measuredCpu, assign.baselineCpu, {}, { note: cpuNote }),
      timeFigure(`team: pilcrow progress, first call, ${layerFiles.length} label files of ${ANNOTATORS.length} annotators`, progress.measured, progress.baseline, { ms: 1000 }, { note: 'empty user data; baseline: recursive readdir + readFile and JSON.parse of the same label files' }),
      timeFigure('team: pilcrow progress, first call, CPU', progress.measuredCpu, progress.baselineCpu, {}, { note: cpuNote }),
      timeFigure('team: pilcrow progress, later calls (nothing changed)', later.measured, later.baseline, { ms: 1000 }, { note: 'summaries kept in user data; same baseline' }),
      timeFigure('team: pilcrow progress, later calls, CPU', later.measuredCpu, later.baselineCpu, {}, { note: cpuNote }),
      timeFigure('team: pilcrow progress, after one teammate file changed', afterChange.measured, afterChange.baseline, { ms: 1000 }, { note: 'one label file rewritten before each call; same baseline' }),
      timeFigure('team: pilcrow progress, after one teammate file changed, CPU', afterChange.measuredCpu, afterChange.baselineCpu, {}, { note: cpuNote }),
      ...processes,
      timeFigure(`team: of which opening the workspace (${ARTICLES} articles scanned)`, opens, null, {}, { note: 'Workspace.open, as every command makes it' }),
      timeFigure('team: of which the plan (planAssignment)', planOnly.measured, planOnly.baseline, {}, { note: 'baseline: sort + seeded shuffle of the same paths' }),
      timeFigure('team: of which progress on an open workspace (workspaceProgress)', progressOnly.measured, progressOnly.baseline, {}, { note: 'baseline: readFile + JSON.parse of the same label files' }),
    ];
  },
};
