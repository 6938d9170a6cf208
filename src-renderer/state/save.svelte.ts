/** Tracks label saves so the editor always sees saving / saved / failed (with the reason). */
import { messageOf } from '../bridge/api';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export class SaveTracker {
  pending = $state(0);
  failure = $state<string | null>(null);
  lastSavedAt = $state<string | null>(null);

  get status(): SaveStatus {
    if (this.pending > 0) return 'saving';
    if (this.failure) return 'failed';
    return this.lastSavedAt ? 'saved' : 'idle';
  }

  async track<T>(work: Promise<T & { savedAt: string }>): Promise<T | null> {
    this.pending += 1;
    try {
      const result = await work;
      this.failure = null;
      this.lastSavedAt = result.savedAt;
      return result;
    } catch (error) {
      this.failure = messageOf(error);
      return null;
    } finally {
      this.pending -= 1;
    }
  }
}
