/**
 * The real handler table over a real Session, called through `dispatch` as Electron's ipcMain and
 * the e2e harness call it: the one way node tests drive the app without a window.
 */
import { onTestFinished } from 'vitest';
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable, type Dialogs, type Emit } from '../../../../src-main/node/app/handlers';
import type { LearnTimings } from '../../../../src-main/node/learn/service';
import type { WorkerSpec } from '../../../../src-main/node/learn/worker-host';
import { Session } from '../../../../src-main/node/app/session';
import type { Envelope } from '../../../../src-main/shared/ipc';
import { SAMPLE_WORKSPACE } from '../temp';

export interface HandlerApp {
  session: Session;
  /** The result, or a thrown `code: message` for a failed envelope. */
  call<T>(channel: string, request?: unknown): Promise<T>;
  /** The envelope as it comes, for tests of failures. */
  raw(channel: string, request?: unknown): Promise<Envelope<unknown>>;
}

export interface HandlerAppOptions {
  workspace: string;
  userData: string;
  /** Set before the workspace opens, as the first-run prompt does. */
  annotator?: string;
  dialogs?: Partial<Dialogs>;
  locksDir?: string;
  /** The learned suggester's worker, and its timings (node/learn/service.ts). */
  learnWorker?: WorkerSpec;
  learnTimings?: LearnTimings;
  /** The suggester's worker (node/suggest/suggest-thread.ts); without it suggestions are read in this thread. */
  suggestWorker?: WorkerSpec;
  /** Events main pushes to the window (learn.changed, labels.merged …). */
  emit?: Emit;
}

export async function openHandlerApp(options: HandlerAppOptions): Promise<HandlerApp> {
  const { learnWorker, learnTimings, locksDir, suggestWorker } = options;
  const session = await Session.create({ userDataDir: options.userData, sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: options.workspace, ...(locksDir ? { locksDir } : {}), ...(learnWorker ? { learnWorker } : {}), ...(learnTimings ? { learnTimings } : {}), ...(suggestWorker ? { suggestWorker } : {}) });
  // A session left open keeps reading and writing in the background while the test removes its
  // temp folders (ENOTEMPTY, or a later test's files changing): each test closes what it opened.
  try {
    onTestFinished(() => session.close());
  } catch {
    // Opened in a beforeAll: that suite's afterAll closes it.
  }
  if (options.annotator) await session.setAnnotator(options.annotator);
  const table = createHandlerTable(session, { pickFolder: async () => null, pickSaveFile: async () => null, ...options.dialogs }, 'test', options.emit);
  const raw = (channel: string, request: unknown = {}) => dispatch(table, channel, request);
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const envelope = await raw(channel, request);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as T;
  };
  return { session, call, raw };
}
