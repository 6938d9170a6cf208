export interface Problem {
  spec: string;
  project: string;
  outcome: string;
  attempts: number;
  error: string;
}
export interface RunSummary {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  errors: number;
  durationMs: number;
  problems: Problem[];
}
export interface RecordedRun extends RunSummary {
  load: { before: number; mean: number; max: number };
}
export function summarizeRun(report: unknown): RunSummary;
export function runPassed(summary: RunSummary): boolean;
export function formatDuration(ms: number): string;
export function recordSection(record: { startedAt: string; cores: number; hogs: number; runs: RecordedRun[] }): string;
export function replaceRecord(doc: string, section: string): string;
export const RECORD_START: string;
export const RECORD_END: string;
