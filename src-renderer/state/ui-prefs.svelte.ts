/**
 * Language and theme: applied to the document (lang, dir, data-theme) and saved in the app's
 * settings. Persian mirrors the whole shell through `dir="rtl"` and logical CSS.
 */
import type { UiSettings } from '../../src-main/shared/views';
import { call } from '../bridge/api';
import { messageOf } from '../bridge/message-of';
import { i18n } from '../i18n/i18n.svelte';

export class UiPrefs {
  language = $state<UiSettings['language']>('en');
  theme = $state<UiSettings['theme']>('system');
  error = $state<string | null>(null);

  use(settings: UiSettings): void {
    this.language = settings.language;
    this.theme = settings.theme;
    this.apply();
  }

  async set(change: Partial<UiSettings>): Promise<void> {
    try {
      this.use(await call('settings.setUi', change));
      this.error = null;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private apply(): void {
    i18n.locale = this.language;
    const root = document.documentElement;
    root.lang = this.language;
    root.dir = i18n.dir;
    root.dataset.theme = this.theme;
  }
}
