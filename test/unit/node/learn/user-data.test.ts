import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../../../src-main/node/learn/user-data';

describe("where the CLI keeps the learned model: the app's own user data", () => {
  it("uses Electron's default folder for an app named pilcrow on each platform", () => {
    expect(defaultUserDataDir({}, 'linux', '/home/sara')).toBe(join('/home/sara', '.config', 'pilcrow'));
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/sara')).toBe(join('/xdg', 'pilcrow'));
    expect(defaultUserDataDir({}, 'darwin', '/Users/sara')).toBe(join('/Users/sara', 'Library', 'Application Support', 'pilcrow'));
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\sara\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sara')).toBe(join('C:\\Users\\sara\\AppData\\Roaming', 'pilcrow'));
  });

  it('goes where PILCROW_USER_DATA says', () => {
    expect(defaultUserDataDir({ PILCROW_USER_DATA: '/tmp/ud' }, 'linux', '/home/sara')).toBe('/tmp/ud');
  });
});
