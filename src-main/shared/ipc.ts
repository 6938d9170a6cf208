/**
 * The one IPC contract between the renderer and the main process.
 * Every channel: a runtime request schema (checked in main before any handler runs) and the
 * response type. The renderer names articles by id; it never sends a file path.
 */
import { z } from 'zod';
import type { ArticleView, ExportResult, WorkspaceView, AppState, SaveResult } from './views';

const articleId = z.string().regex(/^a[0-9a-z]{6,16}$/, 'not an article id');
const paragraphId = z.string().regex(/^p[0-9a-z]{6,16}(-\d{1,6})?$/, 'not a paragraph id');
const labelName = z.string().min(1).max(40);

export const requestSchemas = {
  'app.init': z.strictObject({}),
  'settings.setAnnotator': z.strictObject({ name: z.string().min(1).max(64) }),
  'workspace.openDialog': z.strictObject({}),
  'workspace.openRecent': z.strictObject({ index: z.number().int().min(0).max(20) }),
  'workspace.refresh': z.strictObject({}),
  'article.open': z.strictObject({ articleId }),
  'labels.set': z.strictObject({
    articleId,
    paragraphId,
    labels: z.array(labelName).max(40),
  }),
  'export.run': z.strictObject({}),
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

export interface ResponseMap {
  'app.init': AppState;
  'settings.setAnnotator': AppState;
  'workspace.openDialog': WorkspaceView | null;
  'workspace.openRecent': WorkspaceView;
  'workspace.refresh': WorkspaceView;
  'article.open': ArticleView;
  'labels.set': SaveResult;
  'export.run': ExportResult | null;
}
export type ResponseOf<C extends Channel> = ResponseMap[C];

/** What main implements: one async function per channel. */
export type HandlerTable = { [C in Channel]: (req: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface IpcError {
  code: string;
  message: string;
}
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: IpcError };

/** Events main pushes to the renderer. */
export interface EventMap {
  /** A menu item was chosen; the renderer runs the same flow as its own buttons. */
  'menu.command': { command: 'openWorkspace' | 'export' | 'openRecent'; index?: number };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = ['menu.command'];

/** The object the preload puts on `window.pilcrow` (and the test harness mirrors). */
export interface PilcrowBridge {
  invoke(channel: string, request: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
