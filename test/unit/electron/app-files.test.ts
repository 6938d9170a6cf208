/** Where main finds LICENSE and resources/: beside app.asar when packaged, the checkout otherwise. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFilesDir, bundledResource } from '../../../src-main/electron/app-files';

describe('app files', () => {
  it('packaged: resources come from app.asar.unpacked, where fs.cp can copy them', () => {
    const appPath = join('/opt', 'Pilcrow', 'resources', 'app.asar');
    expect(appFilesDir(appPath)).toBe(join('/opt', 'Pilcrow', 'resources', 'app.asar.unpacked'));
    expect(bundledResource(appPath, 'sample-workspace')).toBe(join('/opt', 'Pilcrow', 'resources', 'app.asar.unpacked', 'resources', 'sample-workspace'));
  });

  it('from a checkout: the project folder itself', () => {
    expect(appFilesDir('/home/me/pilcrow')).toBe('/home/me/pilcrow');
    expect(bundledResource('/home/me/pilcrow', 'licenses', 'vazirmatn-OFL.txt')).toBe(join('/home/me/pilcrow', 'resources', 'licenses', 'vazirmatn-OFL.txt'));
  });
});
