/**
 * The workspace as the app holds it once opened (`app.init`, then its background reading: every
 * article read and counted, search keys built; app/list-counts.ts), through a real Session,
 * loaded once for the scenarios that run without a browser. Loading
 * goes through the app's own Session and LayerReader, so the data has exactly the app's shape,
 * and handlers are dispatched against the same state.
 */
import { join } from 'node:path';
import type { AnnotationFile } from '../../src-main/node/annotations/schema';
import { LayerReader } from '../../src-main/node/annotations/store';
import { dispatch } from '../../src-main/node/app/dispatch';
import { createHandlerTable } from '../../src-main/node/app/handlers';
import { listCountsOf } from '../../src-main/node/app/list-counts';
import { Session } from '../../src-main/node/app/session';
import type { LoadedArticle } from '../../src-main/node/workspace/read-article';
import type { Workspace } from '../../src-main/node/workspace/workspace';
import type { HandlerTable } from '../../src-main/shared/ipc';
import type { AppState } from '../../src-main/shared/views';
import { CountsCollector } from '../support/list-counts';
import { NO_DIALOGS, SAMPLE_WORKSPACE } from './app-session';

export interface LoadedWorkspace {
  session: Session;
  table: HandlerTable;
  /** Where the next save dialog (export.run) answers to write. */
  saveTo: { file: string | null };
  workspace: Workspace;
  reader: LayerReader;
  articles: LoadedArticle[];
  annotators: string[];
}

/** article path -> annotator -> layer (absent when that annotator has none). */
export type LayerMap = Map<string, Map<string, AnnotationFile>>;

export async function loadWorkspace(root: string, scratch: string): Promise<LoadedWorkspace> {
  const session = await Session.create({ userDataDir: join(scratch, 'user-data-loaded'), sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: root });
  await session.setAnnotator('sara');
  const saveTo = { file: null as string | null };
  const counts = new CountsCollector();
  const table = createHandlerTable(session, { ...NO_DIALOGS, pickSaveFile: async () => saveTo.file }, 'bench', counts.emit);
  const init = await dispatch(table, 'app.init', {});
  if (!init.ok || !(init.result as AppState).workspace) throw new Error(`app.init failed: ${JSON.stringify(init)}`);
  await counts.complete((init.result as AppState).workspace!, 600_000);
  await listCountsOf(session, counts.emit).idle();
  const { workspace } = session.requireWorkspace();
  const articles = (await workspace.entries()).flatMap((e) => (e.ok ? [e.article] : []));
  const reader = new LayerReader(workspace.root);
  return { session, table, saveTo, workspace, reader, articles, annotators: await reader.annotators() };
}

/**
 * Every annotator's layers in memory, for the bench's own item building. Not part of
 * loadWorkspace: the app holds no such copy, and memory figures must not count one.
 */
export async function loadLayers({ articles, annotators, reader }: LoadedWorkspace): Promise<LayerMap> {
  const layers: LayerMap = new Map();
  for (const article of articles) {
    const byAnnotator = new Map<string, AnnotationFile>();
    for (const annotator of annotators) {
      const layer = await reader.readLayer(annotator, article.path);
      if (layer) byAnnotator.set(annotator, layer);
    }
    layers.set(article.path, byAnnotator);
  }
  return layers;
}
