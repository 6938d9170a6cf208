/**
 * 7. Peak memory during scenarios 1–4: RSS of this process (which hosts the main-process
 * handlers, as Electron's main process would, plus the bench itself) and the used JS heap of the
 * app's renderer (CDP Performance.getMetrics, sampled every 100 ms while 2–3 ran). The issue
 * sets no number for these: they are reported so runs can be compared.
 */
import { memoryFigure } from '../stats';
import type { Scenario } from '../types';

export const memoryPeaks: Scenario = {
  id: 'memory',
  title: 'peak memory during 1–4',
  async run(ctx) {
    await ctx.memory.stopNode();
    await ctx.memory.stopRenderer();
    const { nodePeakMb, nodeStartMb, rendererPeakMb } = ctx.memory;
    return [
      memoryFigure('main process (this Node) peak RSS during 1–4', nodePeakMb, nodeStartMb, {}, 'baseline: RSS before scenario 1'),
      memoryFigure('renderer peak used JS heap during 2–3', rendererPeakMb, null, {}),
    ];
  },
};
