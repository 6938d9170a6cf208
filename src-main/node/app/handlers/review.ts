/** Reviewing teammates' layers side by side, adjudicating gold, and agreement figures. */
import { allAgree, decisionOf, majorityOf } from '../../../core/decisions';
import type { HandlerTable } from '../../../shared/ipc';
import type { ParagraphState, ReviewParagraph } from '../../../shared/contract/review';
import type { AnnotationFile } from '../../annotations/schema';
import { LayerReader } from '../../annotations/store';
import { describeRepeatedLabels, repeatedLabelsIn } from '../../annotations/repeated-labels';
import { agreementCacheOf } from '../../review/agreement-cache';
import { AgreementChoiceError } from '../../review/agreement-report';
import { GoldStore } from '../../review/gold-store';
import { listDisagreements, nextDisagreement } from '../../review/disagreements';
import { ReplyStore } from '../../review/replies';
import type { ReplyView } from '../../../shared/contract/review';
import type { Paragraph } from '../../../core/paragraphs';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';
import { nameRecord } from '../../../shared/name-record';
import { GOLD_ANNOTATOR } from '../../../shared/labels';

type ReviewHandlers = Pick<
  HandlerTable,
  'review.annotators' | 'review.article' | 'review.setGold' | 'review.acceptAgreed' | 'review.agreement' | 'review.nextDisagreement' | 'review.disagreements' | 'review.reply'
>;

