/**
 * The one IPC contract between the renderer and the main process, assembled from one module per
 * feature in contract/. Every channel: a runtime request schema (checked in main before any
 * handler runs) and the response type. The renderer names articles by id; it never sends a path.
 */
import type { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES as BRIDGE_EVENT_NAMES } from './bridge-names';
import type { ArticleChangedEvent } from './article-source';
import type { WorkspaceChangedEvent } from './views';
import type { WorkspaceCountsEvent } from './views';
import type { MainMessage } from './messages';
import { appChannels, type AppResponses } from './contract/app';
import { articleChannels, type ArticleResponses } from './contract/articles';
import { exportChannels, type ExportProgress, type ExportResponses } from './contract/export';
import { importChannels, type ImportResponses } from './contract/import';
import { labelChannels, type LabelResponses } from './contract/labels';
import { schemaChannels, type SchemaResponses } from './contract/schema';
import { settingsChannels, type SettingsResponses } from './contract/settings';
import { reviewChannels, type ReviewResponses } from './contract/review';
import { suggestChannels, type SuggestResponses } from './contract/suggest';
import { learnChannels, type LearnResponses, type LearnStatusView } from './contract/learn';
import { teamChannels, type TeamResponses } from './contract/team';

export const requestSchemas = {
  ...appChannels,
  ...articleChannels,
  ...labelChannels,
  ...schemaChannels,
  ...settingsChannels,
  ...exportChannels,
  ...importChannels,
  ...reviewChannels,
  ...suggestChannels,
  ...learnChannels,
  ...teamChannels,
} as const;

export type ResponseMap = AppResponses & ArticleResponses & LabelResponses & SchemaResponses & SettingsResponses & ExportResponses & ImportResponses & ReviewResponses & SuggestResponses & LearnResponses & TeamResponses;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];
export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;
export type ResponseOf<C extends Channel> = ResponseMap[C];

/** What main implements: one async function per channel. */
export type HandlerTable = { [C in Channel]: (req: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface IpcError {
  code: string;
  /** The English sentence (logs, tests, a renderer that does not know `detail`'s code). */
  message: string;
  /** The same as code and parameters (shared/messages), which the renderer writes in the UI's language. */
  detail?: MainMessage;
}
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: IpcError };

/** Events main pushes to the renderer. */
export interface EventMap {
  /** A menu item was chosen; the renderer runs the same flow as its own buttons. */
  'menu.command': { command: 'openWorkspace' | 'export' | 'import' | 'openRecent' | 'about'; index?: number };
  /** A running export's progress (docs/export.md). */
  'export.progress': ExportProgress;
  /** Files in the workspace were added, changed or deleted on disk (docs/formats.md). */
  'workspace.changed': WorkspaceChangedEvent;
  /** One article's file changed or disappeared; its decisions were re-anchored. */
  'article.changed': ArticleChangedEvent;
  /**
   * A damaged file was moved to quarantine (and its backup restored, if valid), or a file was
   * refused unread and left as it is (`quarantinedTo: null`: a link, a special file, too large): tell the editor.
   * `said` is `problem` for the editor's language (shared/messages).
   */
  'storage.recovered': { file: string; problem: string; said?: MainMessage; quarantinedTo: string | null; restoredFrom: 'bak' | 'none'; midMerge?: true };
  /** Articles the list sent as pending have been read: their titles, counts and progress. */
  'workspace.counts': WorkspaceCountsEvent;
  /** The learned suggester's state or model changed (docs/suggestions.md). */
  'learn.changed': LearnStatusView;
  /**
   * A label file of this annotator (`layer: 'mine'`) or the gold layer changed on disk while the
   * app held it (a git pull, a sync from another machine): `decisions` came from disk, merged.
   */
  'labels.merged': { articleId: string; path: string; layer: 'mine' | 'gold'; decisions: number };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = [...BRIDGE_EVENT_NAMES];

/** Compiles only while bridge-names.ts (what the sandboxed preload forwards) lists exactly these channels and events. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _bridgeChannelsMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
const _bridgeEventsMatch: Same<(typeof BRIDGE_EVENT_NAMES)[number], EventName> = true;

/** The object the preload puts on `window.pilcrow` (and the test harness mirrors). */
export interface PilcrowBridge {
  invoke(channel: string, request: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
