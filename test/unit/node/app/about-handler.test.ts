/** app.about: what the About dialog shows, read from the app's real files through the handler table. */
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable, type AboutSource } from '../../../../src-main/node/app/handlers';
import { Session } from '../../../../src-main/node/app/session';
import type { AboutInfo } from '../../../../src-main/shared/views';
import { SAMPLE_WORKSPACE, tempDir } from '../temp';

const ROOT = resolve(import.meta.dirname, '../../../..');
const runtime = { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0' };

async function aboutOf(about: AboutSource | undefined) {
  const userData = await tempDir('about');
  const session = await Session.create({ userDataDir: userData, sampleWorkspaceDir: SAMPLE_WORKSPACE });
  const table = createHandlerTable(session, { pickFolder: async () => null, pickSaveFile: async () => null }, '1.2.3', () => {}, about);
  try {
    return { userData, envelope: await dispatch(table, 'app.about', {}) };
  } finally {
    // The session reads the sample workspace in the background (user data included): stopped
    // here, it cannot still be writing there when the temp folders are removed after the file.
    session.close();
  }
}

describe('app.about', () => {
  it('gives the version, runtime, settings file, log file and the full text of both licences the app ships', async () => {
    const { userData, envelope } = await aboutOf({ appFilesDir: ROOT, logFile: '/logs/main.log', runtime });
    expect(envelope.ok).toBe(true);
    const info = (envelope as { result: AboutInfo }).result;
    expect(info).toMatchObject({ version: '1.2.3', runtime, settingsFile: join(userData, 'settings.json'), userDataDir: userData, logFile: '/logs/main.log' });
    expect(info.licenses.map((l) => [l.name, l.license])).toEqual([
      ['Pilcrow', 'MIT License'],
      ['Vazirmatn font', 'SIL Open Font License 1.1'],
    ]);
    expect(info.licenses[0]!.text).toBe(await readFile(join(ROOT, 'LICENSE'), 'utf8'));
    expect(info.licenses[1]!.text).toBe(await readFile(join(ROOT, 'resources/licenses/vazirmatn-OFL.txt'), 'utf8'));
  });

  it('names the licence file it could not read, and what to do', async () => {
    const appFiles = await tempDir('app-files');
    await cp(join(ROOT, 'LICENSE'), join(appFiles, 'LICENSE'));
    await mkdir(join(appFiles, 'resources'), { recursive: true });
    const { envelope } = await aboutOf({ appFilesDir: appFiles, logFile: null, runtime });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'missing-license' } });
    const message = (envelope as { error: { message: string } }).error.message;
    expect(message).toContain(join(appFiles, 'resources', 'licenses', 'vazirmatn-OFL.txt'));
    expect(message).toContain('reinstall Pilcrow');
  });

  it('says so when the window was started without the app’s files', async () => {
    const { envelope } = await aboutOf(undefined);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'about-unavailable' } });
  });
});
