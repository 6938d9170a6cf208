/**
 * 3. Keystrokes on the open 2,000-paragraph article, pressed through Playwright's keyboard:
 * Digit1 (toggle "quote") → the row's data-labels changes → next frame, and J (next paragraph)
 * → data-focused changes → next frame, each against the bare windowed list; keydown → the
 * page's handlers done; keystroke → `labels.set` settled in Node (durable on disk); and a burst
 * at 30 keys/s, counting keys that never took effect.
 */
import type { Page } from '@playwright/test';
import type { BenchApp } from '../app-session';
import type { KeyTiming } from '../browser/probe';
import { appButton, appRows, bareButton, bareRows, uiSession } from '../browser/ui-session';
import { timeFigure } from '../stats';
import type { Figure, Scenario } from '../types';

/** Presses a key and times it to the attribute's change painted (browser/probe.ts). */
export async function press(page: Page, key: string, attr: string): Promise<KeyTiming> {
  await page.evaluate(`window.__benchProbe.armKey(${JSON.stringify(attr)})`);
  await page.keyboard.press(key);
  return (await page.evaluate('window.__benchProbe.keyResult()')) as KeyTiming;
}

/**
 * n × (Digit1 → painted and saved, J → painted), as scenario 3 presses them, each pair pressed only
 * once `while_` says the condition holds (it may start what should be running); 3 pairs warm up.
 * `pauseMs`: the editor reads that long (nothing sent) after `while_` and before each pair.
 */
export async function keyPairsWhile(app: BenchApp, n: number, while_: () => Promise<boolean>, pauseMs = 0): Promise<{ paint: number[]; durable: number[] }> {
  const paint: number[] = [];
  const durable: number[] = [];
  for (let i = -3; i < n; i++) {
    if (!(await while_())) {
      i -= 1;
      continue;
    }
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const saved = app.nextDispatch('labels.set');
    saved.catch(() => undefined);
    const pressed = performance.now();
    const t1 = await press(app.page, 'Digit1', 'data-labels');
    const record = await saved;
    if (!record.ok) throw new Error('labels.set failed during the keys');
    const tj = await press(app.page, 'KeyJ', 'data-focused');
    if (i < 0) continue;
    paint.push(t1.paint, tj.paint);
    durable.push(record.end - pressed);
  }
  return { paint, durable };
}

/** 15 × (Digit2, J) at 33 ms spacing; returns how many of the 30 keys did not take effect. */
async function burst(app: BenchApp): Promise<number> {
  const focused = async () => Number(await app.page.locator('[data-focused="true"]').first().getAttribute('data-paragraph-index'));
  const before = await focused();
  const saves = app.dispatched.filter((d) => d.channel === 'labels.set' && d.ok).length;
  const start = performance.now();
  for (let k = 0; k < 30; k++) {
    const due = start + k * 33;
    if (performance.now() < due) await new Promise((r) => setTimeout(r, due - performance.now()));
    await app.page.keyboard.press(k % 2 === 0 ? 'Digit2' : 'KeyJ');
  }
  // Settled: 15 more successful saves, or 5 s to get there.
  const deadline = performance.now() + 5000;
  const saved = () => app.dispatched.filter((d) => d.channel === 'labels.set' && d.ok).length - saves;
  while (saved() < 15 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await app.page.waitForTimeout(100);
  return 15 - Math.min(15, (await focused()) - before) + (15 - Math.min(15, saved()));
}

export const keystroke: Scenario = {
  id: 'keys',
  title: 'keystroke → label painted / saved on disk',
  async run(ctx) {
    const ui = await uiSession(ctx);
    const { app, bare } = ui;
    await app.page.locator(appButton(ui.long2k)).click();
    await app.page.locator(appRows(ui.long2k)).first().waitFor();
    await bare.locator(bareButton(ui.long2k)).click();
    await bare.locator(bareRows(ui.long2k)).first().waitFor();
    const n = ctx.runs({ small: 15, full: 40 });
    const app1: KeyTiming[] = [], appJ: KeyTiming[] = [], bare1: KeyTiming[] = [], bareJ: KeyTiming[] = [], durable: number[] = [];
    for (let i = -3; i < n; i++) {
      // Alternate app and bare keystrokes so both see the same machine state; i < 0 warms up.
      const saved = app.nextDispatch('labels.set');
      saved.catch(() => undefined); // awaited below; this only keeps an early throw from leaving it unhandled
      const pressed = performance.now();
      const t1 = await press(app.page, 'Digit1', 'data-labels');
      const record = await saved;
      if (!record.ok) throw new Error('labels.set failed during the keystroke run');
      const tj = await press(app.page, 'KeyJ', 'data-focused');
      const b1 = await press(bare, 'Digit1', 'data-labels');
      const bj = await press(bare, 'KeyJ', 'data-focused');
      if (i < 0) continue;
      app1.push(t1);
      appJ.push(tj);
      bare1.push(b1);
      bareJ.push(bj);
      durable.push(record.end - pressed);
    }
    const lost = await burst(app);
    const paint = (t: KeyTiming[]) => t.map((x) => x.paint);
    const handler = (t: KeyTiming[]) => t.map((x) => x.handler);
    const figures: Figure[] = [
      timeFigure('keystroke → handler done (Digit1, p95)', handler(app1), handler(bare1), { ms: 4 }, { judgeOn: 'p95', note: 'baseline: bare list handler' }),
      timeFigure('keystroke → label painted (Digit1, p95 vs bare p95)', paint(app1), paint(bare1), { ratio: 1.25 }, { judgeOn: 'p95', note: 'baseline: bare windowed list, same probe' }),
      timeFigure('keystroke → focus moved painted (J, p95 vs bare p95)', paint(appJ), paint(bareJ), { ratio: 1.25 }, { judgeOn: 'p95' }),
      timeFigure('keystroke → durable on disk (labels.set, p95)', durable, null, { ms: 50 }, { judgeOn: 'p95', note: 'Node: before keyboard.press → labels.set dispatch settled' }),
      { name: 'keys lost at 30 keys/s (15 × Digit2 + J)', value: lost, ratio: null, target: '0 lost', met: lost === 0 },
    ];
    return figures;
  },
};
