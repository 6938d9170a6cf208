// `npm run test:e2e:stress [-- --runs N] [--max-minutes M] [--no-build] [--record] [-- <playwright args>]`
//
// Runs the whole e2e suite N times in a row (default 3) while one CPU hog per core keeps the
// machine busy, then reports each run's counts and duration and every spec that failed or needed
// a retry. It exits non-zero if any run had a failure, a retry or an error outside the tests.
// A timing-dependent spec (one that assumes a background event arrives within so many ms) fails
// here long before it fails in CI; see docs/testing.md.
//
// - The suite runs as CI runs it (CI=1: two workers, no retries) on a fresh build of the current
//   source in stress-results/out (so no build swaps files under an e2e run using out/);
//   --no-build uses out/, or PILCROW_OUT, as it is.
// - The hogs are busy loops in child processes started here; they are stopped when the runs end,
//   fail, or are interrupted (Ctrl-C), and each stops by itself after --max-minutes (default 120)
//   or when this script is gone, so none outlives it.
// - Each run's Playwright JSON report is kept in stress-results/run-N.json; --record writes the
//   summary into docs/testing.md, between its e2e-stress markers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHogs } from './cpu-hogs.mjs';
import { formatDuration, recordSection, replaceRecord, runPassed, summarizeRun } from './stress-report.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'stress-results');
const DOC = join(ROOT, 'docs', 'testing.md');
const BUILD_OUT = 'stress-results/out';
const PLAYWRIGHT = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

function parseArgs(argv) {
  const options = { runs: 3, maxMinutes: 120, build: true, record: false, playwright: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${arg} needs a whole number of at least 1`);
      return v;
    };
    if (arg === '--runs') options.runs = value();
    else if (arg === '--max-minutes') options.maxMinutes = value();
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--record') options.record = true;
    else if (arg === '--') options.playwright = argv.slice(i + 1);
    else throw new Error(`unknown option ${arg}; use --runs N, --max-minutes M, --no-build, --record, and -- before Playwright's own arguments`);
    if (arg === '--') break;
  }
  return options;
}

/** The 1-minute load average every 5 s while a run lasts. */
function sampleLoad() {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 5000);
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0]);
    return { before: samples[0], mean: samples.reduce((a, b) => a + b, 0) / samples.length, max: Math.max(...samples) };
  };
}

let playwright = null;
let interrupted = false;

function runSuite(index, extraArgs) {
  const json = join(RESULTS, `run-${index}.json`);
  rmSync(json, { force: true });
  const env = { ...process.env, CI: process.env.CI ?? '1', PLAYWRIGHT_JSON_OUTPUT_NAME: json };
  return new Promise((resolve) => {
    // Its own process group: a Ctrl-C in the terminal reaches this script only, which then
    // stops Playwright with one SIGINT (a second one makes it quit without cleaning up).
    const child = spawn(process.execPath, [PLAYWRIGHT, 'test', '--reporter=list,json', ...extraArgs], { cwd: ROOT, env, stdio: 'inherit', detached: true });
    playwright = child;
    child.once('exit', (code, signal) => {
      playwright = null;
      try {
        process.kill(-child.pid, 'SIGKILL'); // anything of its group still running (a stuck worker)
      } catch {
        // The group is gone already: the usual case.
      }
      let report = null;
      try {
        report = JSON.parse(readFileSync(json, 'utf8'));
      } catch {
        // No report: Playwright could not start, or was stopped.
      }
      resolve({ code, signal, report });
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    console.log(`e2e-stress: building the app into ${BUILD_OUT}…`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env: { ...process.env, PILCROW_OUT: BUILD_OUT }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('the build failed');
    process.env.PILCROW_OUT = BUILD_OUT;
  }
  mkdirSync(RESULTS, { recursive: true });
  const cores = availableParallelism();
  const hogs = startHogs(cores, options.maxMinutes * 60_000);
  const stopOnExit = () => hogs.stopNow();
  process.on('exit', stopOnExit);
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\ne2e-stress: ${signal}: stopping the hogs${playwright ? ' and the test run' : ''}…`);
    hogs.stopNow();
    playwright?.kill('SIGINT');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  console.log(`e2e-stress: ${options.runs} runs of the e2e suite, ${cores} CPU hogs (pids ${hogs.pids.join(', ')}), each stopping by itself after ${options.maxMinutes} min at most.`);
  const startedAt = new Date().toISOString();
  const runs = [];
  try {
    for (let i = 1; i <= options.runs && !interrupted; i++) {
      console.log(`\ne2e-stress: run ${i} of ${options.runs} (load ${loadavg()[0].toFixed(1)})`);
      const load = sampleLoad();
      const { code, signal, report } = await runSuite(i, options.playwright);
      const summary = report ? summarizeRun(report) : { passed: 0, failed: 0, flaky: 0, skipped: 0, errors: 1, durationMs: 0, problems: [{ spec: '(the run)', project: '', outcome: 'error', attempts: 0, error: `Playwright exited with ${signal ?? `code ${code}`} and wrote no JSON report` }] };
      if (report && code !== 0 && runPassed(summary)) {
        summary.errors++;
        summary.problems.push({ spec: '(the run)', project: '', outcome: 'error', attempts: 0, error: `Playwright exited with code ${code} although every test passed` });
      }
      runs.push({ ...summary, load: load() });
    }
  } finally {
    await hogs.stop();
    process.off('exit', stopOnExit);
  }
  printSummary(runs, cores);
  if (options.record && !interrupted) {
    writeFileSync(DOC, replaceRecord(readFileSync(DOC, 'utf8'), recordSection({ startedAt, cores, hogs: cores, runs })));
    console.log(`e2e-stress: recorded in ${DOC}`);
  }
  if (interrupted) process.exit(130);
  process.exit(runs.length === options.runs && runs.every(runPassed) ? 0 : 1);
}

function printSummary(runs, cores) {
  console.log(`\ne2e-stress: ${runs.length} run(s) with ${cores} CPU hogs on ${cores} cores`);
  runs.forEach((r, i) => {
    console.log(`  run ${i + 1}: ${runPassed(r) ? 'PASS' : 'FAIL'}  ${r.passed} passed, ${r.failed} failed, ${r.flaky} flaky, ${r.skipped} skipped in ${formatDuration(r.durationMs)}; load ${r.load.before.toFixed(1)} before, ${r.load.mean.toFixed(1)} mean, ${r.load.max.toFixed(1)} max`);
    for (const p of r.problems) console.log(`    ${p.outcome}${p.attempts > 1 ? ` after ${p.attempts} attempts` : ''}: ${p.spec}${p.project ? ` [${p.project}]` : ''}${p.error ? `\n      ${p.error}` : ''}`);
  });
}

main().catch((error) => {
  console.error(`e2e-stress: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
