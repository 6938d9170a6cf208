/**
 * A workspace of one Persian news site (site-text.ts): articles under `aftab/`, and layers for the
 * first `labelled` articles in path order, as editors who follow our labelling rules would leave
 * them (done, every paragraph decided), with a small share of slips (`noise`: a paragraph given
 * another kind's labels), since real editors are not perfect either. Seeded: the same options
 * write the same files. Used to measure the learned suggester (docs/suggestions.md), by its e2e
 * spec and by the bench.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultSegmentation, segmentText } from '../../../src-main/core/article';
import { buildParagraphs } from '../../../src-main/core/paragraphs';
import { annotationFilePath } from '../../../src-main/node/annotations/paths';
import { decidedLayer } from './generate';
import { Prng } from './prng';
import { LABELS_OF_KIND, siteArticle, type SiteKind } from './site-text';

export interface SiteOptions {
  seed: number;
  articles: number;
  /** How many articles (the first, in path order) the annotators labelled. */
  labelled: number;
  annotators: string[];
  /** Share of paragraphs an annotator labels as another kind (slips). */
  noise: number;
  /** How many story paragraphs follow the lead, at least and at most. */
  body: [number, number];
}

export const SITE_DEFAULTS: SiteOptions = { seed: 1403, articles: 60, labelled: 20, annotators: ['editor'], noise: 0.02, body: [5, 14] };

export interface SiteArticle {
  path: string;
  /** Each paragraph's kind and the labels it should get. */
  kinds: SiteKind[];
  truth: string[][];
  paragraphIds: string[];
  /** Whether the annotators labelled it. */
  labelled: boolean;
}

export interface GeneratedSite {
  root: string;
  articles: SiteArticle[];
  paragraphs: number;
  /** Decided paragraphs in the layers, all annotators together. */
  decided: number;
}

const KINDS = Object.keys(LABELS_OF_KIND) as SiteKind[];

export function generateSite(root: string, options: Partial<SiteOptions> = {}): GeneratedSite {
  const o = { ...SITE_DEFAULTS, ...options };
  const rng = new Prng(o.seed);
  const out: GeneratedSite = { root, articles: [], paragraphs: 0, decided: 0 };
  const write = (file: string, text: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const written = new Map<string, { text: string; blocks: ReturnType<typeof segmentText>; paragraphs: ReturnType<typeof buildParagraphs> }>();
  for (let i = 0; i < o.articles; i++) {
    const path = `aftab/1403-${String(1 + (i % 12)).padStart(2, '0')}/${String(i).padStart(4, '0')}.txt`;
    const lines = siteArticle(rng, o.body);
    const text = `${lines.map((l) => l.text).join('\n\n')}\n`;
    const blocks = segmentText(text, defaultSegmentation(text, 'txt'));
    const paragraphs = buildParagraphs(text, blocks);
    if (paragraphs.length !== lines.length) throw new Error(`site generator: ${path} segments into ${paragraphs.length} paragraphs, expected ${lines.length}`);
    write(join(root, path), text);
    written.set(path, { text, blocks, paragraphs });
    out.paragraphs += paragraphs.length;
    out.articles.push({ path, kinds: lines.map((l) => l.kind), truth: lines.map((l) => LABELS_OF_KIND[l.kind]), paragraphIds: paragraphs.map((p) => p.id), labelled: false });
  }
  // Path order is the order the app lists them in: the first `labelled` are the labelled ones.
  for (const article of [...out.articles].sort((a, b) => (a.path < b.path ? -1 : 1)).slice(0, o.labelled)) {
    article.labelled = true;
    const { text, blocks, paragraphs } = written.get(article.path)!;
    for (const annotator of o.annotators) {
      const labelsOf = (p: number) => (rng.chance(o.noise) ? LABELS_OF_KIND[rng.pick(KINDS)] : article.truth[p]!);
      const { layer } = decidedLayer({ path: article.path, annotator, text, blocks, paragraphs }, labelsOf, true, rng);
      write(annotationFilePath(root, annotator, article.path), JSON.stringify(layer, null, 2));
      out.decided += paragraphs.length;
    }
  }
  return out;
}
