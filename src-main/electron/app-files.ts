/**
 * Where the app's own files are. Packaged, `app.getAppPath()` is `…/resources/app.asar`, and
 * electron-builder.yml unpacks resources/ and LICENSE beside it into `app.asar.unpacked`: the
 * sample workspace is copied with fs.cp, which Electron's asar layer does not support
 * (electron/electron#49012). From a checkout, the app path is the project folder itself.
 * No electron import here: unit tests and the package check run it in plain Node.
 */
import { join } from 'node:path';

/** The folder holding LICENSE and resources/ for the app at `appPath`. */
export function appFilesDir(appPath: string): string {
  return appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
}

/** A file or folder under resources/, e.g. `bundledResource(app.getAppPath(), 'sample-workspace')`. */
export function bundledResource(appPath: string, ...segments: string[]): string {
  return join(appFilesDir(appPath), 'resources', ...segments);
}
