/** The readable table and the JSON file a script can compare across runs. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Scale } from './generator/generate';
import type { Figure } from './types';

export interface Machine {
  cpu: string;
  cores: number;
  ram_gb: number;
  os: string;
  node: string;
  chromium: string | null;
  renderer: string;
  load_before: number;
  load_after: number;
}

export interface BenchResult {
  machine: Machine;
  scale: Scale;
  workspace: Record<string, number>;
  scenarios: Figure[];
}

const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '–' : `${n}${unit}`);

function cells(f: Figure): string[] {
  const memory = f.peak_mb !== undefined;
  const value = f.value !== undefined ? fmt(f.value) : memory ? fmt(f.peak_mb, ' MB') : `${fmt(f.median_ms)} / ${fmt(f.p95_ms)}`;
  const base = memory ? fmt(f.baseline_mb, ' MB') : fmt(f.baseline_ms);
  const met = f.met === null ? '–' : f.met ? 'yes' : 'NO';
  return [f.name, value, base, fmt(f.ratio, f.ratio === null ? '' : '×'), f.target, met];
}

const HEAD = ['figure', 'median / p95 ms (or peak)', 'baseline', 'ratio', 'target', 'met'];

export function table(figures: Figure[]): string {
  const rows = [HEAD, ...figures.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table as Markdown, for docs/performance.md. */
export function markdown(figures: Figure[]): string {
  const row = (r: string[]) => `| ${r.join(' | ')} |`;
  return [row(HEAD), row(HEAD.map(() => '---')), ...figures.map((f) => row(cells(f)))].join('\n');
}

export async function writeJson(file: string, result: BenchResult): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
}
