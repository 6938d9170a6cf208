/** The About dialog: version, runtime, where settings and the log are, and the licences' full text. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlerTable } from '../../../shared/ipc';
import type { AboutInfo } from '../../../shared/views';
import { settingsFilePath } from '../../settings/settings';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

/** The licences shipped with the app (electron-builder.yml puts these files in every package). */
export const LICENSE_FILES = [
  { name: 'Pilcrow', license: 'MIT License', file: 'LICENSE' },
  { name: 'Vazirmatn font', license: 'SIL Open Font License 1.1', file: join('resources', 'licenses', 'vazirmatn-OFL.txt') },
] as const;

export function aboutHandlers({ session, version, about }: HandlerContext): Pick<HandlerTable, 'app.about'> {
  return {
    'app.about': async (): Promise<AboutInfo> => {
      if (!about) throw new PilcrowError('about-unavailable', { code: 'about-unavailable' });
      const licenses = await Promise.all(
        LICENSE_FILES.map(async ({ name, license, file }) => {
          const path = join(about.appFilesDir, file);
          const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new PilcrowError('missing-license', { code: 'missing-license', name, license, path, reason: error.code ?? error.message });
          });
          return { name, license, text };
        }),
      );
      const userDataDir = session.options.userDataDir;
      return { version, runtime: about.runtime, settingsFile: settingsFilePath(userDataDir), userDataDir, logFile: about.logFile, licenses };
    },
  };
}
