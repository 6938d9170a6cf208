/**
 * One replay of the keystroke eval (test/bench/eval-keys.ts): a workspace copied, its reference
 * layer read and taken out, and the simulated editor's keys counted over every article.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { articleTargets } from '../../../src-main/core/learn/targets';
import { LayerReader } from '../../../src-main/node/annotations/store';
import { annotationsDir } from '../../../src-main/node/annotations/paths';
import type { WorkerSpec } from '../../../src-main/node/learn/worker-host';
import { EditorSession } from './editor-session';
import { foldModels, keepFoldModel, keepNoModel } from './learned-folds';
import { SimulatedEditor, type Answers, type Policy } from './simulated-editor';

const EDITOR = 'eval';

export interface Source {
  name: string;
  /** Builds the workspace in `dir`. */
  make(dir: string): Promise<void>;
  against: string;
}

/** A workspace of one Persian article and its reference layer file. */
export function oneArticle(name: string, article: string, layerFile: string): Source {
  return {
    name,
    against: 'reference',
    async make(dir) {
      await mkdir(join(dir, 'fa'), { recursive: true });
      await cp(article, join(dir, 'fa', name));
      await mkdir(join(annotationsDir(dir), 'reference', 'fa'), { recursive: true });
      await cp(layerFile, join(annotationsDir(dir), 'reference', 'fa', `${name}.json`));
    },
  };
}

/** The reference's answers by article path (read with the app's own reader and target rules), and the layer taken out. */
async function takeReference(dir: string, against: string, labels: readonly string[], articles: readonly { path: string; ids: string[] }[]): Promise<Map<string, Answers>> {
  const reader = new LayerReader(dir);
  if (!(await reader.annotators()).includes(against)) throw new Error(`${dir}: no layer "${against}" (.pilcrow/annotations/${against}/)`);
  const out = new Map<string, Answers>();
  for (const article of articles) {
    const layer = await reader.readLayer(against, article.path);
    const targets = articleTargets(article.ids, { gold: null, editors: layer ? [layer] : [] }, labels);
    out.set(article.path, new Map(targets.map((t) => [t.paragraph, t.labels])));
  }
  await rm(join(annotationsDir(dir), against), { recursive: true });
  return out;
}

export interface Run {
  keys: number;
  paragraphs: number;
  /** Keys by article path (the `n` that reached it included). */
  byArticle: Map<string, number>;
}

/** The `--learned` mode: the learned suggester on, each article scored by a model of the other articles' reference (learned-folds.ts). */
export interface LearnedMode {
  folds: number;
  seed: number;
  /** The learner's worker spec: the suggester is on only where the app has one (it never trains here). */
  worker: WorkerSpec;
  /** Trains each fold's model on this many of its training articles only (the learning curve's first ones); all by default. */
  trainArticles?: number;
  /** Told, for each article the editor works on, the articles the model that scored it was trained on (none: no model). */
  scoredBy?: (path: string, trainedOn: readonly string[]) => void;
}

export async function run(source: Source, scratch: string, sampleDir: string, policy: Policy, withSuggestions: boolean, trace?: (line: string) => void, learned?: LearnedMode): Promise<Run> {
  const dir = await mkdtemp(join(scratch, 'ws-'));
  await source.make(dir);
  const userData = await mkdtemp(join(scratch, 'user-'));
  const openSession = () => EditorSession.open(dir, userData, EDITOR, sampleDir, learned?.worker);
  let session = await openSession();
  try {
    await session.setMode(policy.mode);
    if (!learned) await session.disableLearned();
    await session.refresh();
    const articles = [];
    for (const summary of session.articles) {
      if (summary.error) continue;
      const view = await session.articleView(summary.id);
      articles.push({ id: summary.id, path: summary.path, ids: view.paragraphs.map((p) => p.id) });
    }
    const labels = session.labels.map((l) => l.name);
    const models = learned ? await foldModels(dir, labels, source.against, policy.mode, learned.folds, learned.seed, learned.trainArticles) : null;
    const answers = await takeReference(dir, source.against, labels, articles);
    let simulated = new SimulatedEditor(session, policy);
    let kept: number | undefined;
    let keys = 0;
    let paragraphs = 0;
    const byArticle = new Map<string, number>();
    for (const [i, article] of articles.entries()) {
      const want = answers.get(article.path)!;
      if (want.size === 0) continue;
      const fold = models?.foldOf.get(article.path);
      if (models && fold !== kept) {
        // The app restarted with this fold's model kept: the learner takes it as the workspace opens.
        session.close();
        if (fold === undefined) await keepNoModel(userData, models);
        else await keepFoldModel(models, fold, userData, learned!.seed);
        session = await openSession();
        simulated = new SimulatedEditor(session, policy);
        kept = fold;
      }
      learned?.scoredBy?.(article.path, fold === undefined ? [] : models!.models[fold]!.train);
      const editor = await session.openArticle(article.id, policy.mode, withSuggestions);
      const pressed = await simulated.work(editor, want);
      trace?.(`${source.name} ${policy.mode}${policy.done ? ' +done' : ''} ${withSuggestions ? (learned ? 'with+learned' : 'with') : 'without'} · ${article.path}: ${pressed.join(' ')}`);
      const cost = (i > 0 ? 1 : 0) + pressed.length;
      byArticle.set(article.path, cost);
      keys += cost;
      paragraphs += want.size;
    }
    return { keys, paragraphs, byArticle };
  } finally {
    session.close();
  }
}

export const per100 = (r: Run) => (r.paragraphs === 0 ? 0 : (100 * r.keys) / r.paragraphs);

