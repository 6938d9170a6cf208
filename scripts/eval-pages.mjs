// `npm run eval:pages [-- DIR] [--markdown]`: a thin launcher for test/eval/pages.ts through tsx
// (as scripts/bench.mjs does for the bench). The loader makes `./x` mean `./x.ts` before a
// folder `./x/`, as the app's bundler does.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const loader = pathToFileURL(join(root, 'test', 'bench', 'loader', 'register.mjs')).href;
const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', loader, join(root, 'test', 'eval', 'pages.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
