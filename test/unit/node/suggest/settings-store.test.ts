import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryReport } from '../../../../src-main/node/storage';
import { SuggestSettingsStore, suggestSettingsPath } from '../../../../src-main/node/suggest/settings-store';
import { tempDir } from '../temp';

describe('suggestion settings (.pilcrow/suggest.json)', () => {
  it('writes nothing until a setting changes, then merges each change into what is on disk', async () => {
    const root = await tempDir('suggest-settings');
    const store = new SuggestSettingsStore(root);
    expect(await store.read()).toEqual({ enabled: {}, thresholds: {} });
    await expect(readFile(suggestSettingsPath(root))).rejects.toThrow(/ENOENT/);
    await store.change({ thresholds: { claim: 0.7 } });
    // A teammate's app (another store on the same folder) changes another setting meanwhile.
    await new SuggestSettingsStore(root).change({ enabled: { 'ad-cues': false } });
    expect(await store.change({ thresholds: { quote: 0.6 } })).toEqual({ enabled: { 'ad-cues': false }, thresholds: { claim: 0.7, quote: 0.6 } });
    expect(JSON.parse(await readFile(suggestSettingsPath(root), 'utf8'))).toEqual({ version: 1, enabled: { 'ad-cues': false }, thresholds: { claim: 0.7, quote: 0.6 } });
  });

  it('quarantines a damaged file, says so, and falls back to the defaults', async () => {
    const root = await tempDir('suggest-settings');
    await mkdir(join(root, '.pilcrow'), { recursive: true });
    await writeFile(suggestSettingsPath(root), '{"version": 1, "thresholds": {"claim": 7}}');
    const reports: RecoveryReport[] = [];
    const store = new SuggestSettingsStore(root, (r) => reports.push(r));
    expect(await store.read()).toEqual({ enabled: {}, thresholds: {} });
    expect(reports).toHaveLength(1);
    expect(await readdir(join(root, '.pilcrow', 'quarantine'))).toHaveLength(1);
  });
});
