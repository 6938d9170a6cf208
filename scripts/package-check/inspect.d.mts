import type { AsarView } from './asar-view.mjs';
export const TOP_LEVEL: string[];
export const UNPACKED_FILES: string[];
export function inspectPackage(options: { view: AsarView; projectDir: string; budgetBytes: number }): { problems: string[]; facts: Record<string, unknown> };
export function mb(bytes: number): string;
