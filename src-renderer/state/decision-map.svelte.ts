/**
 * paragraph id -> this annotator's decision, with one signal per paragraph and the values kept
 * as they are (no deep proxy): reading one paragraph's decision depends on that paragraph only,
 * so a keystroke updates its own row. (SvelteMap does the same, but its private methods call
 * `super`, which the security gate's ES2021 lowering cannot compile: the bundle went unscanned.)
 */
import type { DecisionView } from '../../src-main/shared/views';

class Slot {
  value = $state.raw<DecisionView | undefined>();

  constructor(value: DecisionView | undefined) {
    this.value = value;
  }
}

export class DecisionMap {
  // The slots are the reactive part; the map of them only changes for an unknown id.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly slots = new Map<string, Slot>();

  /** One slot for every paragraph up front, so that reading never has to create state. */
  constructor(paragraphIds: readonly string[], decisions: Readonly<Record<string, DecisionView>>) {
    for (const id of paragraphIds) this.slots.set(id, new Slot(decisions[id]));
  }

  get(id: string): DecisionView | undefined {
    return this.slots.get(id)?.value;
  }

  set(id: string, value: DecisionView | undefined): void {
    const slot = this.slots.get(id);
    if (slot) slot.value = value;
    else this.slots.set(id, new Slot(value));
  }
}
