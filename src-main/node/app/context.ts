/** What every feature's handlers get: the session, native dialogs, and a way to push events. */
import type { EventMap, EventName } from '../../shared/ipc';
import type { Session } from './session';

/** Native dialogs and the file manager, injected: Electron's in the app, scripted answers in tests. */
export interface Dialogs {
  /** A folder: a workspace to open, or (with `purpose: 'export'`) one to write a dataset folder into. */
  pickFolder(purpose?: 'workspace' | 'export'): Promise<string | null>;
  pickSaveFile(suggestedName: string): Promise<string | null>;
  /** A file to read (import); optional so scripted test dialogs may leave it out. */
  pickOpenFile?(title: string, extensions: string[]): Promise<string | null>;
  /**
   * Shows a finished export in the file manager: a file selected in its folder, or a folder
   * opened (Electron's shell in the app); optional so scripted test dialogs may leave it out.
   */
  showInFolder?(target: { path: string; folder: boolean }): Promise<void>;
}

export type Emit = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** What the About dialog needs from the process that runs the table (Electron, or a test). */
export interface AboutSource {
  /** The folder holding LICENSE and resources/licenses (outside app.asar when packaged). */
  appFilesDir: string;
  logFile: string | null;
  runtime: { electron: string; chrome: string; node: string };
}

export interface HandlerContext {
  session: Session;
  dialogs: Dialogs;
  version: string;
  emit: Emit;
  about: AboutSource | null;
}
