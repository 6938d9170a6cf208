/** Changing this annotator's decisions: labels, "reviewed — none", notes, flags, done. */
import type { HandlerTable } from '../../../shared/ipc';
import type { SaveResult } from '../../../shared/views';
import type { AnnotationFile } from '../../annotations/schema';
import { markDone, progressOf, setDecision, setRemark, undoDone } from '../../annotations/decision-ops';
import { rejectSuggestions, unrejectSuggestions } from '../../annotations/suggestion-rejections';
import type { LoadedArticle } from '../../workspace/read-article';
import type { HandlerContext } from '../context';
import type { Session } from '../session';
import { PilcrowError } from '../errors';
import { countLabelled, decisionView } from '../views';

type LabelHandlers = Pick<HandlerTable, 'labels.set' | 'labels.apply' | 'labels.remark' | 'labels.markDone' | 'labels.undoDone' | 'labels.rejectSuggestions'>;

export function labelHandlers({ session }: HandlerContext): LabelHandlers {
  const store = () => session.requireWorkspace().store;
  return {
    'labels.set': async ({ articleId, paragraphId, labels }) => {
      const article = await session.loadArticle(articleId);
      const paragraph = paragraphOf(article, paragraphId);
      const layer = await store().load(article.path);
      checkLabels(session, labels, layer.paragraphs[paragraph.id]?.labels ?? []);
      if (session.schema?.schema.mode === 'single' && labels.length > 1) {
        throw new PilcrowError('single-label', { code: 'single-label', count: labels.length });
      }
      return saved(article, await store().setLabels(article.path, paragraph, labels));
    },
    'labels.apply': async ({ articleId, changes }) => {
      const article = await session.loadArticle(articleId);
      const targets = changes.map((c) => ({ paragraph: paragraphOf(article, c.paragraphId), decision: c.decision }));
      const layer = await store().load(article.path);
      for (const t of targets) checkLabels(session, t.decision?.labels ?? [], layer.paragraphs[t.paragraph.id]?.labels ?? []);
      const after = await store().change(article.path, (data, now) => {
        for (const t of targets) setDecision(data, t.paragraph, t.decision, now);
      });
      return saved(article, after);
    },
    'labels.remark': async ({ articleId, paragraphId, note, flagged }) => {
      const article = await session.loadArticle(articleId);
      const paragraph = paragraphOf(article, paragraphId);
      if (note === undefined && flagged === undefined) throw new PilcrowError('bad-request', { code: 'bad-request', detail: 'labels.remark: give a note, a flag, or both.' });
      return saved(article, await store().change(article.path, (data, now) => setRemark(data, paragraph, { note, flagged }, now)));
    },
    'labels.markDone': async ({ articleId }) => {
      const article = await session.loadArticle(articleId);
      return saved(article, await store().change(article.path, (data, now) => markDone(data, article.paragraphs, now)), true);
    },
    'labels.undoDone': async ({ articleId }) => {
      const article = await session.loadArticle(articleId);
      return saved(article, await store().change(article.path, (data, now) => undoDone(data, article.paragraphs, now)), true);
    },
    'labels.rejectSuggestions': async ({ articleId, rejections, undo }) => {
      const article = await session.loadArticle(articleId);
      for (const r of rejections) paragraphOf(article, r.paragraphId);
      checkLabels(session, rejections.map((r) => r.label), []);
      return saved(article, await store().change(article.path, (data) => (undo ? unrejectSuggestions(data, rejections) : rejectSuggestions(data, rejections))));
    },
  };
}

function paragraphOf(article: LoadedArticle, paragraphId: string): { id: string; index: number } {
  const paragraph = article.paragraphs.find((p) => p.id === paragraphId);
  if (!paragraph) throw new PilcrowError('unknown-paragraph', { code: 'unknown-paragraph', path: article.path, paragraph: paragraphId });
  return paragraph;
}

/** Schema labels, removed (retired) ones, and whatever the paragraph already carries are accepted. */
function checkLabels(session: Session, labels: readonly string[], current: readonly string[]): void {
  const known = new Set([...session.labels.map((l) => l.name), ...(session.schema?.schema.retired ?? []).map((l) => l.name), ...current]);
  const unknown = labels.filter((l) => !known.has(l));
  if (unknown.length > 0) throw new PilcrowError('unknown-label', { code: 'unknown-labels', labels: unknown });
}

function saved(article: LoadedArticle, layer: AnnotationFile, withDecisions = false): SaveResult {
  const result: SaveResult = { savedAt: layer.updated_at, labelledCount: countLabelled(article, layer), progress: progressOf(article.paragraphs, layer) };
  if (withDecisions) {
    result.decisions = {};
    for (const p of article.paragraphs) {
      const entry = layer.paragraphs[p.id];
      if (entry) result.decisions[p.id] = decisionView(entry);
    }
  }
  return result;
}
