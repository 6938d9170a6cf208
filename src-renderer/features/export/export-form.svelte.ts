/** The export dialog's choices, turned into the `export.run` request (docs/export.md). */
import type { ExportFormat, ExportLayerInfo, ExportOptions } from '../../../src-main/shared/contract/export';

export const RESOLUTIONS = { none: [], goldMajority: ['gold', 'majority'], all: ['gold', 'majority', 'single'] } as const;
export type Resolution = keyof typeof RESOLUTIONS;
/** Why the export cannot start (the dialog says it beside the disabled button). */
export type ExportProblem = 'layers' | 'labels' | 'split' | 'seed';

export class ExportForm {
  format = $state<ExportFormat>('json');
  layers = $state<ExportLayerInfo[]>([]);
  /** Unchecked layers; all checked = every layer, including ones that appear later. */
  excluded = $state<string[]>([]);
  resolution = $state<Resolution>('none');
  doneOnly = $state(false);
  excludedLabels = $state<string[]>([]);
  includeUntouched = $state(false);
  split = $state(false);
  ratios = $state<[number, number, number]>([80, 10, 10]);
  seed = $state(1);

  /** The workspace's label names, read when needed (the schema may change while the dialog is open). */
  constructor(private readonly labelNames: () => string[]) {}

  get labels(): string[] {
    return this.labelNames();
  }

  toggle(list: 'excluded' | 'excludedLabels', name: string): void {
    const current = this[list];
    this[list] = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
  }

  /** A reason the export cannot start, or null. */
  get problem(): ExportProblem | null {
    if (this.layers.length && this.excluded.length === this.layers.length) return 'layers';
    if (this.excludedLabels.length === this.labels.length) return 'labels';
    if (this.split && !(this.ratios.every((r) => Number.isFinite(r) && r >= 0) && this.ratios.some((r) => r > 0))) return 'split';
    if (this.split && !(Number.isInteger(this.seed) && this.seed >= 0)) return 'seed';
    return null;
  }

  /** `allowEmptySplits`: the editor was warned that a split gets no article and exports anyway. */
  toOptions(allowEmptySplits = false): ExportOptions {
    const layers = this.excluded.length ? this.layers.map((l) => l.name).filter((n) => !this.excluded.includes(n)) : [];
    const labels = this.excludedLabels.length ? this.labels.filter((l) => !this.excludedLabels.includes(l)) : [];
    return {
      format: this.format,
      layers,
      resolve: [...RESOLUTIONS[this.resolution]],
      doneOnly: this.doneOnly,
      labels,
      includeUntouched: this.includeUntouched,
      split: this.split ? { ratios: [this.ratios[0], this.ratios[1], this.ratios[2]], seed: this.seed } : null,
      allowEmptySplits: this.split && allowEmptySplits,
      reproducible: false,
      csvRaw: false,
    };
  }
}
