/** Channels for the app itself: start-up state, settings, opening workspaces. */
import { z } from 'zod';
import type { AboutInfo, AppState, WorkspaceView } from '../views';
import { noArgs } from './ids';

export const appChannels = {
  'app.init': noArgs,
  'app.about': noArgs,
  'settings.setAnnotator': z.strictObject({ name: z.string().min(1).max(64) }),
  'workspace.openDialog': noArgs,
  'workspace.openRecent': z.strictObject({ index: z.number().int().min(0).max(20) }),
  'workspace.refresh': noArgs,
} as const;

export interface AppResponses {
  'app.init': AppState;
  'app.about': AboutInfo;
  'settings.setAnnotator': AppState;
  'workspace.openDialog': WorkspaceView | null;
  'workspace.openRecent': WorkspaceView;
  'workspace.refresh': WorkspaceView;
}
