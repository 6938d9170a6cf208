/**
 * Tracks saves so the editor always sees saving / saved / failed (with the reason). Decisions
 * are sent the moment a key is pressed (main writes durably before it answers), so nothing
 * waits in the renderer; only notes are typed with a short delay, and those register a flush
 * that runs when the window is hidden or closed.
 */
import { messageOf } from '../bridge/message-of';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export class SaveTracker {
  pending = $state(0);
  failure = $state<string | null>(null);
  lastSavedAt = $state<string | null>(null);
  private flushes: (() => void)[] = [];

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

  /** A delayed save (a note being typed) that must be sent now if the window goes away. */
  onFlush(flush: () => void): () => void {
    this.flushes.push(flush);
    return () => {
      this.flushes = this.flushes.filter((f) => f !== flush);
    };
  }

  flushAll(): void {
    for (const flush of [...this.flushes]) flush();
  }

  /** Sends delayed saves when the window is hidden, closed or reloaded. */
  listen(target: Window): () => void {
    const flush = () => this.flushAll();
    const onVisibility = () => target.document.visibilityState === 'hidden' && flush();
    target.addEventListener('beforeunload', flush);
    target.addEventListener('pagehide', flush);
    target.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      target.removeEventListener('beforeunload', flush);
      target.removeEventListener('pagehide', flush);
      target.document.removeEventListener('visibilitychange', onVisibility);
    };
  }
}
