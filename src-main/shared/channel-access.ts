/**
 * Which channels change the workspace on disk. A window that could not take the writer lock of
 * its annotator's layer (docs/reliability.md, "One writer") is read-only: main refuses every
 * channel that writes, before its handler runs. The map is complete by type, so a new channel
 * cannot land without saying whether it writes.
 */
import type { Channel, RequestOf } from './ipc';
import { changesSuggestSettings } from './contract/suggest';

type Access<C extends Channel> = 'reads' | 'writes' | ((request: RequestOf<C>) => 'reads' | 'writes');

export const CHANNEL_ACCESS: { [C in Channel]: Access<C> } = {
  'app.init': 'reads',
  'app.about': 'reads',
  // User-data settings and opening a folder: per app, not the workspace. Opening again retries the lock.
  'settings.setAnnotator': 'reads',
  'settings.setUi': 'reads',
  'workspace.openDialog': 'reads',
  'workspace.openRecent': 'reads',
  'workspace.refresh': 'reads',
  'article.open': 'reads',
  'article.paragraphs': 'reads',
  'search.query': 'reads',
  'article.configure': 'writes',
  'article.split': 'writes',
  'article.merge': 'writes',
  'article.resetEdits': 'writes',
  'article.undoEdit': 'writes',
  'article.reattachOrphan': 'writes',
  'labels.set': 'writes',
  'labels.apply': 'writes',
  'labels.remark': 'writes',
  'labels.markDone': 'writes',
  'labels.undoDone': 'writes',
  'labels.rejectSuggestions': 'writes',
  'schema.edit': 'writes',
  'schema.usage': 'reads',
  'guidelines.read': 'reads',
  // The export file goes where the editor chooses, outside the workspace.
  'export.run': 'reads',
  'export.cancel': 'reads',
  'export.layers': 'reads',
  // Opens the file manager at a finished export; the workspace is not touched.
  'export.reveal': 'reads',
  // A preview reads the file and the workspace and writes nothing.
  'import.preview': 'reads',
  'import.run': 'writes',
  'review.annotators': 'reads',
  'review.article': 'reads',
  'review.agreement': 'reads',
  'review.nextDisagreement': 'reads',
  'review.disagreements': 'reads',
  'review.setGold': 'writes',
  'review.acceptAgreed': 'writes',
  'review.reply': 'writes',
  'layers.list': 'reads',
  'layers.rename': 'writes',
  'layers.merge': 'writes',
  'layers.remove': 'writes',
  'layers.restore': 'writes',
  'conflicts.list': 'reads',
  'merge.list': 'reads',
  'merge.resolve': 'writes',
  'conflicts.merge': 'writes',
  'suggest.article': 'reads',
  'suggest.settings': (request) => (changesSuggestSettings(request) ? 'writes' : 'reads'),
  // The learned model lives in user data, not the workspace.
  'learn.status': 'reads',
  'learn.train': 'reads',
  'learn.evaluate': 'reads',
  'learn.order': 'reads',
  'team.progress': 'reads',
  'team.queue': 'reads',
  // Writes .pilcrow/assignments/ (never a label file).
  'team.assign': 'writes',
};

export function writesWorkspace<C extends Channel>(channel: C, request: RequestOf<C>): boolean {
  const access = CHANNEL_ACCESS[channel] as Access<C>;
  return (typeof access === 'function' ? access(request) : access) === 'writes';
}
