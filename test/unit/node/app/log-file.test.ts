/** main.log: main's warnings and errors, kept in the logs folder without ever stopping the app. */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLogFile, teeConsoleTo } from '../../../../src-main/node/app/log-file';
import { tempDir } from '../temp';

describe('main.log', () => {
  const { warn, error } = console;
  afterEach(() => void Object.assign(console, { warn, error }));

  it('creates its folder and appends timestamped lines, indenting the lines of a multi-line message', async () => {
    const file = join(await tempDir('log'), 'logs', 'main.log');
    const write = openLogFile(file);
    write('info', 'started');
    write('error', 'first line\nsecond line');
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info started$/);
    expect(lines[1]).toMatch(/Z error first line$/);
    expect(lines[2]).toBe('    second line');
  });

  it('console.warn and console.error still print and also go to the log, formatted as the console formats them', async () => {
    const file = join(await tempDir('log'), 'main.log');
    const printed: unknown[][] = [];
    console.warn = (...args: unknown[]) => void printed.push(args);
    console.error = (...args: unknown[]) => void printed.push(args);
    teeConsoleTo(openLogFile(file));
    console.warn('pilcrow: %s failed', 'counting', { files: 3 });
    console.error(new Error('disk full'));
    expect(printed).toHaveLength(2);
    const log = await readFile(file, 'utf8');
    expect(log).toMatch(/warn pilcrow: counting failed \{ files: 3 \}\n/);
    expect(log).toMatch(/error Error: disk full\n {4,}at /);
  });

  it('keeps one old generation once the log has grown past its limit', async () => {
    const dir = await tempDir('log');
    const file = join(dir, 'main.log');
    await writeFile(file, 'x'.repeat(200));
    openLogFile(file, 100)('info', 'fresh');
    expect(await readFile(join(dir, 'main.old.log'), 'utf8')).toBe('x'.repeat(200));
    expect(await readFile(file, 'utf8')).toMatch(/info fresh\n$/);
  });

  it('a log it cannot write is skipped without an error', async () => {
    const dir = join(await tempDir('log'), 'locked');
    await mkdir(dir);
    await chmod(dir, 0o500);
    try {
      // Root ignores folder permissions: a log path under a regular file cannot be created by anyone.
      await writeFile(join(dir, '..', 'not-a-folder'), '');
      const write = openLogFile(join(dir, '..', 'not-a-folder', 'main.log'));
      expect(() => write('error', 'nowhere to go')).not.toThrow();
    } finally {
      await chmod(dir, 0o700);
    }
  });
});
