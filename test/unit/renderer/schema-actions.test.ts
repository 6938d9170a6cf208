import { afterEach, describe, expect, it } from 'vitest';
import type { AppStore } from '../../../src-renderer/state/app-store.svelte';
import { SchemaActions } from '../../../src-renderer/features/settings/schema-actions.svelte';

/** A bridge whose answers come back in the order the test says, not the order asked. */
function bridge() {
  const pending: { request: { edit: { name?: string } }; answer: () => void }[] = [];
  const invoke = (_channel: string, request: unknown) =>
    new Promise((resolve) => {
      const edit = (request as { edit: { name?: string; display?: unknown } }).edit;
      pending.push({ request: request as { edit: { name?: string } }, answer: () => resolve({ ok: true, result: { workspace: { labels: [{ name: 'quote', display: edit.display }] } } }) });
    });
  (globalThis as unknown as { window: unknown }).window = { pilcrow: { invoke, on: () => () => {} } };
  return pending;
}

afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

describe('label schema edits from the editor', () => {
  it('are sent one after another, so the schema on screen is the last edit’s even when answers would cross', async () => {
    const pending = bridge();
    const shown: unknown[] = [];
    const store = { useWorkspace: (view: { labels: unknown[] }) => shown.push(view.labels) } as unknown as AppStore;
    const actions = new SchemaActions(store);
    const first = actions.edit({ op: 'update', name: 'quote', display: { fa: 'نقل‌قول' } });
    const second = actions.edit({ op: 'update', name: 'quote', display: { fa: 'نقل‌قول', en: 'Quotation' } });
    await new Promise((resolve) => setImmediate(resolve));
    // Only the first edit has gone to main; the second waits for its answer.
    expect(pending).toHaveLength(1);
    pending[0]!.answer();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending).toHaveLength(2);
    pending[1]!.answer();
    await second;
    expect(shown).toEqual([[{ name: 'quote', display: { fa: 'نقل‌قول' } }], [{ name: 'quote', display: { fa: 'نقل‌قول', en: 'Quotation' } }]]);
  });
});
