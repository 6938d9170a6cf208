/**
 * The label-schema editor's actions: each edit goes to main (which validates it and saves
 * `.pilcrow/schema.json`), and the answer replaces the workspace's labels everywhere.
 */
import type { LabelDef } from '../../../src-main/shared/labels';
import type { RequestOf } from '../../../src-main/shared/ipc';
import { call } from '../../bridge/api';
import { messageOf } from '../../bridge/message-of';
import type { AppStore } from '../../state/app-store.svelte';
import { i18n } from '../../i18n/i18n.svelte';

type Edit = RequestOf<'schema.edit'>['edit'];

const PALETTE = ['#2f6fde', '#c2410c', '#6b7280', '#a21caf', '#15803d', '#b45309', '#0e7490', '#be123c', '#4d7c0f', '#7c3aed'];

export class SchemaActions {
  error = $state<string | null>(null);
  info = $state<string | null>(null);
  /** A removal waiting for the editor's yes, with what it would hide. */
  confirming = $state<{ name: string; text: string } | null>(null);

  /** The edits in flight, one after another: each answer carries the whole schema, so an answer overtaken by the next edit's would put an older schema back on screen. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: AppStore) {}

  edit(edit: Edit): Promise<boolean> {
    const run = this.queue.then(() => this.send(edit));
    this.queue = run;
    return run;
  }

  private async send(edit: Edit): Promise<boolean> {
    try {
      const result = await call('schema.edit', { edit });
      this.store.useWorkspace(result.workspace);
      this.error = null;
      this.info = null;
      if (edit.op === 'rename' && result.migrated) {
        const pending = result.pendingAnnotators?.length ? ` ${i18n.m.schema.pending(edit.from, result.pendingAnnotators.join(', '))}` : '';
        this.info = i18n.m.schema.renamed(edit.from, edit.to, result.migrated.paragraphs, result.migrated.files) + pending;
        // The open article shows the new name at once (its file was migrated on disk).
        if (this.store.article) await this.store.openArticle(this.store.article.view.id);
      }
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    }
  }

  /** Removing asks first when decisions use the label; the decisions stay in the files either way. */
  async remove(name: string): Promise<void> {
    try {
      const usage = await call('schema.usage', { name });
      if (usage.paragraphs === 0) {
        await this.edit({ op: 'remove', name });
        return;
      }
      this.confirming = { name, text: i18n.m.schema.confirmRemove(name, usage.paragraphs, usage.articles, usage.annotators.join(', ')) };
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async confirmRemove(): Promise<void> {
    const pending = this.confirming;
    this.confirming = null;
    if (pending) await this.edit({ op: 'remove', name: pending.name });
  }

  /** A new label with an unused colour and the first free digit key. */
  newLabel(name: string, labels: readonly LabelDef[]): LabelDef {
    const color = PALETTE.find((c) => !labels.some((l) => l.color === c)) ?? PALETTE[labels.length % PALETTE.length]!;
    const key = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((d) => `Digit${d}`).find((k) => !labels.some((l) => l.key === k)) ?? '';
    return { name, color, key, description: '' };
  }
}
