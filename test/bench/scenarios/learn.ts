/**
 * 9–11. The learned suggester (issue 18), each against a baseline measured in the same run:
 *   learn-train  training on 50,000 decided paragraphs (a generated news site, test/bench/generator/
 *                site.ts) in the BUILT worker thread: read, features, fit and calibration (≤ 10 s);
 *                baseline: the rule suggesters over the same paragraphs;
 *   learn-model  the bench workspace's own model: its file size (≤ 20 MB at full scale) and
 *                scoring its 2,000-paragraph article (≤ 100 ms); baseline: the rule suggesters
 *                on the same article;
 *   learn-keys   "keys while training": the keystroke figures of scenario 3 with a training
 *                running in the worker, against the same keys with the worker idle; and (report
 *                only) each first key after the editor paused 2 s, when the training, which waits
 *                while the editor works (threads/editor-activity.ts), is running again.
 */
import { stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { featureIndexes } from '../../../src-main/core/learn/features';
import { denseWeights } from '../../../src-main/core/learn/model';
import { scoreArticle, type ScoringModel } from '../../../src-main/core/learn/score';
import { suggestArticle, suggestArticles } from '../../../src-main/core/suggest/suggest';
import { defaultSuggestSettings } from '../../../src-main/core/suggest/types';
import type { TrainReport } from '../../../src-main/node/learn/jobs';
import { loadModel } from '../../../src-main/node/learn/model-file';
import { LearnWorker } from '../../../src-main/node/learn/worker-host';
import { gatherArticles } from '../../../src-main/node/suggest/gather';
import type { LearnStatusView } from '../../../src-main/shared/contract/learn';
import { Workspace } from '../../../src-main/node/workspace/workspace';
import { builtLearnWorker } from '../../support/workers';
import { appButton, appRows, uiSession } from '../browser/ui-session';
import { generateSite } from '../generator/site';
import { compare, median, round, timeFigure } from '../stats';
import type { BenchContext, Figure, Scenario } from '../types';
import { keyPairsWhile } from './keystroke';

const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];

function trainFigures(name: string, reports: TrainReport[], baseline: number[] | null, target: { ms?: number }, note: string): Figure[] {
  const training = reports.map((r) => r.timings.readMs + r.timings.featuresMs + r.timings.fitMs);
  return [
    timeFigure(`${name}: read + features + fit + calibration`, training, baseline, target, { note }),
    timeFigure(`${name}: of which fit + calibration`, reports.map((r) => r.timings.fitMs), null, {}, { note: `${reports[0]?.folds ?? '?'} calibration folds, ${reports[0]?.labels.length ?? 0} labels` }),
    timeFigure(`${name}: the worker thread's CPU time for it`, reports.flatMap((r) => (r.timings.trainCpuMs == null ? [] : [r.timings.trainCpuMs])), null, {}, { note: 'process.threadCpuUsage: the work, without the waits of a nice-19 thread on a busy machine' }),
    timeFigure(`${name}: then ordering every article (not training)`, reports.map((r) => r.timings.orderMs), null, {}),
  ];
}

export const learnTrain: Scenario = {
  id: 'learn-train',
  title: 'Learned suggester: training on 50,000 decided paragraphs in the worker',
  async run(ctx) {
    const root = join(ctx.scratch, 'learn-site');
    const site = generateSite(root, { articles: 2500, labelled: 2500 });
    ctx.log(`  generated site: ${site.articles.length} articles, ${site.paragraphs} paragraphs, ${site.decided} decided`);
    const worker = new LearnWorker(builtLearnWorker());
    ctx.defer(() => worker.close());
    const workspace = await Workspace.open(root);
    const { articles } = await gatherArticles(workspace);
    const reports: TrainReport[] = [];
    const { baseline } = await compare(
      ctx.runs({ small: 1, full: 3 }),
      async () => {
        const result = await worker.run({ kind: 'train', root: workspace.root, userDataDir: join(ctx.scratch, 'learn-user-data'), labels: LABELS, seed: 1, force: true });
        if (result.kind !== 'train') throw new Error('the learner answered a training with something else');
        reports.push(result.report);
      },
      async () => void suggestArticles(articles, { settings: defaultSuggestSettings() }),
      false,
    );
    const r = reports[0]!;
    ctx.log(`  ${r.examples} examples in ${r.articles} articles; held-out F1 ${r.labels.map((l) => `${l.name} ${l.heldOut.f1?.toFixed(3)}`).join(', ')}; model ${(r.bytes / 1024).toFixed(0)} KiB`);
    return trainFigures(`train ${r.examples} paragraphs`, reports, baseline, { ms: 10_000 }, 'baseline: the four rule suggesters over the same paragraphs (main thread)');
  },
};

