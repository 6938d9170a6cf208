/**
 * 4. Export every decision as JSON and as JSONL through the `export.run` handler (the app's
 * streaming exporter, what the Export dialog runs), against JSON.stringify + writeFile of the
 * same data as one in-memory document (`buildExportDocument`). Times: warm runs in this
 * process, articles cached as in the app once the list has loaded. RSS growth (peak during the
 * export minus RSS before it): one export in a fresh child process per side — in this process
 * earlier runs leave freed pages committed, and a later export reuses them unseen.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dispatch } from '../../../src-main/node/app/dispatch';
import { buildExportDocument, type ExportDocument } from '../../support/export-document';
import type { LoadedWorkspace } from '../shared-data';
import { memoryFigure, timeFigure } from '../stats';
import type { Figure, Scenario } from '../types';

const CHILD = join(import.meta.dirname, '..', 'child', 'export-rss.ts');
export type ExportMode = 'json' | 'jsonl' | 'parquet' | 'bare';

/** One export in a fresh process: its RSS growth and its time (see child/export-rss.ts). */
export async function inChild(root: string, mode: ExportMode, file: string): Promise<{ growth_mb: number; ms: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, CHILD, root, mode, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { growth_mb: number; ms: number };
}

/** One export the way the app runs it; returns the record count. */
export async function exportViaHandler(loaded: LoadedWorkspace, format: 'json' | 'jsonl' | 'parquet', file: string): Promise<number> {
  loaded.saveTo.file = file;
  const envelope = await dispatch(loaded.table, 'export.run', { format });
  if (!envelope.ok) throw new Error(`export.run failed: ${envelope.error.message}`);
  return (envelope.result as { records: number }).records;
}

export const exportJson: Scenario = {
  id: 'export',
  title: 'export every decision as JSON and JSONL',
  async run(ctx) {
    const loaded = await ctx.loaded();
    const runs = ctx.runs({ small: 1, full: 2 });
    // The quick check skips the warm-up run: an export at full scale takes a minute or more.
    const warmUps = ctx.scale === 'full' ? 1 : 0;
    const timeRuns = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < runs + warmUps; i++) {
        const start = performance.now();
        await work();
        if (i >= warmUps) times.push(performance.now() - start);
      }
      return times;
    };
    let records = 0;
    const app = { json: [] as number[], jsonl: [] as number[] };
    for (const format of ['json', 'jsonl'] as const) {
      const file = join(ctx.scratch, `export.${format}`);
      app[format] = await timeRuns(async () => (records = await exportViaHandler(loaded, format, file)));
    }
    // The bare side gets the finished document for free: it only serialises and writes. At full
    // scale that document holds ~1.6 GB, so it is built in a child process: scenario 7's peak
    // of this process must stay the app's, not the baseline's.
    const bareFile = join(ctx.scratch, 'bare.json');
    let bare: number[];
    let bareGrowth: number | null = null;
    if (ctx.scale === 'full') {
      const child = await inChild(ctx.workspace.root, 'bare', bareFile);
      bare = [child.ms];
      bareGrowth = child.growth_mb;
    } else {
      let doc: ExportDocument | null = await buildExportDocument(loaded.workspace, loaded.reader, { version: 'bench', labels: loaded.session.labels });
      bare = await timeRuns(() => writeFile(bareFile, JSON.stringify(doc)));
      doc = null;
    }
    const note = 'baseline: JSON.stringify + writeFile of the same data as one document';
    const figures: Figure[] = (['json', 'jsonl'] as const).map((f) => timeFigure(`export ${f.toUpperCase()} (${records} records)`, app[f], bare, { ratio: 2 }, { note }));
    // The memory target is about 300k paragraphs; the quick check skips the child
    // processes (a workspace load each) to stay under a minute.
    if (ctx.scale === 'small') return figures;
    ctx.log(`  ${records} records; measuring RSS growth in child processes…`);
    for (const format of ['json', 'jsonl'] as const) {
      const { growth_mb } = await inChild(ctx.workspace.root, format, join(ctx.scratch, `export.${format}`));
      figures.push(memoryFigure(`export ${format.toUpperCase()}: RSS growth`, growth_mb, bareGrowth, { mb: 64 }, 'one export in a fresh process after the list loaded; baseline: the bare stringify + write'));
    }
    return figures;
  },
};
