// CPU hogs for `npm run test:e2e:stress`: one busy loop per core, each in its own child process.
// A hog stops itself after `maxMs`, or as soon as the process that started it is gone (even one
// killed with SIGKILL, which runs no cleanup), so no hog outlives the stress run.
import { spawn } from 'node:child_process';

/** The loop each hog runs: spin; every ~million turns, check the deadline and the parent. */
const HOG = `
const end = Date.now() + Number(process.argv[1]);
const parent = Number(process.argv[2]);
for (let turn = 1; ; turn++) {
  if (turn % 1_000_000 === 0 && (Date.now() > end || process.ppid !== parent)) process.exit(0);
}
`;

/**
 * Starts `count` hogs. `stop()` kills every hog still running and resolves once all have exited
 * (idempotent); `stopNow()` kills them synchronously (for an 'exit' handler); `done` resolves
 * once every hog has exited, however.
 */
export function startHogs(count, maxMs) {
  const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', HOG, String(maxMs), String(process.pid)], { stdio: 'ignore' }));
  const exited = hogs.map((hog) => (hog.exitCode !== null || hog.signalCode !== null ? Promise.resolve() : new Promise((resolve) => hog.once('exit', resolve))));
  const stopNow = () => {
    for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
  };
  const done = Promise.all(exited).then(() => undefined);
  return {
    pids: hogs.map((hog) => hog.pid),
    done,
    stopNow,
    stop: async () => {
      stopNow();
      await done;
    },
  };
}
