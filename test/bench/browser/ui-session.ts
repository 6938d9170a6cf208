/**
 * What the UI scenarios (2 and 3) share: a small folder holding one ordinary article (opened at
 * start and between runs) and the first 2,000- and 10,000-paragraph articles with annotator
 * sara's layers; the app running on it; and the bare baseline page. Kept apart from the
 * 10k-article workspace so that launching costs a second, not the list load scenario 1 measures.
 */
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { articleIdFor } from '../../../src-main/node/workspace/article-id';
import { sharedChromium } from '../../support/chromium-app';
import { launchBenchApp, type BenchApp } from '../app-session';
import type { BenchContext } from '../types';
import { openBaselinePage } from './baseline-page';
import { PROBE } from './probe';

export interface UiSession {
  root: string;
  start: string;
  long2k: string;
  long10k: string;
  app: BenchApp;
  bare: Page;
}

let session: Promise<UiSession> | null = null;

async function firstArticle(root: string): Promise<string> {
  let path = '';
  for (let depth = 0; depth < 4; depth++) {
    const names = (await readdir(join(root, path))).filter((n) => !n.startsWith('.') && n !== 'long').sort();
    path = path ? `${path}/${names[0]}` : (names[0] ?? '');
  }
  return path;
}

export function uiSession(ctx: BenchContext): Promise<UiSession> {
  session ??= (async () => {
    const source = ctx.workspace.root;
    const root = join(ctx.scratch, 'ui-workspace');
    const find = (n: number) => ctx.workspace.long.find((l) => l.paragraphs === n)?.path ?? '';
    const [start, long2k, long10k] = [await firstArticle(source), find(2000), find(10_000)];
    for (const path of [start, long2k, long10k]) {
      await cp(join(source, path), join(root, path));
      const layer = join('.pilcrow', 'annotations', 'sara', `${path}.json`);
      await cp(join(source, layer), join(root, layer)).catch(() => undefined); // sara may not have labelled the start article
    }
    const app = await launchBenchApp({ workspace: root, userData: join(ctx.scratch, 'user-data-ui'), annotator: 'sara', learn: true });
    const bare = await openBaselinePage(await sharedChromium(), root, [long2k, long10k]);
    ctx.defer(async () => {
      await bare.context().close();
      await app.close();
    });
    await app.page.evaluate(PROBE);
    await app.page.locator(appRows(start)).first().waitFor();
    await ctx.memory.watchRenderer(app.page);
    return { root, start, long2k, long10k, app, bare };
  })();
  return session;
}

/** Selectors the probe waits on: the list button of an article and its painted rows. */
export const appButton = (path: string) => `[data-article-path="${path}"]`;
/** Rows with their text (a long article's placeholders are not rows yet). */
export const appRows = (path: string) => `section.annotate[data-article-id="${articleIdFor(path)}"] [data-paragraph-index]`;
/** The open article once every paragraph arrived (a long one comes as a window first). */
export const appWhole = (path: string) => `section.annotate[data-article-id="${articleIdFor(path)}"][data-complete="true"]`;
export const bareButton = (path: string) => `[data-open="${path}"]`;
export const bareRows = (path: string) => `#list[data-path="${path}"] .row`;
