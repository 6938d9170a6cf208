/**
 * The names that may cross the preload bridge, without their schemas. The preload imports only
 * this file and `electron`: a sandboxed preload can require nothing else, so importing ipc.ts
 * there (and with it zod) left `require("zod")` in the built preload, which throws in Electron's
 * sandbox before window.pilcrow exists (found by `npm run package:check`, which runs the packaged
 * preload the way the sandbox does). ipc.ts checks at compile time that these are exactly its
 * channels and events.
 */
export const CHANNEL_NAMES = [
  'app.init',
  'app.about',
  'settings.setAnnotator',
  'workspace.openDialog',
  'workspace.openRecent',
  'workspace.refresh',
  'article.open',
  'article.paragraphs',
  'article.configure',
  'article.split',
  'article.merge',
  'article.resetEdits',
  'article.undoEdit',
  'article.reattachOrphan',
  'search.query',
  'labels.set',
  'labels.apply',
  'labels.remark',
  'labels.markDone',
  'labels.undoDone',
  'labels.rejectSuggestions',
  'schema.edit',
  'schema.usage',
  'guidelines.read',
  'settings.setUi',
  'export.run',
  'export.cancel',
  'export.layers',
  'export.reveal',
  'import.preview',
  'import.run',
  'review.annotators',
  'review.article',
  'review.setGold',
  'review.acceptAgreed',
  'review.agreement',
  'review.reply',
  'review.nextDisagreement',
  'review.disagreements',
  'layers.list',
  'layers.rename',
  'layers.merge',
  'layers.remove',
  'layers.restore',
  'conflicts.list',
  'merge.list',
  'merge.resolve',
  'conflicts.merge',
  'suggest.article',
  'suggest.settings',
  'learn.status',
  'learn.train',
  'learn.evaluate',
  'learn.order',
  'team.progress',
  'team.queue',
  'team.assign',
] as const;

export const EVENT_NAMES = ['menu.command', 'export.progress', 'workspace.changed', 'article.changed', 'storage.recovered', 'workspace.counts', 'learn.changed', 'labels.merged'] as const;

/** A channel's or event's name on Electron's IPC, where the prefix keeps Pilcrow's apart from anything else on it. */
export function ipcName(name: (typeof CHANNEL_NAMES)[number] | (typeof EVENT_NAMES)[number]): string {
  return `pilcrow:${name}`;
}
