/**
 * 15. Keys while a hostile article is read (issue 21): the keystroke figures of scenario 3 while
 * the app suggests an article made to be slow to suggest (100 paragraphs just under the cue limit,
 * thick with quotation marks, numbers and verbs of saying, and one paragraph of 1,000,000 “ over
 * it), against the same keys with nothing else running. The suggestions are read in the
 * suggester's worker thread, so the keys should not notice. Runs last: it adds the article to the
 * UI workspace, which the scenarios before it should not see.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CUE_LIMIT } from '../../../src-main/core/suggest/cue-limit';
import { articleIdFor } from '../../../src-main/node/workspace/article-id';
import { appButton, appRows, uiSession } from '../browser/ui-session';
import { median, timeFigure } from '../stats';
import type { Scenario } from '../types';
import { keyPairsWhile } from './keystroke';

const HOSTILE = 'hostile/slow-to-suggest.txt';

function hostileText(): string {
  const sentence = 'وزیر گفت: «قیمت‌ها ۲۵ درصد بیشتر از سال گذشته شد» و به گفته او ۱۲۰۰ خانوار در تهران منتظرند. ';
  const heavy = sentence.repeat(Math.floor((CUE_LIMIT - 100) / sentence.length));
  return ['عنوان خبر', ...Array.from({ length: 100 }, () => heavy), '“'.repeat(1_000_000)].join('\n\n');
}

/** The page asks for the hostile article's suggestions unless an ask is still unanswered; true once one is in flight. */
const ASK = `(() => {
  if (window.__hostileAsk) return true;
  window.__hostileAsks = (window.__hostileAsks ?? 0) + 1;
  window.__hostileAsk = window.pilcrow.invoke('suggest.article', { articleId: ARTICLE }).finally(() => { window.__hostileAsk = null; });
  return true;
})()`;

export const hostileKeys: Scenario = {
  id: 'hostile-keys',
  title: 'keys while a hostile article is read: keystroke → painted / saved, with its suggestions being computed',
  async run(ctx) {
    const ui = await uiSession(ctx);
    const { app } = ui;
    await mkdir(join(ui.root, 'hostile'), { recursive: true });
    await writeFile(join(ui.root, HOSTILE), hostileText());
    // The file watcher brings it into the list; its first reading is not what is measured.
    await app.page.locator(appButton(HOSTILE)).waitFor({ timeout: 60_000 });
    const ask = ASK.replace('ARTICLE', JSON.stringify(articleIdFor(HOSTILE)));
    const warm = performance.now();
    await app.page.evaluate(`${ask} && window.__hostileAsk`);
    ctx.log(`  the hostile article's suggestions took ${Math.round(performance.now() - warm)} ms (first ask: reading, indexing and the cues)`);
    await app.page.locator(appButton(ui.long2k)).click();
    await app.page.locator(appRows(ui.long2k)).first().waitFor();
    const n = ctx.runs({ small: 15, full: 40 });
    const quiet = await keyPairsWhile(app, n, async () => (await app.page.evaluate('!window.__hostileAsk')) as boolean);
    const busy = await keyPairsWhile(app, n, async () => (await app.page.evaluate(ask)) as boolean);
    const asks = (await app.page.evaluate('window.__hostileAsks')) as number;
    await app.page.evaluate('window.__hostileAsk');
    ctx.log(`  ${asks - 1} asks for the hostile article's suggestions during ${busy.paint.length / 2} key pairs; median paint quiet ${median(quiet.paint)?.toFixed(1)} ms, hostile ${median(busy.paint)?.toFixed(1)} ms`);
    return [
      timeFigure('keys while a hostile article is suggested: label/focus painted (p95 vs quiet p95)', busy.paint, quiet.paint, { ratio: 1.25 }, { judgeOn: 'p95', note: 'same keys, same session, nothing else asked' }),
      timeFigure('keys while a hostile article is suggested: durable on disk (labels.set, p95 vs quiet p95)', busy.durable, quiet.durable, { ratio: 1.25 }, { judgeOn: 'p95' }),
    ];
  },
};
