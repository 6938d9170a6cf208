/**
 * Where the CLI keeps the learned model: the app's own user-data folder, so a model trained by
 * `pilcrow train` is the one the app uses, and the other way round. Electron's default
 * (app.getPath('userData') for an app named "pilcrow"): $XDG_CONFIG_HOME or ~/.config on Linux,
 * ~/Library/Application Support on macOS, %APPDATA% on Windows. `--user-data DIR` or
 * PILCROW_USER_DATA put it elsewhere (tests, a shared machine).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'pilcrow';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.PILCROW_USER_DATA) return env.PILCROW_USER_DATA;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}
