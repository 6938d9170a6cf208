// `npm run dist [-- --linux | --mac | --win …]`: the installers, after `npm run build`, with
// electron-builder and electron-builder.yml. Says first what will be signed and what will not
// (scripts/signing.mjs), names unsigned installers …-unsigned, then runs electron-builder.
// It downloads Electron and its packaging tools from GitHub: run it where that is reachable
// (the CI runners of .github/workflows/release.yml); on our machines use npm run package:check.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIGNING_VARIABLES, platformsOf, signingPlan } from './signing.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = { ...process.env };
// An unset CI secret arrives as '': electron-builder would take it for a certificate path.
for (const name of SIGNING_VARIABLES) if (env[name] !== undefined && env[name].trim() === '') delete env[name];

const plan = signingPlan(env, platformsOf(args));
const overrides = [];
for (const step of plan) {
  console.log(`dist: ${step.summary}`);
  for (const [key, value] of Object.entries(step.config)) overrides.push(`-c.${key}=${value}`);
  Object.assign(env, step.env ?? {});
}
const run = spawnSync('npx', ['electron-builder', ...args, ...overrides], { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
