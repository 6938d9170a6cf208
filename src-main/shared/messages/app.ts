/** The app, the window and the workspace: opening, who you are, the writer lock (English). */
import { catalogue } from './define';

/** "since 2026-11-27 10:02:11 UTC", from a lock's ISO time. */
export const lockSince = (since: string) => (since ? ` since ${since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '');

/** "another Pilcrow (process 4711 on laptop since …)": who holds a layer's writer lock. */
const holder = (p: { pid: number; host: string; since: string }) => (p.pid > 0 ? `another Pilcrow (process ${p.pid} on ${p.host}${lockSince(p.since)})` : 'another Pilcrow that is starting up');

export const appMessages = catalogue({
  'no-workspace': () => 'No workspace is open: choose File › Open Workspace… first.',
  'workspace-missing': (p: { folder: string }, name) => `cannot open workspace ${name(p.folder)}: the folder does not exist or cannot be read`,
  'workspace-not-folder': (p: { folder: string }, name) => `cannot open workspace ${name(p.folder)}: it is not a folder`,
  'unknown-recent': (p: { number: number }) => `There is no recent workspace number ${p.number}.`,
  'invalid-annotator': (p: { name: string }, name) => `"${name(p.name)}" cannot be an annotator name: use letters, digits, "_", "-" or "." (up to 64), no spaces.`,
  'about-unavailable': () => 'This window was started without the app’s files, so there is nothing to show in About.',
  'missing-license': (p: { name: string; license: string; path: string; reason: string }, name) =>
    `The ${p.license} text of ${p.name} could not be read from ${name(p.path)} (${p.reason}); reinstall Pilcrow.`,
  /** Another Pilcrow holds this annotator's writer lock: the window is read-only. */
  'read-only-held': (p: { annotator: string; pid: number; host: string; since: string }, name) =>
    `The labels of "${name(p.annotator)}" in this workspace are open for editing in ${holder(p)}, so this window is read-only. Close the other one, then reopen the workspace here.`,
  'read-only-unlockable': (p: { annotator: string; reason: string }, name) => `The labels of "${name(p.annotator)}" could not be locked for editing (${p.reason}), so this window is read-only.`,
  /** A layer an import or a layer change needs is being written by another Pilcrow. */
  'layer-held': (p: { annotator: string; pid: number; host: string; since: string }, name) =>
    `Nothing was changed: The labels of "${name(p.annotator)}" in this workspace are open for editing in ${holder(p)}. Close it and try again.`,
  'import-layer-held': (p: { annotator: string; pid: number; host: string; since: string }, name) =>
    `Nothing was imported: The labels of "${name(p.annotator)}" in this workspace are open for editing in ${holder(p)}. Close it and import again.`,
  /** Files that stopped the app while it read them last time: skipped until they change (workspace/read-guard.ts). */
  'safe-mode': (p: { files: string[] }, name) => {
    const one = p.files.length === 1;
    return `Safe mode: Pilcrow stopped while reading ${p.files.map(name).join(', ')} last time (it may need more memory than this computer has), so ${one ? 'it is' : 'they are'} skipped until changed. Split ${one ? 'it' : 'them'} or save as plain text to read ${one ? 'it' : 'them'}.`;
  },
  'unknown-article-id': (p: { id: string }) => `no article with id ${p.id} in this workspace; refresh the list`,
  'bad-request': (p: { detail: string }) => `The app sent a request main could not accept (${p.detail}).`,
});
