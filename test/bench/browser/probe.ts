/**
 * In-page timing, identical for the app and the bare baseline page. Plain JS in a string: it
 * is evaluated in the page, and a TS loader's helpers must not leak into it.
 *
 * open(button, ready, whole): click → `ready` matches → the next animation frame (the frame that
 * paints it); also when the last reply of the page's binding (the app's IPC) before that paint
 * arrived, to tell transport and main-process time from the renderer's own; and, given `whole`,
 * click → `whole` matches (a long article's last chunk arrived, after the paint).
 * armKey(attr) / keyResult(): keydown (capture, first listener) → `attr` changes on any element →
 * next frame; plus keydown → the end of the page's own keydown handlers (a bubbling listener
 * added after the app's runs after it).
 */
export const PROBE = `(() => {
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  // A wait that never ends would hang the whole bench: give up after a minute, loudly.
  const giveUp = (what, reject) => setTimeout(() => reject(new Error('bench probe: no ' + what + ' within 60 s')), 60000);
  const until = (test) => new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = giveUp('match', reject);
    const obs = new MutationObserver(() => { if (test()) { obs.disconnect(); clearTimeout(timer); resolve(); } });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  let pendingKey = null;
  let lastReply = 0;
  for (const name of ['__pilcrowInvoke', '__benchParagraphs']) {
    const call = window[name];
    if (typeof call === 'function') window[name] = async (...args) => { const r = await call(...args); lastReply = performance.now(); return r; };
  }
  window.__benchProbe = {
    async open(button, ready, whole) {
      await until(() => document.querySelector(button)?.disabled === false);
      const start = performance.now();
      lastReply = 0;
      document.querySelector(button).click();
      await until(() => document.querySelector(ready) !== null);
      const painted = await nextFrame();
      const reply = lastReply ? lastReply - start : null;
      if (whole) await until(() => document.querySelector(whole) !== null);
      return { paint: painted - start, reply, whole: whole ? performance.now() - start : null };
    },
    armKey(attr) {
      let start = 0, handled = 0;
      window.addEventListener('keydown', () => { start = performance.now(); }, { capture: true, once: true });
      window.addEventListener('keydown', () => { handled = performance.now(); }, { once: true });
      pendingKey = new Promise((resolve, reject) => {
        const timer = giveUp(attr + ' change', reject);
        const obs = new MutationObserver((records) => {
          if (!records.some((r) => r.attributeName === attr)) return;
          obs.disconnect();
          clearTimeout(timer);
          nextFrame().then((t) => resolve({ paint: t - start, handler: handled - start }));
        });
        obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: [attr] });
      });
    },
    keyResult() { return pendingKey; },
  };
})();`;

export interface OpenTiming {
  paint: number;
  /** Click → the last binding reply before the paint arrived (null when there was none). */
  reply: number | null;
  /** Click → the whole article arrived (null when not asked). */
  whole: number | null;
}

export interface KeyTiming {
  paint: number;
  handler: number;
}
