/**
 * The workspace as the app holds it after the list loaded (every article read and segmented,
 * through a real Session), loaded once for the scenarios that run without a browser. Loading
 * goes through the app's own Session and LayerReader, so the data has exactly the app's shape,
 * and handlers are dispatched against the same state.
 */
import { join } from 'node:path';
import type { AnnotationFile } from '../../src-main/node/annotations/schema';
import { LayerReader } from '../../src-main/node/annotations/store';
import { createHandlerTable } from '../../src-main/node/app/handlers';
import { Session } from '../../src-main/node/app/session';
import type { LoadedArticle } from '../../src-main/node/workspace/read-article';
import type { Workspace } from '../../src-main/node/workspace/workspace';
import type { HandlerTable } from '../../src-main/shared/ipc';
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
  const session = await Session.create({ userDataDir: join(scratch, 'user-data-loaded'), sampleWorkspaceDir: SAMPLE_WORKSPACE });
  await session.setAnnotator('sara');
  await session.open(root);
  const { workspace } = session.requireWorkspace();
  const articles = (await workspace.entries()).flatMap((e) => (e.ok ? [e.article] : []));
  const reader = new LayerReader(workspace.root);
  const saveTo = { file: null as string | null };
  const table = createHandlerTable(session, { ...NO_DIALOGS, pickSaveFile: async () => saveTo.file }, 'bench');
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
