/** In-memory workspaces for the learned suggester's tests: articles, layers, and the site generator's text. */
import type { DecisionLayer } from '../../../../src-main/core/decisions';
import type { LearnInput } from '../../../../src-main/core/learn/dataset';
import type { FeatureArticle } from '../../../../src-main/core/learn/features';
import type { ArticleLayers } from '../../../../src-main/core/learn/targets';
import { Prng } from '../../../bench/generator/prng';
import { LABELS_OF_KIND, siteArticle, type SiteKind } from '../../../bench/generator/site-text';
import { article } from '../suggest/helpers';

export const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];

/** A layer deciding every paragraph of `a` as `labelsOf(index)` (done). */
export function layerOf(a: FeatureArticle, labelsOf: (index: number) => readonly string[] | undefined, status: 'done' | 'in_progress' = 'in_progress'): DecisionLayer {
  const paragraphs: Record<string, { labels: readonly string[] }> = {};
  a.paragraphs.forEach((p, i) => {
    const labels = labelsOf(i);
    if (labels) paragraphs[p.id] = { labels };
  });
  return { status, paragraphs };
}

export interface SiteInMemory {
  articles: FeatureArticle[];
  kinds: SiteKind[][];
  /** The labels each paragraph should get, by article. */
  truth: string[][][];
}

/** `count` articles of the generated news site (test/bench/generator/site-text.ts), one paragraph a line. */
export function siteInMemory(count: number, seed = 1403): SiteInMemory {
  const rng = new Prng(seed);
  const out: SiteInMemory = { articles: [], kinds: [], truth: [] };
  for (let i = 0; i < count; i++) {
    const lines = siteArticle(rng);
    out.articles.push(article(`aftab/${String(i).padStart(4, '0')}.txt`, lines.map((l) => l.text)));
    out.kinds.push(lines.map((l) => l.kind));
    out.truth.push(lines.map((l) => LABELS_OF_KIND[l.kind]));
  }
  return out;
}

/** The learner's input with one editor's layers on the first `labelled` articles, from the truth. */
export function siteInput(site: SiteInMemory, labelled: number, labels: readonly string[] = LABELS): LearnInput {
  const layers = new Map<string, ArticleLayers>();
  site.articles.slice(0, labelled).forEach((a, i) => layers.set(a.path, { gold: null, editors: [layerOf(a, (p) => site.truth[i]![p], 'done')] }));
  return { articles: site.articles, layers, labels };
}
