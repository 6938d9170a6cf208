// `npm start`: build, then run the app in Electron — or say in one line how to get a binary.
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const binary = findElectronBinary();
if ('missing' in binary) {
  console.error(`pilcrow: cannot start the app: ${binary.missing}. Set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 binary, or run \`npx install-electron\` on a machine that can reach GitHub.`);
  process.exit(1);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(binary.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 0);
