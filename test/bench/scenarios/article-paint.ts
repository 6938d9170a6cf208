/**
 * 2. Open a 2,000-paragraph article to first paint in Chromium (click in the list → its rows are
 * in the DOM → next frame), against the bare windowed list fetching and painting the same
 * paragraphs; and the 10,000-paragraph article against the 2,000 one. The app's article cache
 * is warm, as it is after the list loaded (the list reads every article). A long article comes as
 * a window around where the view opens, the rest after the paint (issue 8): first paint is its
 * first screen of rows with their text; when the whole article arrived is reported alone.
 */
import type { Page } from '@playwright/test';
import type { OpenTiming } from '../browser/probe';
import { appButton, appRows, appWhole, bareButton, bareRows, uiSession } from '../browser/ui-session';
import { compare, median, timeFigure } from '../stats';
import type { Scenario } from '../types';

const replies = new Map<string, number[]>();
const wholes = new Map<string, number[]>();

/**
 * Click → painted, in ms; also files click → reply under `key`, for the note, and click → the
 * whole article (when `whole` is given: the next run must not start while chunks still arrive).
 */
async function openTimed(page: Page, button: string, ready: string, key = '', whole = ''): Promise<number> {
  const t = (await page.evaluate(`window.__benchProbe.open(${JSON.stringify(button)}, ${JSON.stringify(ready)}, ${JSON.stringify(whole)})`)) as OpenTiming;
  if (key && t.reply !== null) replies.set(key, [...(replies.get(key) ?? []), t.reply]);
  if (key && t.whole !== null) wholes.set(key, [...(wholes.get(key) ?? []), t.whole]);
  return t.paint;
}

const replyNote = (key: string) => `click → reply ${median(replies.get(key) ?? [])?.toFixed(0) ?? '–'} ms`;

export const articlePaint: Scenario = {
  id: 'paint',
  title: 'open a long article to first paint',
  async run(ctx) {
    const ui = await uiSession(ctx);
    // Between runs each side goes back to a small view, so every run paints the long one anew.
    const openApp = async (path: string) => {
      await openTimed(ui.app.page, appButton(ui.start), appRows(ui.start));
      return openTimed(ui.app.page, appButton(path), appRows(path), `app ${path}`, appWhole(path));
    };
    const openBare = async (path: string) => {
      await openTimed(ui.bare, bareButton(''), '#list[data-path=""]');
      return openTimed(ui.bare, bareButton(path), bareRows(path), `bare ${path}`);
    };
    const runs2k = ctx.runs({ small: 3, full: 9 });
    const runs10k = ctx.runs({ small: 1, full: 5 });
    const p2k = await compare(runs2k, () => openApp(ui.long2k), () => openBare(ui.long2k));
    // The quick check opens the 10,000 one once, unwarmed: each open costs seconds here.
    const p10k = await compare(runs10k, () => openApp(ui.long10k), () => openBare(ui.long10k), ctx.scale === 'full');
    const bare10k = median(p10k.baseline);
    // The timed runs only (the warm-up opened each once before them).
    const whole = (path: string, runs: number) => (wholes.get(`app ${path}`) ?? []).slice(-runs);
    return [
      timeFigure('open 2,000-paragraph article → first paint', p2k.measured, p2k.baseline, { ratio: 1.5 }, {
        note: `baseline: same paragraphs over a binding into a bare windowed list; app ${replyNote(`app ${ui.long2k}`)}, bare ${replyNote(`bare ${ui.long2k}`)}`,
      }),
      timeFigure('open 10,000-paragraph article → first paint, vs the 2,000 one', p10k.measured, median(p2k.measured), { ratio: 1.2 }, {
        note: `baseline: the app's 2,000-paragraph median; app ${replyNote(`app ${ui.long10k}`)}; bare list: ${bare10k?.toFixed(0)} ms, ${replyNote(`bare ${ui.long10k}`)}`,
      }),
      // Report only: the rest comes after the paint; the bare list fetches everything before its paint.
      timeFigure('open 2,000-paragraph article → every paragraph arrived (after first paint)', whole(ui.long2k, runs2k), p2k.baseline, {}, { note: 'baseline: the bare list, which paints after fetching all of them' }),
      timeFigure('open 10,000-paragraph article → every paragraph arrived (after first paint)', whole(ui.long10k, runs10k), p10k.baseline, {}, { note: 'baseline: the bare list, which paints after fetching all of them' }),
    ];
  },
};
