/** The article list arrives before its counts (docs/architecture.md): fill them in as main reads the articles. */
import { onEvent } from '../../bridge/api';
import type { AppStore } from '../../state/app-store.svelte';

export function followListCounts(store: AppStore): () => void {
  return onEvent('workspace.counts', (event) => store.receiveCounts(event));
}
