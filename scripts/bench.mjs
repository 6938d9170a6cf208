// `npm run bench [-- --json FILE] [--scale small|full] [--only ids] [--no-build]`: a thin launcher.
// It builds the renderer into bench-results/out when the sources are newer than that build (the
// figures then describe the current source, and a build never swaps files under someone's e2e run
// in out/), then runs the TypeScript bench (test/bench/main.ts) through tsx. --expose-gc lets
// memory figures start from a collected heap; the second --import makes `./x` mean `./x.ts` before
// a folder `./x/`, as the app's bundler does. --no-build uses PILCROW_OUT (default out/) as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const env = { ...process.env };

/** Newest modification time under the folders the renderer is built from. */
function newestSource() {
  const dirs = ['src-renderer', 'src-main'].map((d) => join(root, d));
  const files = dirs.flatMap((d) => readdirSync(d, { recursive: true }).map((f) => join(d, String(f))));
  return Math.max(...[...files, join(root, 'package-lock.json'), join(root, 'electron.vite.config.ts')].map((f) => statSync(f).mtimeMs));
}

if (!process.argv.includes('--no-build')) {
  const out = 'bench-results/out';
  const built = join(root, out, 'renderer', 'index.html');
  const fresh = existsSync(built) && statSync(built).mtimeMs > newestSource();
  const build = fresh ? { status: 0 } : spawnSync('npx', ['electron-vite', 'build'], { cwd: root, env: { ...env, PILCROW_OUT: out }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (build.status === 0) env.PILCROW_OUT = out;
  else console.error(`${build.stderr}\nbench: building the renderer failed; using ${env.PILCROW_OUT ?? 'out'}/renderer as it is.`);
}
const rendererDir = join(root, env.PILCROW_OUT ?? 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.log(`bench: ${rendererDir} is missing; building it (npx electron-vite build)…`);
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const loader = pathToFileURL(join(root, 'test', 'bench', 'loader', 'register.mjs')).href;
const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', loader, join(root, 'test', 'bench', 'main.ts'), ...args], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
