import { describe, expect, it } from 'vitest';
import { quitAfterRequestsEnd } from '../../../src-main/electron/quit';
import { Foreground } from '../../../src-main/node/app/foreground';

/** A stand-in for Electron's app: records quits and lets the test send `before-quit`. */
function fakeApp() {
  const listeners: ((event: { preventDefault(): void }) => void)[] = [];
  const app = {
    quits: 0,
    on: (_event: 'before-quit', listener: (event: { preventDefault(): void }) => void) => listeners.push(listener),
    quit: () => {
      app.quits += 1;
      app.beforeQuit();
    },
    /** Sends before-quit; true when a listener held the quit back. */
    beforeQuit: () => {
      let prevented = false;
      for (const l of listeners) l({ preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
  return app;
}

describe('quitting the app', () => {
  it('waits for a save in flight before giving the writer lock back, then quits', async () => {
    const app = fakeApp();
    const foreground = new Foreground();
    const events: string[] = [];
    let finishSave!: () => void;
    const save = foreground.run(() => new Promise<void>((resolve) => (finishSave = resolve)).then(() => void events.push('saved')));
    const closed = new Promise<void>((resolve) => quitAfterRequestsEnd(app, { foreground, close: () => (events.push('lock released'), resolve()) }));
    expect(app.beforeQuit()).toBe(true);
    expect(events).toEqual([]);
    finishSave();
    await save;
    await closed;
    expect(events).toEqual(['saved', 'lock released']);
    expect(app.quits).toBe(1);
  });

  it('quits at once when nothing is running, and does not hold the second quit back', async () => {
    const app = fakeApp();
    const closed = new Promise<void>((resolve) => quitAfterRequestsEnd(app, { foreground: new Foreground(), close: resolve }));
    expect(app.beforeQuit()).toBe(true);
    await closed;
    expect(app.quits).toBe(1);
    expect(app.beforeQuit()).toBe(false);
  });

  it('quits after its limit when a request never ends', async () => {
    const app = fakeApp();
    const foreground = new Foreground();
    void foreground.run(() => new Promise<void>(() => undefined));
    await new Promise<void>((resolve) => {
      quitAfterRequestsEnd(app, { foreground, close: resolve }, 5);
      app.beforeQuit();
    });
    expect(app.quits).toBe(1);
  });
});