export const learnModel: Scenario = {
  id: 'learn-model',
  title: "Learned suggester: the bench workspace's model, its size, scoring a 2,000-paragraph article",
  async run(ctx) {
    const { workspace } = await ctx.loaded();
    const worker = new LearnWorker(builtLearnWorker());
    ctx.defer(() => worker.close());
    const result = await worker.run({ kind: 'train', root: workspace.root, userDataDir: join(ctx.scratch, 'learn-user-data-bench'), labels: LABELS, seed: 1, force: true });
    if (result.kind !== 'train') throw new Error('the learner answered a training with something else');
    const report = result.report;
    const bytes = (await stat(report.file)).size;
    const stored = await loadModel(report.file, workspace.root);
    if (!('header' in stored)) throw new Error(`the bench model cannot be read back (${stored.problem})`);
    const L = stored.header.labels.length;
    const model: ScoringModel = { labels: stored.header.labels, weights: denseWeights(stored.vocabulary, stored.weights, L), bias: stored.bias };
    const { articles } = await gatherArticles(workspace);
    const indexes = featureIndexes(articles);
    const long = articles.find((a) => a.paragraphs.length === 2000);
    if (!long) throw new Error('the bench workspace has no 2,000-paragraph article');
    const settings = defaultSuggestSettings();
    let learned = 0;
    // This thread's CPU time beside the wall time: on a loaded machine the wall is mostly the wait for a core.
    const cpu = { scoring: [] as number[], rules: [] as number[] };
    const timedCpu = (into: number[], work: () => void) => {
      const before = process.threadCpuUsage();
      work();
      const used = process.threadCpuUsage(before);
      into.push((used.user + used.system) / 1000);
    };
    const { measured, baseline } = await compare(
      ctx.runs({ small: 5, full: 10 }),
      async () => timedCpu(cpu.scoring, () => (learned = scoreArticle(model, long, indexes, { floor: 0.5 }).suggestions.flat().length)),
      async () => timedCpu(cpu.rules, () => void suggestArticle(long, indexes.workspace, { settings })),
    );
    ctx.log(`  trained on ${report.examples} decided paragraphs of ${report.articles} articles (${(report.timings.totalMs / 1000).toFixed(1)} s in the worker); ${stored.header.features} features; ${learned} learned suggestions on the 2,000-paragraph article`);
    return [
      { name: `model file, ${report.examples} decided paragraphs, ${stored.header.features} features`, value: round(bytes / 1048576, 2), ratio: null, target: '≤ 20 MB (full bench workspace)', met: bytes <= 20 * 1048576, note: `${ctx.scale} scale` },
      timeFigure(`score a 2,000-paragraph article (${learned} learned suggestions with reasons)`, measured, baseline, { ms: 100 }, { note: 'baseline: the rule suggesters on the same article; wall time, the load in it' }),
      timeFigure('score a 2,000-paragraph article: CPU time (this thread)', cpu.scoring, cpu.rules, { ms: 100 }, { note: "baseline: the rules' CPU time; scoring reads the rule cues too (they are features)" }),
      ...trainFigures(`train the bench workspace (${report.examples} paragraphs)`, [report], null, {}, `${ctx.scale} scale, 3 annotators with 12% noise`),
    ];
  },
};

