/**
 * Writes a synthetic workspace: article files plus three annotators' layers in the real on-disk
 * format. Layers are written with plain fs (no fsync, no lowdb) because the app's durable path
 * would take minutes for 20k files, and the bench measures reading them, not writing them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { anchorOf } from '../../../src-main/core/anchor';
import { defaultSegmentation, segmentText } from '../../../src-main/core/article';
import { buildParagraphs } from '../../../src-main/core/paragraphs';
import { emptyAnnotationFile, type AnnotationFile } from '../../../src-main/node/annotations/schema';
import { annotationFilePath } from '../../../src-main/node/annotations/paths';
import { Prng } from './prng';
import { articleLines, type Kind, type Lang } from './text';
import { SECTIONS } from './words';

export interface GeneratorOptions {
  seed: number;
  articles: number;
  /** Paragraph counts of the extra long articles (placed under `long/`). */
  long: number[];
  annotators: string[];
  /** Share of articles each annotator labelled (independently), long ones always. */
  coverage: number;
}

export type Scale = 'small' | 'full';

const ANNOTATORS = ['sara', 'reza', 'mina'];
export const SCALES: Record<Scale, GeneratorOptions> = {
  small: { seed: 20_250_101, articles: 300, long: [2000, 10_000], annotators: ANNOTATORS, coverage: 0.6 },
  full: { seed: 20_250_101, articles: 10_000, long: [2000, 2000, 2000, 10_000, 10_000], annotators: ANNOTATORS, coverage: 0.6 },
};

export interface GeneratedWorkspace {
  root: string;
  articles: number;
  paragraphs: number;
  articleBytes: number;
  layerFiles: number;
  labelledParagraphs: number;
  long: { path: string; paragraphs: number }[];
  annotators: string[];
}

const ALL_SETS = [[], ['quote'], ['claim'], ['quote', 'claim'], ['boilerplate'], ['ad']];
const BASE_TIME = Date.UTC(2025, 0, 1);

/** What a careful editor would put on a paragraph of this kind. */
function truthFor(kind: Kind, rng: Prng): string[] {
  switch (kind) {
    case 'quote':
      return rng.chance(0.3) ? ['quote', 'claim'] : ['quote'];
    case 'figure':
      return ['claim'];
    case 'footer':
      return ['boilerplate'];
    case 'ad':
      return ['ad'];
    case 'body':
      return rng.chance(0.3) ? ['claim'] : [];
    default:
      return [];
  }
}

/** An article as the generator wrote it, segmented as the app does, for writing a layer of it. */
export interface WrittenArticle {
  path: string;
  annotator: string;
  text: string;
  blocks: ReturnType<typeof segmentText>;
  paragraphs: ReturnType<typeof buildParagraphs>;
}

/**
 * One annotator's layer of an article in the on-disk format, as the app writes it: each decided
 * paragraph with its labels and text anchor; with `done`, the article marked done and its other
 * paragraphs `labels: [], via: 'done'` (docs/storage.md). Times are random within 2025's first half.
 */
export function decidedLayer(article: WrittenArticle, labelsOf: (paragraph: number) => readonly string[], done: boolean, rng: Prng): { layer: AnnotationFile; labelled: number } {
  let latest = BASE_TIME;
  const stamp = () => {
    const at = BASE_TIME + rng.int(0, 180 * 86_400) * 1000;
    latest = Math.max(latest, at);
    return new Date(at).toISOString();
  };
  const layer = emptyAnnotationFile(article.path, article.annotator);
  let labelled = 0;
  article.paragraphs.forEach((p, i) => {
    const labels = labelsOf(i);
    // Every decision carries its text anchor, as the app records it on save.
    const anchor = anchorOf(article.text, article.blocks[i] ?? { start: 0, end: 0 });
    if (labels.length > 0) {
      layer.paragraphs[p.id] = { index: p.index, labels: [...labels], updated_at: stamp(), anchor };
      labelled += 1;
    } else if (done) {
      layer.paragraphs[p.id] = { index: p.index, labels: [], updated_at: stamp(), via: 'done', anchor };
    }
  });
  layer.updated_at = new Date(latest).toISOString();
  if (done) {
    layer.status = 'done';
    layer.done_at = layer.updated_at;
  }
  return { layer, labelled };
}

export function generateWorkspace(root: string, options: GeneratorOptions): GeneratedWorkspace {
  const rng = new Prng(options.seed);
  const made = new Set<string>();
  const write = (file: string, text: string) => {
    const dir = dirname(file);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(file, text);
    return Buffer.byteLength(text);
  };
  const out: GeneratedWorkspace = { root, articles: 0, paragraphs: 0, articleBytes: 0, layerFiles: 0, labelledParagraphs: 0, long: [], annotators: options.annotators };

  const plan: { path: string; lang: Lang; count: number; long: boolean }[] = [];
  for (let i = 0; i < options.articles; i++) {
    const lang: Lang = rng.chance(0.8) ? 'fa' : 'en';
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const ext = rng.chance(0.05) ? 'md' : 'txt';
    plan.push({ path: `${lang}/${rng.pick(SECTIONS)}/2025-${month}/${String(i).padStart(5, '0')}.${ext}`, lang, count: rng.int(10, 50), long: false });
  }
  options.long.forEach((count, i) => plan.push({ path: `long/long-${count}-${i + 1}.txt`, lang: 'fa', count, long: true }));

  for (const article of plan) {
    const lines = articleLines(rng, article.lang, article.count);
    const md = article.path.endsWith('.md');
    // Short lines only would read as hard-wrapped text (one paragraph per run of lines): blank
    // lines between paragraphs then keep the paragraphs apart, as such files have them.
    const shortOnly = lines.every((l) => l.text.length <= 120);
    const gap = md || shortOnly || rng.chance(0.2) ? '\n\n' : '\n';
    const text = (md ? [`# ${lines[0]?.text}`, ...lines.slice(1).map((l) => l.text)] : lines.map((l) => l.text)).join(gap) + '\n';
    // Segmented exactly as the app does (core/article segmentArticle), keeping the blocks for anchors.
    const blocks = segmentText(text, defaultSegmentation(text, md ? 'md' : 'txt'));
    const paragraphs = buildParagraphs(text, blocks);
    if (paragraphs.length !== lines.length) throw new Error(`generator: ${article.path} segments into ${paragraphs.length} paragraphs, expected ${lines.length}`);
    out.articleBytes += write(join(root, article.path), text);
    out.articles += 1;
    out.paragraphs += paragraphs.length;
    if (article.long) out.long.push({ path: article.path, paragraphs: paragraphs.length });

    const truths = lines.map((l) => truthFor(l.kind, rng));
    for (const annotator of options.annotators) {
      if (!article.long && !rng.chance(options.coverage)) continue;
      // Half the articles an annotator worked on are marked done: untouched paragraphs then get
      // `labels: [], via: 'done'` entries, as the app writes them (docs/storage.md).
      const done = rng.chance(0.5);
      // Annotators mostly agree with the content; the rest is noise, as in real teams.
      const { layer, labelled } = decidedLayer({ path: article.path, annotator, text, blocks, paragraphs }, (i) => (rng.chance(0.12) ? rng.pick(ALL_SETS) : (truths[i] ?? [])), done, rng);
      out.labelledParagraphs += labelled;
      write(annotationFilePath(root, annotator, article.path), JSON.stringify(layer, null, 2));
      out.layerFiles += 1;
    }
  }
  return out;
}
