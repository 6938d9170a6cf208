import type { AsarView } from './asar-view.mjs';
export interface WiringRun {
  errors: string[];
  printed: string[];
  probes: unknown;
  record: unknown;
  paths: Record<string, string>;
}
export const SECURE_PREFERENCES: Record<string, boolean>;
export function runWiring(options: { extractedDir: string; asarPath: string; version: string; workDir: string; args?: string[]; timeoutMs?: number }): WiringRun;
export function checkWiring(run: WiringRun, expected: { view: AsarView; extractedDir: string; version: string }): [boolean, string][];
export function checkVersionRun(run: WiringRun, version: string): [boolean, string][];
