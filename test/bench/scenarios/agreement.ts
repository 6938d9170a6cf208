/**
 * 5. Agreement for the three annotators over every paragraph of the workspace.
 * a) `computeAgreement` on the item list built from layers already in memory, against building
 *    that item list alone (the one pass any agreement must make);
 * b) the `review.agreement` handler end to end, against a bare readFile + JSON.parse of the same
 *    layer files and the same item pass: its first call after opening (reads and checks every
 *    layer file), later calls with nothing changed (the report is reused), and calls after one
 *    teammate's layer file changed (that file read again, the report computed again; what the
 *    watcher on .pilcrow/annotations does is done here directly: review/agreement-cache.ts).
 * The target is absolute: ≤ 1 s (and off the UI thread, which the handler is).
 */
import { readFile } from 'node:fs/promises';
import { computeAgreement, type AgreementItem } from '../../../src-main/core/agreement';
import { decisionOf, type DecisionLayer } from '../../../src-main/core/decisions';
import { dispatch } from '../../../src-main/node/app/dispatch';
import { agreementCacheOf } from '../../../src-main/node/review/agreement-cache';
import { annotationFilePath } from '../../../src-main/node/annotations/paths';
import type { LoadedArticle } from '../../../src-main/node/workspace/read-article';
import { DEFAULT_LABELS } from '../../../src-main/shared/labels';
import { loadLayers } from '../shared-data';
import { compare, timeFigure } from '../stats';
import type { Scenario } from '../types';

/** The app's decision model (core/decisions): a done article's untouched paragraphs count as none. */
function buildItems(articles: readonly LoadedArticle[], annotators: readonly string[], layerOf: (path: string, annotator: string) => DecisionLayer | undefined): AgreementItem[] {
  const items: AgreementItem[] = [];
  for (const article of articles) {
    const layers = annotators.map((a) => layerOf(article.path, a));
    for (const p of article.paragraphs) {
      const decisions: Record<string, readonly string[] | undefined> = {};
      annotators.forEach((annotator, i) => (decisions[annotator] = decisionOf(layers[i], p.id)));
      items.push({ id: p.id, article: article.path, decisions });
    }
  }
  return items;
}

export const agreement: Scenario = {
  id: 'agreement',
  title: 'agreement, three annotators, all paragraphs',
  async run(ctx) {
    const loaded = await ctx.loaded();
    const { articles, annotators, table, workspace } = loaded;
    const layers = await loadLayers(loaded);
    const labels = DEFAULT_LABELS.map((l) => l.name);
    const inMemory = (path: string, annotator: string) => layers.get(path)?.get(annotator);
    let items = 0;
    const core = await compare(
      ctx.runs({ small: 5, full: 5 }),
      async () => void (items = computeAgreement({ annotators, labels, items: buildItems(articles, annotators, inMemory) }).items),
      async () => void buildItems(articles, annotators, inMemory),
    );
    const bareFromDisk = async () => {
      const parsed = new Map<string, DecisionLayer>();
      await Promise.all(
        articles.flatMap((a) =>
          annotators.map(async (annotator) => {
            const text = await readFile(annotationFilePath(workspace.root, annotator, a.path), 'utf8').catch(() => null);
            if (text !== null) parsed.set(`${annotator}\n${a.path}`, JSON.parse(text) as DecisionLayer);
          }),
        ),
      );
      buildItems(articles, annotators, (path, annotator) => parsed.get(`${annotator}\n${path}`));
    };
    const handler = async () => {
      const envelope = await dispatch(table, 'review.agreement', { annotators });
      if (!envelope.ok) throw new Error(`review.agreement failed: ${envelope.error.message}`);
    };
    const first = await compare(1, handler, bareFromDisk, false);
    const later = await compare(ctx.runs({ small: 3, full: 5 }), handler, bareFromDisk);
    const teammate = annotators.find((a) => a !== loaded.session.annotator) ?? annotators[0] ?? '';
    let changed = 0;
    const afterChange = await compare(
      ctx.runs({ small: 3, full: 3 }),
      async () => {
        const article = articles[(changed += 97) % articles.length];
        agreementCacheOf(loaded.session).forget(teammate, article?.path);
        const start = performance.now();
        await handler();
        return performance.now() - start;
      },
      bareFromDisk,
    );
    ctx.log(`  ${items} items decided by ≥ 2 of ${annotators.join(', ')}`);
    return [
      timeFigure(`agreement: computeAgreement (${items} items)`, core.measured, core.baseline, { ms: 1000 }, { note: 'baseline: building the item list only (layers in memory)' }),
      timeFigure('agreement: review.agreement, first call after opening', first.measured, first.baseline, { ms: 1000 }, { note: 'baseline: readFile + JSON.parse of the layers + the item pass' }),
      timeFigure('agreement: review.agreement, later calls (nothing changed)', later.measured, later.baseline, { ms: 1000 }, { note: 'the report is reused' }),
      timeFigure(`agreement: review.agreement after one ${teammate} layer file changed`, afterChange.measured, afterChange.baseline, { ms: 1000 }, { note: 'that file read again, the report computed again' }),
    ];
  },
};
