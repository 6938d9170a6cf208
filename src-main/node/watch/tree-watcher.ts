/**
 * Folder-level watching of a workspace. Node 20's `fs.watch(..., {recursive: true})` on Linux
 * misses deletions (checked: removing a file in a subfolder reported nothing), so each folder
 * gets its own non-recursive watcher, which reports creations, deletions and renames —
 * including an editor's atomic save (write a temp file, rename it over the article). Hidden
 * folders (`.pilcrow/`, `.git/`) are not watched: our own saves must not wake us up.
 * Events are only a hint: the caller re-scans and compares (Workspace.sync), so a lost or
 * doubled event costs nothing. If the system runs out of watchers, it falls back to polling.
 */
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface TreeWatcherOptions {
  /** Quiet time before reporting, so a burst of events (a save, a git checkout) is one report. */
  debounceMs?: number;
  /** Polling period when watchers cannot be created. */
  pollMs?: number;
  /** Told once when watching failed and polling took over. */
  onFallback?: (reason: string) => void;
}

export interface TreeWatcher {
  close(): void;
}

export function watchTree(root: string, onActivity: (paths: string[]) => void, options: TreeWatcherOptions = {}): TreeWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let poller: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  const flush = () => {
    timer = null;
    if (closed || pending.size === 0) return;
    const paths = [...pending];
    pending.clear();
    onActivity(paths);
  };
  const report = (rel: string) => {
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const fallBack = (reason: string) => {
    if (poller || closed) return;
    for (const w of watchers.values()) w.close();
    watchers.clear();
    options.onFallback?.(reason);
    poller = setInterval(() => report(''), options.pollMs ?? 3000);
    poller.unref?.();
  };
  const unwatch = (rel: string) => {
    for (const [dir, w] of watchers) {
      if (dir === rel || dir.startsWith(`${rel}/`) || rel === '') {
        w.close();
        watchers.delete(dir);
      }
    }
  };
  const addFolder = async (rel: string): Promise<void> => {
    if (closed || poller || watchers.has(rel)) return;
    let watcher: FSWatcher;
    try {
      // persistent: false — watching must never keep the process (or a test run) alive.
      watcher = watch(join(root, rel), { persistent: false }, (_event, name) => {
        if (!name) return report(rel);
        // Hidden names: our .pilcrow/, editors' temp files (their final rename is reported).
        if (String(name).startsWith('.')) return;
        const child = rel ? `${rel}/${String(name)}` : String(name);
        report(child);
        void followFolder(child);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'ENOENT') return;
      return fallBack(`cannot watch ${rel || 'the workspace'} (${code ?? String(error)}); checking for changes every few seconds instead`);
    }
    watcher.on('error', () => {
      // The folder was removed (or became unreadable): stop watching it and below.
      unwatch(rel);
      report(rel);
    });
    watchers.set(rel, watcher);
    const entries = await readdir(join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) await addFolder(rel ? `${rel}/${entry.name}` : entry.name);
    }
  };

  /** A new folder (or one moved in) gets its own watcher; a removed one loses its watchers. */
  const followFolder = async (rel: string): Promise<void> => {
    const info = await lstat(join(root, rel)).catch(() => null);
    if (!info) unwatch(rel);
    else if (info.isDirectory()) await addFolder(rel).catch(() => undefined);
  };

  void addFolder('');
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poller) clearInterval(poller);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
