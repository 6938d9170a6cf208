/** `pilcrow stats WORKSPACE [--json]`: counts per label, status and annotator. */
import { LayerReader } from '../../node/annotations/store';
import { workspaceStats, type WorkspaceStats } from '../../node/export/stats';
import { openWorkspaceForCli } from './export';

export const STATS_HELP = `pilcrow stats WORKSPACE [--json]
  Counts decisions per label, article status (done / in progress / untouched) and annotator.`;

export async function statsCommand(args: { workspace: string; json: boolean }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const { workspace, schema } = await openWorkspaceForCli(args.workspace, io);
  const reader = new LayerReader(workspace.root, workspace.onRecover);
  const stats = await workspaceStats(workspace, reader, schema.schema.labels.map((l) => l.name));
  for (const s of stats.skipped) io.err(`skipped ${s.reason}`);
  io.out(args.json ? JSON.stringify(stats, null, 2) : table(stats));
}

function table(stats: WorkspaceStats): string {
  const lines = [`${stats.workspace}: ${stats.articles} articles, ${stats.paragraphs} paragraphs${stats.skipped.length ? `, ${stats.skipped.length} unreadable` : ''}`];
  lines.push('', 'labels (all annotators):');
  for (const [label, n] of Object.entries(stats.labels)) lines.push(`  ${label.padEnd(16)} ${n}`);
  lines.push('', 'articles by status (one per annotator and article):');
  for (const [status, n] of Object.entries(stats.status)) lines.push(`  ${status.padEnd(16)} ${n}`);
  const names = Object.keys(stats.annotators);
  if (!names.length) lines.push('', 'no annotator has labelled anything yet');
  for (const name of names) {
    const a = stats.annotators[name]!;
    lines.push('', `${name}: articles done ${a.articles.done}, in progress ${a.articles.in_progress}, untouched ${a.articles.untouched}`);
    lines.push(`  paragraphs labelled ${a.paragraphs.labelled}, none ${a.paragraphs.none}, untouched ${a.paragraphs.untouched}; flagged ${a.flagged}, notes ${a.notes}`);
    lines.push(`  ${Object.entries(a.labels).map(([l, n]) => `${l} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}
