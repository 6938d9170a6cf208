/**
 * 1. Open the workspace until the list is usable: a fresh Session answering `app.init` (what the
 * renderer waits for at start: the list of articles, their counts to follow), against a bare
 * recursive readdir + stat + read of the same article files. In the same runs, reported only:
 * until the last `workspace.counts` event (every article read and counted, in the background)
 * and until the search keys are built after it. Fresh Session per run: the app's caches must
 * not carry over between runs.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch } from '../../../src-main/node/app/dispatch';
import { createHandlerTable } from '../../../src-main/node/app/handlers';
import { listCountsOf } from '../../../src-main/node/app/list-counts';
import { Session } from '../../../src-main/node/app/session';
import { isArticleName } from '../../../src-main/node/workspace/scan';
import type { AppState } from '../../../src-main/shared/views';
import { CountsCollector } from '../../support/list-counts';
import { NO_DIALOGS, SAMPLE_WORKSPACE } from '../app-session';
import { compare, timeFigure } from '../stats';
import type { Scenario } from '../types';

/** The bare walk: what any program must do to see every article's bytes. */
export async function bareWalk(root: string): Promise<void> {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (isArticleName(entry.name)) files.push(path);
    }
  }
  await Promise.all(files.map(async (f) => [(await stat(f)).size, await readFile(f)]));
}

export const workspaceOpen: Scenario = {
  id: 'open',
  title: 'open workspace until the list is usable',
  async run(ctx) {
    const { root, articles } = ctx.workspace;
    const userDataDir = join(ctx.scratch, 'user-data-open');
    let listed = 0;
    let pending = 0;
    const counted: number[] = [];
    const keyed: number[] = [];
    // Session setup (settings file, annotator) stays outside the timed part: openOnce times itself.
    const openOnce = async () => {
      const session = await Session.create({ userDataDir, sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: root });
      await session.setAnnotator('sara');
      const counts = new CountsCollector();
      const table = createHandlerTable(session, NO_DIALOGS, 'bench', counts.emit);
      const start = performance.now();
      const envelope = await dispatch(table, 'app.init', {});
      const elapsed = performance.now() - start;
      if (!envelope.ok) throw new Error(`app.init failed: ${envelope.error.message}`);
      const view = (envelope.result as AppState).workspace;
      if (!view) throw new Error('app.init opened no workspace');
      listed = view.articles.length;
      pending = view.articles.filter((a) => a.pending).length;
      const complete = await counts.complete(view, 600_000);
      counted.push(performance.now() - start);
      await listCountsOf(session, counts.emit).idle();
      keyed.push(performance.now() - start);
      session.close(); // stops its file watcher, as quitting the app does
      if (complete.articles.some((a) => a.pending)) throw new Error('the counts left an article pending');
      return elapsed;
    };
    const { measured, baseline } = await compare(ctx.runs({ small: 2, full: 3 }), openOnce, () => bareWalk(root));
    if (listed !== articles) throw new Error(`app.init listed ${listed} articles, the workspace has ${articles}`);
    ctx.log(`  listed ${listed} articles, ${pending} of them pending (counts sent after the list)`);
    // The warm-up run's background times are dropped with its list time.
    const runs = measured.length;
    const note = 'baseline: readdir+stat+read of the article files';
    return [
      timeFigure(`workspace list usable (app.init, ${articles} articles)`, measured, baseline, { ratio: 1.5 }, { note }),
      timeFigure('workspace list: every count arrived (background, from app.init)', counted.slice(-runs), baseline, {}, { note: `${note}; the editor can open articles meanwhile` }),
      timeFigure('workspace list: search keys built (background, from app.init)', keyed.slice(-runs), baseline, {}, { note }),
    ];
  },
};
