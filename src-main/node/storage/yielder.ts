/** Slicing long synchronous work (stats, reads, listings) so the main process keeps serving the UI. */

/**
 * Lets the event loop serve others (every IPC of the UI) once `sliceMs` of work has passed
 * since it last did; cheaper than yielding after a fixed count when the work is quick.
 */
export function yielder(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
