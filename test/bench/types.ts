/** The contracts between the bench runner, its scenarios and its report. */
import type { GeneratedWorkspace, Scale } from './generator/generate';
import type { MemoryProbe } from './memory';
import type { LoadedWorkspace } from './shared-data';

/** A goal from issue 8. `ratio`: measured/baseline; `ms`/`mb`: absolute; none: reported only. */
export interface Target {
  ratio?: number;
  ms?: number;
  mb?: number;
  /** Said in the table when the goal cannot be a number (e.g. "0 keys lost"). */
  text?: string;
}

/** One row of the report; the JSON keeps exactly these keys (issue 8's shape). */
export interface Figure {
  name: string;
  median_ms?: number | null;
  p95_ms?: number | null;
  baseline_ms?: number | null;
  /** Memory figures use these in place of the `_ms` fields. */
  peak_mb?: number | null;
  baseline_mb?: number | null;
  /** Counts that are neither times nor memory (keys lost). */
  value?: number | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

export interface BenchContext {
  scale: Scale;
  workspace: GeneratedWorkspace;
  /** Scratch folder for this run (user data, export files, the UI workspace); removed at the end. */
  scratch: string;
  /** Run counts per scale: quick checks stay under a minute, full runs get tighter medians. */
  runs(counts: Record<Scale, number>): number;
  /** Articles and layers loaded once, shared by the CPU-only scenarios (export, agreement, search). */
  loaded(): Promise<LoadedWorkspace>;
  memory: MemoryProbe;
  /** Runs after every scenario, last registered first (closing shared pages, say). */
  defer(cleanup: () => Promise<void>): void;
  log(message: string): void;
}

export interface Scenario {
  /** Short stable id, for `--only`. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
