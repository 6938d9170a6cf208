/**
 * The suggester's worker thread: reads one article's cues at a time (suggest-jobs.ts) off the main
 * process's event loop, so no article, however long or crafted, holds up a key, a save or another
 * request. Built as its own entry beside the app's (electron.vite.config.ts:
 * out/main/suggest-worker.js).
 */
import { serveJobs } from '../threads/serve-jobs';
import { runSuggestJob } from './suggest-jobs';

serveJobs(runSuggestJob);
