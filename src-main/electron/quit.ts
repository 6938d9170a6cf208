/**
 * Quitting waits for the requests main is still answering: a label key pressed just before the
 * window closed arrives as a request, and its save must finish (durably) before the writer lock
 * is given back and the process exits. Electron does not wait for promises on its own, so the
 * first `before-quit` is held back, and the quit is asked for again once main is idle — or after
 * `limitMs`, so a request that never ends cannot keep the app from quitting.
 */
interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

interface DrainableSession {
  foreground: { idle(): Promise<void> };
  close(): void;
}

export function quitAfterRequestsEnd(app: QuittingApp, session: DrainableSession, limitMs = 10_000): void {
  let drained = false;
  app.on('before-quit', (event) => {
    if (drained) return;
    event.preventDefault();
    drained = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
    void Promise.race([session.foreground.idle(), limit]).then(() => {
      clearTimeout(timer);
      session.close();
      app.quit();
    });
  });
}
