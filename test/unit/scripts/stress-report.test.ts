/** What `npm run test:e2e:stress` reads from Playwright's JSON reporter and writes to docs/testing.md. */
import { describe, expect, it } from 'vitest';
import { recordSection, replaceRecord, runPassed, summarizeRun, RECORD_END, RECORD_START } from '../../../scripts/stress-report.mjs';

type Result = { status: string; duration: number; errors: { message: string }[] };
const result = (status: string, message?: string): Result => ({ status, duration: 1000, errors: message ? [{ message }] : [] });
const spec = (title: string, line: number, status: string, results: Result[]) => ({ title, file: 'read-only.spec.ts', line, tests: [{ projectName: 'chromium', status, results }] });

/** A report shaped as Playwright 1.65's JSON reporter writes it: suites per file, nested describes. */
function report(specs: ReturnType<typeof spec>[], errors: { message: string }[] = []) {
  return { config: {}, suites: [{ title: 'read-only.spec.ts', file: 'read-only.spec.ts', specs: specs.slice(0, 1), suites: [{ title: 'group', file: 'read-only.spec.ts', specs: specs.slice(1) }] }], errors, stats: { duration: 125_400 } };
}

describe('the stress report', () => {
  it('counts passed, failed, flaky and skipped tests and names each spec that failed or needed a retry', () => {
    const summary = summarizeRun(
      report([
        spec('passes', 10, 'expected', [result('passed')]),
        spec('times out', 20, 'unexpected', [result('timedOut', '\u001b[31mTest timeout of 180000ms exceeded.\u001b[39m\n\nmore')]),
        spec('passes on a retry', 30, 'flaky', [result('failed', 'Error: expect(locator).toHaveCount(expected) failed'), result('passed')]),
        spec('skipped', 40, 'skipped', [result('skipped')]),
        spec('never ran', 50, 'unexpected', []),
      ]),
    );
    expect(summary).toMatchObject({ passed: 1, failed: 2, flaky: 1, skipped: 1, errors: 0, durationMs: 125_400 });
    expect(summary.problems).toEqual([
      { spec: 'read-only.spec.ts:20 › times out', project: 'chromium', outcome: 'timedOut', attempts: 1, error: 'Test timeout of 180000ms exceeded.' },
      { spec: 'read-only.spec.ts:30 › passes on a retry', project: 'chromium', outcome: 'flaky', attempts: 2, error: 'Error: expect(locator).toHaveCount(expected) failed' },
      { spec: 'read-only.spec.ts:50 › never ran', project: 'chromium', outcome: 'did not run', attempts: 0, error: '' },
    ]);
    expect(runPassed(summary)).toBe(false);
  });

  it('a run passes only without failures, retries or errors outside the tests', () => {
    expect(runPassed(summarizeRun(report([spec('passes', 10, 'expected', [result('passed')])])))).toBe(true);
    const broken = summarizeRun(report([spec('passes', 10, 'expected', [result('passed')])], [{ message: 'Error: e2e needs the built app: run `npm run build` first' }]));
    expect(broken.errors).toBe(1);
    expect(broken.problems).toEqual([{ spec: '(outside any test)', project: '', outcome: 'error', attempts: 0, error: 'Error: e2e needs the built app: run `npm run build` first' }]);
    expect(runPassed(broken)).toBe(false);
  });

  it('records the runs between the markers of docs/testing.md and leaves the rest of the page alone', () => {
    const run = { ...summarizeRun(report([spec('passes', 10, 'expected', [result('passed')])])), load: { before: 20.04, mean: 24.5, max: 31 } };
    const section = recordSection({ startedAt: '2026-12-05T09:41:07.000Z', cores: 2, hogs: 2, runs: [run, run] });
    expect(section).toContain('Last run: 2026-12-05 09:41 UTC, 2 cores, 2 CPU hogs, 2 runs, all passed.');
    expect(section).toContain('| 2 | pass | 1 | 0 | 0 | 0 | 2 min 05 s | 20.0 / 24.5 / 31.0 |');
    const doc = `# Testing\n\nbefore\n${RECORD_START}\nold\n${RECORD_END}\nafter\n`;
    expect(replaceRecord(doc, section)).toBe(`# Testing\n\nbefore\n${RECORD_START}\n${section}\n${RECORD_END}\nafter\n`);
    expect(() => replaceRecord('# Testing\n', section)).toThrow(/markers/);
  });
});
