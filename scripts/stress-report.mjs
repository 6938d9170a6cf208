// What `npm run test:e2e:stress` reports, read from Playwright's JSON reporter output: per run,
// how many tests passed, failed, were flaky (passed only on a retry) or skipped, and which specs
// failed or needed a retry; and the section of docs/testing.md that records the last stress run.

const FAILED = new Set(['failed', 'timedOut', 'interrupted']);

/** Every test of a Playwright JSON report, with the file and line of its spec. */
function testsOf(report) {
  const out = [];
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) out.push({ file: spec.file ?? file, line: spec.line, title: spec.title, project: test.projectName, test });
    }
    for (const child of suite.suites ?? []) walk(child, child.file ?? file);
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file);
  return out;
}

/**
 * One run's summary. A test "needed a retry" when it has more than one result (whatever its final
 * outcome); it failed when its last result did not pass or skip. Errors outside any test (a
 * global setup that threw, a spec file that did not load) count as failures too.
 */
export function summarizeRun(report) {
  const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  const problems = [];
  for (const { file, line, title, project, test } of testsOf(report)) {
    const results = test.results ?? [];
    const last = results.at(-1);
    const retried = results.length > 1;
    const failed = !last || FAILED.has(last.status) || test.status === 'unexpected';
    if (failed) counts.failed++;
    else if (last.status === 'skipped') counts.skipped++;
    else if (retried || test.status === 'flaky') counts.flaky++;
    else counts.passed++;
    if (failed || retried || test.status === 'flaky') {
      const error = results.flatMap((r) => r.errors ?? (r.error ? [r.error] : [])).map((e) => e.message ?? String(e))[0] ?? '';
      problems.push({ spec: `${file}:${line} › ${title}`, project, outcome: failed ? (last?.status ?? 'did not run') : 'flaky', attempts: results.length, error: firstLine(error) });
    }
  }
  const outside = (report.errors ?? []).map((e) => firstLine(e.message ?? String(e)));
  for (const error of outside) problems.push({ spec: '(outside any test)', project: '', outcome: 'error', attempts: 0, error });
  return { ...counts, errors: outside.length, durationMs: Math.round(report.stats?.duration ?? 0), problems };
}

/** True when the run had no failure, no retry and no error outside the tests. */
export function runPassed(summary) {
  return summary.failed === 0 && summary.flaky === 0 && summary.errors === 0;
}

function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- terminal colour codes in Playwright's messages
  return String(text).replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

export function formatDuration(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * The text `--record` puts between the markers of docs/testing.md: when, on what machine, and
 * each run's counts, duration and load.
 */
export function recordSection({ startedAt, cores, hogs, runs }) {
  const rows = runs.map((r, i) => `| ${i + 1} | ${runPassed(r) ? 'pass' : 'FAIL'} | ${r.passed} | ${r.failed} | ${r.flaky} | ${r.skipped} | ${formatDuration(r.durationMs)} | ${r.load.before.toFixed(1)} / ${r.load.mean.toFixed(1)} / ${r.load.max.toFixed(1)} |`);
  const problems = runs.flatMap((r, i) => r.problems.map((p) => `- run ${i + 1}: ${p.outcome}: ${p.spec}${p.error ? ` (${p.error})` : ''}`));
  return [
    `Last run: ${startedAt.slice(0, 16).replace('T', ' ')} UTC, ${cores} cores, ${hogs} CPU hogs, ${runs.length} runs, ${runs.every(runPassed) ? 'all passed' : 'FAILED'}.`,
    '',
    '| run | result | passed | failed | flaky | skipped | duration | load: before / mean / max |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    ...(problems.length ? ['', ...problems] : []),
  ].join('\n');
}

export const RECORD_START = '<!-- e2e-stress:start -->';
export const RECORD_END = '<!-- e2e-stress:end -->';

/** `doc` with the text between the markers replaced by `section`; throws when a marker is missing. */
export function replaceRecord(doc, section) {
  const start = doc.indexOf(RECORD_START);
  const end = doc.indexOf(RECORD_END);
  if (start < 0 || end < start) throw new Error(`the markers ${RECORD_START} and ${RECORD_END} are missing`);
  return `${doc.slice(0, start + RECORD_START.length)}\n${section}\n${doc.slice(end)}`;
}