/** The learner's state as the page's bridge sees it. */
async function learnStatus(ctx: Awaited<ReturnType<typeof uiSession>>, channel: 'learn.status' | 'learn.train'): Promise<LearnStatusView> {
  const envelope = (await ctx.app.page.evaluate(([c, r]) => window.pilcrow.invoke(c, r), [channel, channel === 'learn.train' ? { force: true } : {}] as const)) as { ok: boolean; result: LearnStatusView };
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope)}`);
  return envelope.result;
}

export const learnKeys: Scenario = {
  id: 'learn-keys',
  title: 'keys while training: keystroke → painted / saved, with a training running in the worker',
  async run(ctx: BenchContext) {
    const ui = await uiSession(ctx);
    const { app } = ui;
    await app.page.locator(appButton(ui.long2k)).click();
    await app.page.locator(appRows(ui.long2k)).first().waitFor();
    const n = ctx.runs({ small: 15, full: 40 });
    // Keys after a pause longer than the learner's quiet spell (1.5 s), fewer: each costs 2 s.
    const sparse = ctx.runs({ small: 5, full: 12 });
    const PAUSE_MS = 2000;
    // What main's own thread did in each phase: how long its event loop was held (a save waits
    // behind it), its CPU time against the wall, and the article's suggestions asked again.
    const keys = async (while_: () => Promise<boolean>, pauseMs = 0) => {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      const cpu = process.threadCpuUsage();
      const started = performance.now();
      const asked = app.dispatched.filter((d) => d.channel === 'suggest.article').length;
      loop.enable();
      const timings = await keyPairsWhile(app, pauseMs > 0 ? sparse : n, while_, pauseMs);
      loop.disable();
      const used = process.threadCpuUsage(cpu);
      const wall = performance.now() - started;
      const refetched = app.dispatched.filter((d) => d.channel === 'suggest.article').length - asked;
      return { ...timings, main: `main's event loop held p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; main thread CPU ${((used.user + used.system) / 1000).toFixed(0)} ms in ${wall.toFixed(0)} ms wall; suggest.article ${refetched}×; load ${loadavg()[0]!.toFixed(1)}` };
    };
    const notTraining = async () => (await learnStatus(ui, 'learn.status')).state !== 'training';
    let trainings = 0;
    const training = async () => {
      if ((await learnStatus(ui, 'learn.status')).state === 'training') return true;
      trainings += 1;
      // Started, not awaited (learn.train returns at once); keys resume once it is running.
      if ((await learnStatus(ui, 'learn.train')).state === 'training') return true;
      // The model is saved and in use ('ready') while the worker still orders the articles; the
      // training asked for starts when that job ends, and main says so. Polling instead would
      // send requests, and the worker waits while requests come (threads/editor-activity.ts).
      await app.nextEvent('learn.changed');
      return false;
    };
    // Idle first: a training, once started, may outlast the keys.
    const idle = await keys(notTraining);
    const idleAfterPause = await keys(notTraining, PAUSE_MS);
    const busy = await keys(training);
    const busyAfterPause = await keys(training, PAUSE_MS);
    const status = await learnStatus(ui, 'learn.status');
    ctx.log(`  ${trainings} trainings asked for during ${(busy.paint.length + busyAfterPause.paint.length) / 2} key pairs; model of ${status.model?.examples ?? 0} decided paragraphs; median paint idle ${median(idle.paint)?.toFixed(1)} ms, training ${median(busy.paint)?.toFixed(1)} ms`);
    const worst = (d: number[]) => [...d].sort((a, b) => b - a).slice(0, 4).map((x) => x.toFixed(0)).join(', ');
    ctx.log(`  idle: ${idle.main}; slowest saves ${worst(idle.durable)} ms`);
    ctx.log(`  training: ${busy.main}; slowest saves ${worst(busy.durable)} ms`);
    ctx.log(`  after ${PAUSE_MS / 1000} s pauses: idle slowest saves ${worst(idleAfterPause.durable)} ms; training ${worst(busyAfterPause.durable)} ms`);
    return [
      timeFigure('keys while training: label/focus painted (p95 vs idle p95)', busy.paint, idle.paint, { ratio: 1.25 }, { judgeOn: 'p95', note: 'same keys, same session, worker idle' }),
      timeFigure('keys while training: durable on disk (labels.set, p95 vs idle p95)', busy.durable, idle.durable, { ratio: 1.25 }, { judgeOn: 'p95', note: 'the training waits while requests come less than 1.5 s apart, so these keys meet it waiting; the next two figures, keys that meet it running' }),
      timeFigure(`a key after a ${PAUSE_MS / 1000} s pause while training: durable on disk (median vs idle)`, busyAfterPause.durable, idleAfterPause.durable, {}, { note: 'report only: the training runs again in the pause, and the key meets it running' }),
      timeFigure(`a key after a ${PAUSE_MS / 1000} s pause while training: durable on disk (p95 vs idle p95)`, busyAfterPause.durable, idleAfterPause.durable, {}, { judgeOn: 'p95', note: `report only; ${sparse} keys each` }),
    ];
  },
};
