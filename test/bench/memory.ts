/**
 * Memory probes. RSS is sampled from a worker thread: RSS is per process, and a sampler on the
 * main thread would never run while JSON.stringify or a long loop holds it — exactly when the
 * peak happens. The renderer's JS heap comes from CDP Performance.getMetrics.
 */
import { Worker } from 'node:worker_threads';
import type { Page } from '@playwright/test';

const MB = 1024 * 1024;

const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
let peak = process.memoryUsage.rss();
const timer = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; }, workerData.interval);
parentPort.on('message', (m) => {
  const now = process.memoryUsage.rss();
  if (now > peak) peak = now;
  parentPort.postMessage({ peak, now });
  if (m === 'mark') peak = now;
  if (m === 'stop') clearInterval(timer);
});`;

export class RssSampler {
  private constructor(private readonly worker: Worker) {}

  static async start(intervalMs = 5): Promise<RssSampler> {
    const sampler = new RssSampler(new Worker(SAMPLER, { eval: true, workerData: { interval: intervalMs } }));
    await sampler.ask('read');
    return sampler;
  }

  /** Resets the peak to now; returns the RSS now, in bytes. */
  async mark(): Promise<number> {
    return (await this.ask('mark')).now;
  }

  /** Peak RSS since the last mark (or start), in bytes. */
  async peak(): Promise<number> {
    return (await this.ask('read')).peak;
  }

  async stop(): Promise<number> {
    const { peak } = await this.ask('stop');
    await this.worker.terminate();
    return peak;
  }

  private ask(message: 'mark' | 'read' | 'stop'): Promise<{ peak: number; now: number }> {
    return new Promise((resolve, reject) => {
      const fail = (e: Error) => reject(e);
      this.worker.once('message', (answer: { peak: number; now: number }) => {
        this.worker.off('error', fail);
        resolve(answer);
      });
      this.worker.once('error', fail);
      this.worker.postMessage(message);
    });
  }
}

/** Collects what scenario 7 reports: this process's RSS and the renderer's JS heap, at their peaks. */
export class MemoryProbe {
  private node: RssSampler | null = null;
  nodeStartMb: number | null = null;
  nodePeakMb: number | null = null;
  rendererPeakMb: number | null = null;

  async startNode(): Promise<void> {
    this.node = await RssSampler.start(10);
    this.nodeStartMb = (await this.node.mark()) / MB;
  }

  async stopNode(): Promise<void> {
    if (!this.node) return;
    this.nodePeakMb = (await this.node.stop()) / MB;
    this.node = null;
  }

  private readonly watchers: (() => Promise<void>)[] = [];

  /** Samples the page's used JS heap every 100 ms until stopRenderer(). */
  async watchRenderer(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] as { name: string; value: number }[] }));
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (used !== undefined) this.rendererPeakMb = Math.max(this.rendererPeakMb ?? 0, used / MB);
    };
    const timer = setInterval(() => void sample(), 100);
    this.watchers.push(async () => {
      clearInterval(timer);
      await sample();
      await cdp.detach().catch(() => undefined);
    });
  }

  async stopRenderer(): Promise<void> {
    for (const stop of this.watchers.splice(0)) await stop();
  }
}

export const toMb = (bytes: number) => bytes / MB;

/** Full collection before a memory-sensitive run, when the bench runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
