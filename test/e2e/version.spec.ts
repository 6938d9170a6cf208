import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { APP_VERSION } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');

// The installed app's `pilcrow --version` is checked on the packaged main by npm run package:check.
test('the built `pilcrow` command prints package.json’s version', () => {
  test.skip(test.info().project.name !== 'chromium', 'no window involved: once is enough');
  const run = spawnSync(process.execPath, [resolve(ROOT, 'bin/pilcrow.js'), '--version'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(`${APP_VERSION}\n`);
  expect(run.status).toBe(0);
});
