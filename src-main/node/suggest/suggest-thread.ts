/**
 * Where the app's suggestion jobs run (suggest-jobs.ts): in the suggester's worker thread when the
 * app names one (the built `suggest-worker.js` beside the main entry; e2e and the bench the same),
 * else in this thread, as the CLI's batch and most handler tests do: the same job either way.
 */
import type { ArticleSuggestions } from '../../core/suggest/suggest';
import { JobThread, type WorkerSpec } from '../threads/job-thread';
import { runSuggestJob, type SuggestJob } from './suggest-jobs';

/** A job holds one article (at most 20 MB of text) and its suggestions. */
const HEAP_MB = 1024;

export interface SuggestRunner {
  run(job: SuggestJob): Promise<ArticleSuggestions>;
  close(): Promise<void>;
}

export function suggestRunner(spec: WorkerSpec | undefined): SuggestRunner {
  if (spec) return new JobThread<SuggestJob, ArticleSuggestions>(spec, { who: 'the suggester', heapMb: HEAP_MB });
  return { run: async (job) => runSuggestJob(job), close: async () => undefined };
}