export function reviewHandlers({ session, version }: HandlerContext): ReviewHandlers {
  let gold: GoldStore | null = null;
  const goldStore = () => {
    const { workspace } = session.requireWorkspace();
    if (!gold || gold.root !== workspace.root || gold.reviewer !== session.annotator) {
      gold = new GoldStore(workspace.root, session.annotator, session.options.onRecover);
      gold.onMerged = (report) => session.tellMerged(report);
    }
    return gold;
  };
  let replies: ReplyStore | null = null;
  const replyStore = () => {
    const { workspace } = session.requireWorkspace();
    if (replies?.root !== workspace.root) replies = new ReplyStore(workspace.root);
    return replies;
  };
  const reader = () => new LayerReader(session.requireWorkspace().workspace.root, session.options.onRecover);

  const layersFor = async (path: string, annotators: string[]) => {
    await knownAnnotators(annotators);
    const r = reader();
    return Promise.all(annotators.map((a) => r.readLayer(a, path)));
  };

  /** The chosen annotators, each checked to have a layer folder (gold is not a teammate). */
  const knownAnnotators = async (annotators: string[]) => {
    const known = await reader().annotators();
    const unknown = annotators.filter((a) => !known.includes(a) || a === GOLD_ANNOTATOR);
    if (unknown.length) throw new PilcrowError('unknown-annotator', { code: 'unknown-annotators', annotators: unknown });
    return annotators;
  };

  return {
    'review.nextDisagreement': async ({ annotators, after }) => nextDisagreement(session.requireWorkspace().workspace, reader(), await knownAnnotators(annotators), after),
    'review.disagreements': async ({ annotators, limit }) => listDisagreements(session.requireWorkspace().workspace, reader(), await knownAnnotators(annotators), limit),
    'review.annotators': async () => {
      const all = await reader().annotators();
      return { annotators: all.filter((a) => a !== GOLD_ANNOTATOR), hasGold: all.includes(GOLD_ANNOTATOR), me: session.annotator };
    },
    'review.article': async ({ articleId, annotators }) => {
      const article = await session.loadArticle(articleId);
      const layers = await layersFor(article.path, annotators);
      const goldLayer = await goldStore().load(article.path);
      const { threads, problems } = await replyStore().threads(article.path);
      return {
        id: article.id,
        path: article.path,
        title: article.title,
        lang: article.lang,
        direction: article.direction,
        annotators,
        paragraphs: article.paragraphs.map((p) => reviewParagraph(p, annotators, layers, goldLayer, threads.get(p.id) ?? [])),
        problems: [
          ...[...annotators.map((a, i) => [a, layers[i] ?? null] as const), [GOLD_ANNOTATOR, goldLayer] as const].flatMap(([name, layer]) => {
            const repeats = repeatedLabelsIn(layer);
            return repeats.length ? [describeRepeatedLabels(name, article.path, repeats)] : [];
          }),
          ...problems,
        ],
      };
    },
    'review.setGold': async ({ articleId, paragraphId, labels, took }) => {
      const article = await session.loadArticle(articleId);
      const paragraph = article.paragraphs.find((p) => p.id === paragraphId);
      if (!paragraph) throw new PilcrowError('unknown-paragraph', { code: 'unknown-paragraph', path: article.path, paragraph: paragraphId });
      const store = goldStore();
      const layer = labels === null ? await store.clear(article.path, paragraphId) : await store.set(article.path, [{ paragraph, labels, took }]);
      const annotators = took.startsWith('annotator:') ? [took.slice('annotator:'.length)] : [];
      const { threads } = await replyStore().threads(article.path);
      return reviewParagraph(paragraph, annotators, await layersFor(article.path, annotators), layer, threads.get(paragraphId) ?? []);
    },
    'review.reply': async ({ articleId, paragraphId, re, text }) => {
      const article = await session.loadArticle(articleId);
      if (!article.paragraphs.some((p) => p.id === paragraphId)) throw new PilcrowError('unknown-paragraph', { code: 'unknown-paragraph', path: article.path, paragraph: paragraphId });
      const store = replyStore();
      await store.reply(session.annotator, { article: article.path, paragraph: paragraphId, re, text }).catch((e: unknown) => {
        throw e instanceof Error ? PilcrowError.wrapping('reply-not-saved', e) : e;
      });
      const { threads } = await store.threads(article.path);
      return threads.get(paragraphId) ?? [];
    },
    'review.acceptAgreed': async ({ articleId, annotators }) => {
      const { workspace } = session.requireWorkspace();
      const ids = articleId ? [articleId] : workspace.ids;
      let accepted = 0;
      let articles = 0;
      for (const id of ids) {
        const entry = await workspace.entry(id);
        if (!entry.ok) continue;
        const layers = await layersFor(entry.path, annotators);
        const goldLayer = await goldStore().load(entry.path);
        const decisions = entry.article.paragraphs.flatMap((p) => {
          const ds = layers.map((l) => decisionOf(l, p.id));
          return !goldLayer.paragraphs[p.id] && allAgree(ds) ? [{ paragraph: p, labels: [...(ds[0] ?? [])], took: 'agreed' }] : [];
        });
        if (decisions.length === 0) continue;
        await goldStore().set(entry.path, decisions);
        accepted += decisions.length;
        articles += 1;
      }
      return { accepted, articles };
    },
    'review.agreement': ({ annotators }) =>
      agreementCacheOf(session, version)
        .report(annotators)
        .catch((e: unknown) => {
          throw e instanceof AgreementChoiceError ? PilcrowError.wrapping('agreement-choice', e) : e;
        }),
  };
}

function reviewParagraph(p: Paragraph, annotators: string[], layers: (AnnotationFile | null)[], goldLayer: AnnotationFile, replies: ReplyView[]): ReviewParagraph {
  const decisions = nameRecord<string[] | null>();
  const list = annotators.map((a, i) => {
    const d = decisionOf(layers[i], p.id);
    decisions[a] = d ? [...d] : null;
    return d;
  });
  const remarks = nameRecord<{ note?: string; flagged?: true }>();
  annotators.forEach((a, i) => {
    const entry = layers[i]?.paragraphs[p.id];
    const note = entry?.note?.trim();
    if (note || entry?.flagged) remarks[a] = { ...(note ? { note } : {}), ...(entry?.flagged ? { flagged: true as const } : {}) };
  });
  const g = goldLayer.paragraphs[p.id];
  const state: ParagraphState = g ? 'adjudicated' : list.some((d) => d === undefined) ? 'missing' : allAgree(list) || list.length < 2 ? 'agree' : 'disagree';
  return {
    id: p.id,
    index: p.index,
    text: p.text,
    decisions,
    gold: g ? { labels: g.labels, took: g.took ?? 'new', reviewer: g.reviewer ?? '', updated_at: g.updated_at } : null,
    majority: majorityOf(list),
    state,
    remarks,
    replies,
  };
}
