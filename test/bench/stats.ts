/** Timing helpers: samples, percentiles, and the target check every figure goes through. */
import type { Figure, Target } from './types';

export function quantile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: with few runs, p95 is the slowest run, never an interpolated value.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null;
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]) => quantile(samples, 0.95);

export const round = (n: number | null | undefined, digits = 1): number | null => (n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));

/** Milliseconds `work` took; a `work` that returns a number has timed itself (setup excluded). */
export async function timed(work: () => Promise<number | void>): Promise<number> {
  const start = performance.now();
  const own = await work();
  return typeof own === 'number' ? own : performance.now() - start;
}

/**
 * Runs `measured` and `baseline` alternately (after a warm-up each), so drift in the machine
 * (page cache, CPU boost, other load) hits both sides alike.
 */
export async function compare(runs: number, measured: () => Promise<number | void>, baseline: () => Promise<number | void>, warmUp = true): Promise<{ measured: number[]; baseline: number[] }> {
  if (warmUp) {
    await measured();
    await baseline();
  }
  const out = { measured: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.measured.push(await timed(measured));
    out.baseline.push(await timed(baseline));
  }
  return out;
}

/** compare, with the process's CPU time (user + system, threads included) of each run beside its wall time. */
export async function compareCpu(runs: number, measured: () => Promise<void>, baseline: () => Promise<void>): Promise<{ measured: number[]; baseline: number[]; measuredCpu: number[]; baselineCpu: number[] }> {
  const cpu: { measured: number[]; baseline: number[] } = { measured: [], baseline: [] };
  const withCpu = (work: () => Promise<void>, into: number[]) => async () => {
    const before = process.cpuUsage();
    await work();
    const used = process.cpuUsage(before);
    into.push((used.user + used.system) / 1000);
  };
  await measured();
  await baseline();
  const wall = await compare(runs, withCpu(measured, cpu.measured), withCpu(baseline, cpu.baseline), false);
  return { ...wall, measuredCpu: cpu.measured, baselineCpu: cpu.baseline };
}

export function targetText(target: Target): string {
  if (target.text) return target.text;
  if (target.ratio !== undefined) return `≤ ${target.ratio}× baseline`;
  if (target.ms !== undefined) return `≤ ${target.ms} ms`;
  if (target.mb !== undefined) return `≤ ${target.mb} MB`;
  return 'report only';
}

/** Whether a measured value meets its target; null when there is nothing to judge. */
export function judge(target: Target, value: { ratio?: number | null; ms?: number | null; mb?: number | null }): boolean | null {
  if (target.ratio !== undefined) return value.ratio == null ? null : value.ratio <= target.ratio;
  if (target.ms !== undefined) return value.ms == null ? null : value.ms <= target.ms;
  if (target.mb !== undefined) return value.mb == null ? null : value.mb <= target.mb;
  return null;
}

/** A time figure: median/p95 of `samples`, ratio of medians against `baseline`. */
export function timeFigure(name: string, samples: readonly number[], baseline: readonly number[] | number | null, target: Target, opts: { judgeOn?: 'median' | 'p95'; note?: string } = {}): Figure {
  const med = median(samples);
  const tail = p95(samples);
  const judgeOn = opts.judgeOn ?? 'median';
  const base = baseline === null ? null : typeof baseline === 'number' ? baseline : judgeOn === 'p95' ? p95(baseline) : median(baseline);
  const mine = judgeOn === 'p95' ? tail : med;
  const ratio = base && mine !== null ? mine / base : null;
  return {
    name,
    median_ms: round(med),
    p95_ms: round(tail),
    baseline_ms: round(base),
    ratio: round(ratio, 2),
    target: targetText(target),
    met: judge(target, { ratio, ms: mine }),
    ...(opts.note ? { note: opts.note } : {}),
  };
}

export function memoryFigure(name: string, peakMb: number | null, baselineMb: number | null, target: Target, note?: string): Figure {
  const ratio = peakMb !== null && baselineMb ? peakMb / baselineMb : null;
  return { name, peak_mb: round(peakMb), baseline_mb: round(baselineMb), ratio: round(ratio, 2), target: targetText(target), met: judge(target, { ratio, mb: peakMb }), ...(note ? { note } : {}) };
}
