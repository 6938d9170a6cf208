/**
 * A workspace's suggestion settings, `<workspace>/.pilcrow/suggest.json`: which suggesters are on
 * and each label's threshold (by label id, so a rename keeps it). Shared by the team through the folder like the label schema; until
 * someone changes a setting the file does not exist and the defaults apply. Saved with the
 * durable adapter; every change re-reads the file first so a teammate's edit is not lost.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { defaultSuggestSettings, type SuggestSettings } from '../../core/suggest/types';
import { PILCROW_DIR } from '../annotations/paths';
import { DurableJsonFile, makeFolders, SUGGEST_SETTINGS_LIMIT, type RecoveryReport } from '../storage';
import { nameRecordSchema } from '../../shared/name-record-schema';
import { nameRecord } from '../../shared/name-record';
import { sharedFileOptions } from '../workspace/gitignore';

const settingsFile = z.object({
  version: z.literal(1),
  enabled: nameRecordSchema(z.string().min(1).max(80), z.boolean()).default(() => nameRecord<boolean>()),
  thresholds: nameRecordSchema(z.string().min(1).max(48), z.number().min(0).max(1)).default(() => nameRecord<number>()),
  /** Added after version 1 shipped: optional, so files without it still load. */
  accept_all: z.number().min(0).max(1).optional(),
});

type SettingsFile = z.infer<typeof settingsFile>;

export interface SuggestSettingsChange {
  enabled?: Record<string, boolean> | undefined;
  thresholds?: Record<string, number> | undefined;
  acceptAll?: number | undefined;
}

export function suggestSettingsPath(root: string): string {
  return join(root, PILCROW_DIR, 'suggest.json');
}

export class SuggestSettingsStore {
  private readonly file: DurableJsonFile<SettingsFile>;

  constructor(
    readonly root: string,
    onRecover?: (report: RecoveryReport) => void,
  ) {
    this.file = new DurableJsonFile<SettingsFile>(suggestSettingsPath(root), {
      ...sharedFileOptions(root),
      limit: SUGGEST_SETTINGS_LIMIT,
      parse: (value) => settingsFile.parse(value),
      ...(onRecover ? { onRecover } : {}),
    });
  }

  /** The settings on disk now (defaults when there is no file). */
  async read(): Promise<SuggestSettings> {
    const data = await this.file.read();
    if (!data) return defaultSuggestSettings();
    const settings: SuggestSettings = { enabled: { ...data.enabled }, thresholds: { ...data.thresholds } };
    if (data.accept_all !== undefined) settings.acceptAll = data.accept_all;
    return settings;
  }

  /** Merges a change into the newest settings on disk and saves them durably. */
  async change(change: SuggestSettingsChange): Promise<SuggestSettings> {
    const base = await this.read();
    const next: SuggestSettings = {
      enabled: { ...base.enabled, ...change.enabled },
      thresholds: { ...base.thresholds, ...change.thresholds },
    };
    const acceptAll = change.acceptAll ?? base.acceptAll;
    if (acceptAll !== undefined) next.acceptAll = acceptAll;
    await makeFolders(this.root, join(this.root, PILCROW_DIR));
    await this.file.write({ version: 1, enabled: next.enabled, thresholds: next.thresholds, ...(acceptAll !== undefined ? { accept_all: acceptAll } : {}) });
    return next;
  }
}
