/** How an export paces itself: progress reports for the dialog and the CLI, and a flat memory. */
import type { ExportProgress } from '../../shared/contract/export';
import type { Workspace } from '../workspace/workspace';
import type { ExportCounts, ExportEnv } from './types';

/**
 * Keeps memory flat: an article the workspace had not read before the export is forgotten once
 * the export has moved past its file (articles of one container file, `file.jsonl#key`, share
 * one reading, so they are forgotten together). Articles the app had open stay cached.
 */
export function releaser(workspace: Workspace) {
  let pending: string[] = [];
  let file = '';
  const containerOf = (path: string) => (path.includes('#') ? path.slice(0, path.lastIndexOf('#')) : path);
  const flush = () => {
    for (const id of pending) workspace.forget(id);
    pending = [];
  };
  return {
    flush,
    async before(id: string, path: string) {
      if (containerOf(path) !== file) flush();
      file = containerOf(path);
      if ((await workspace.cached(id)) === null) pending.push(id);
    },
  };
}

export type Progress = (done: number, final?: boolean) => void;

export function progressReporter(env: ExportEnv, phase: ExportProgress['phase'], total: number, counts: ExportCounts | null): Progress {
  const every = env.progressEveryMs ?? 100;
  let last = 0;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = (done: number) => {
    last = Date.now();
    env.onProgress?.({ phase, articlesDone: done, articlesTotal: total, records: counts?.records ?? 0 });
  };
  // Throttled, but the newest count always goes out shortly after: a stall (a slow file) shows where it is.
  return (done, final = false) => {
    if (!env.onProgress) return;
    latest = done;
    const wait = every - (Date.now() - last);
    if (final || wait <= 0) {
      if (timer) clearTimeout(timer);
      timer = null;
      send(done);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        send(latest);
      }, wait);
      timer.unref?.();
    }
  };
}
