/**
 * 4b. Export every decision as Parquet (issue 16) through the `export.run` handler, against the
 * JSONL export of the same records by the same handler: Parquet may take at most 1.5× JSONL's
 * time, and grow RSS no more than JSONL does (the writer keeps one row group, not the dataset).
 * RSS growth is measured as in scenario 4: one export per side in a fresh child process.
 */
import { join } from 'node:path';
import { memoryFigure, timeFigure } from '../stats';
import type { Figure, Scenario } from '../types';
import { exportViaHandler, inChild } from './export-json';

export const exportParquet: Scenario = {
  id: 'export-parquet',
  title: 'export every decision as Parquet, against JSONL',
  async run(ctx) {
    const loaded = await ctx.loaded();
    const runs = ctx.runs({ small: 3, full: 2 });
    const times = { parquet: [] as number[], jsonl: [] as number[] };
    let records = 0;
    // Alternated, after one warm-up of each: neither side gets the warmer caches.
    for (let i = 0; i <= runs; i++) {
      for (const format of ['jsonl', 'parquet'] as const) {
        const start = performance.now();
        records = await exportViaHandler(loaded, format, join(ctx.scratch, `export-p.${format}`));
        if (i > 0) times[format].push(performance.now() - start);
      }
    }
    const figures: Figure[] = [timeFigure(`export Parquet (${records} records)`, times.parquet, times.jsonl, { ratio: 1.5 }, { note: 'baseline: the JSONL export of the same records, same handler' })];
    if (ctx.scale === 'small') return figures;
    ctx.log('  measuring Parquet and JSONL RSS growth in child processes…');
    const jsonl = await inChild(ctx.workspace.root, 'jsonl', join(ctx.scratch, 'export-p.jsonl'));
    const parquet = await inChild(ctx.workspace.root, 'parquet', join(ctx.scratch, 'export-p.parquet'));
    figures.push(memoryFigure('export Parquet: RSS growth', parquet.growth_mb, jsonl.growth_mb, { ratio: 1 }, 'one export in a fresh process after the list loaded; baseline: the JSONL export’s growth'));
    return figures;
  },
};
