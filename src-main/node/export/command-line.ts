/** The `pilcrow export` command that makes an export with these choices (for the dataset card). */
import type { ExportOptions } from '../../shared/contract/export';
import { GOLD_ANNOTATOR } from '../../shared/labels';

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/u.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function exportCommandLine(workspace: string, options: ExportOptions, out: string): string {
  const args = ['pilcrow', 'export', workspace, '--format', options.format, '--out', out];
  for (const layer of options.layers) args.push(...(layer === GOLD_ANNOTATOR ? ['--gold'] : ['--annotator', layer]));
  if (options.resolve.length) args.push('--resolve', options.resolve.join(','));
  if (options.doneOnly) args.push('--done-only');
  if (options.labels.length) args.push('--labels', options.labels.join(','));
  if (options.includeUntouched) args.push('--include-untouched');
  if (options.split) args.push('--split', options.split.ratios.join(','), '--seed', String(options.split.seed));
  if (options.split && options.allowEmptySplits) args.push('--allow-empty-split');
  if (options.reproducible) args.push('--reproducible');
  if (options.csvRaw) args.push('--csv-raw');
  return args.map(quote).join(' ');
}
