/**
 * App settings, kept in the app's user-data folder (never in a workspace): who the annotator
 * is, which workspaces were opened, the UI language and theme. Saved with the same durable
 * adapter as labels. Fields added after version 1 have defaults, so older files still read.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { APP_SETTINGS_LIMIT, DurableJsonFile, type RecoveryReport } from '../storage';
import type { UiSettings } from '../../shared/views';

const MAX_RECENT = 10;

const settingsSchema = z.object({
  version: z.literal(1),
  annotator: z.string().nullable(),
  recent: z.array(z.string()),
  language: z.enum(['en', 'fa']).default('en'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The app's settings file inside the user data folder. */
export function settingsFilePath(userDataDir: string): string {
  return join(userDataDir, 'settings.json');
}

export class SettingsStore {
  private constructor(private readonly db: Low<Settings>) {}

  static async open(userDataDir: string, onRecover?: (report: RecoveryReport) => void): Promise<SettingsStore> {
    await mkdir(userDataDir, { recursive: true });
    const adapter = new DurableJsonFile<Settings>(settingsFilePath(userDataDir), {
      root: userDataDir,
      limit: APP_SETTINGS_LIMIT,
      parse: (value) => settingsSchema.parse(value),
      quarantineDir: join(userDataDir, 'quarantine'),
      // This machine's own file, never merged with a teammate's: conflict markers are damage here.
      shared: false,
      ...(onRecover ? { onRecover } : {}),
    });
    const db = new Low<Settings>(adapter, { version: 1, annotator: null, recent: [], language: 'en', theme: 'system' });
    await db.read();
    return new SettingsStore(db);
  }

  get data(): Readonly<Settings> {
    return this.db.data;
  }

  async setAnnotator(name: string): Promise<void> {
    await this.db.update((s) => {
      s.annotator = name;
    });
  }

  get ui(): UiSettings {
    return { language: this.db.data.language, theme: this.db.data.theme };
  }

  async setUi(change: Partial<UiSettings>): Promise<UiSettings> {
    await this.db.update((s) => {
      if (change.language) s.language = change.language;
      if (change.theme) s.theme = change.theme;
    });
    return this.ui;
  }

  /** Moves a workspace to the top of the recent list. */
  async rememberWorkspace(root: string): Promise<void> {
    await this.db.update((s) => {
      s.recent = [root, ...s.recent.filter((r) => r !== root)].slice(0, MAX_RECENT);
    });
  }
}
