/**
 * An export killed mid-way (kill -9, a crash, power loss) leaves its temp files beside the
 * target: the output's temp and, for the JSON document, the spooled records (`.<name>.<pid>-<hex>
 * .pilcrow-tmp`, storage/temp-names.ts), each as big as the export. The target itself is intact.
 * They are removed at the next export into that folder (CLI and app), and at the app's next
 * start for folders where an export was running when the app died (a journal in user data).
 * Only names of our temp shape whose process is gone are removed, and only in that one folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { cleanStaleTemps, isPidAlive, writeAtomic, nodeDurableFs } from '../storage';

/** Removes temp files of dead Pilcrow processes from `folder` (not its sub-folders); returns them. */
export async function cleanKilledExportTemps(folder: string): Promise<string[]> {
  // An export of another live process (the CLI next to the app) may be writing here: keep its temps however old.
  return cleanStaleTemps(folder, { recursive: false, maxAgeMs: Infinity }).catch(() => []);
}

const journalSchema = z.object({ running: z.array(z.object({ folder: z.string(), pid: z.number().int() })) });
type Journal = z.infer<typeof journalSchema>;

/** `<user data>/exports-running.json`: the folders of exports in progress, so a killed one is cleaned up at the next start. */
export class ExportJournal {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  static in(userDataDir: string): ExportJournal {
    return new ExportJournal(join(userDataDir, 'exports-running.json'));
  }

  /** Notes an export into `folder` by this process; the returned function un-notes it. */
  async begin(folder: string): Promise<() => Promise<void>> {
    const entry = { folder, pid: process.pid };
    await this.update((j) => void j.running.push(entry));
    return () => this.update((j) => void (j.running = j.running.filter((e) => e !== entry && !(e.folder === entry.folder && e.pid === entry.pid))));
  }

  /** Cleans the folders of exports whose process is gone, and forgets them; returns the files removed. */
  async cleanUp(): Promise<string[]> {
    const removed: string[] = [];
    await this.update(async (j) => {
      const dead = j.running.filter((e) => !isPidAlive(e.pid));
      for (const folder of new Set(dead.map((e) => e.folder))) removed.push(...(await cleanKilledExportTemps(folder)));
      j.running = j.running.filter((e) => !dead.includes(e));
    });
    return removed;
  }

  private update(change: (journal: Journal) => void | Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      const journal = await this.read();
      await change(journal);
      await mkdir(dirname(this.file), { recursive: true });
      await writeAtomic(nodeDurableFs, this.file, new TextEncoder().encode(`${JSON.stringify(journal)}\n`));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<Journal> {
    const text = await readFile(this.file, 'utf8').catch(() => null);
    if (text === null) return { running: [] };
    try {
      const parsed = journalSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : { running: [] };
    } catch {
      return { running: [] };
    }
  }
}
