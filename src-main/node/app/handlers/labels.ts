/** Changing this annotator's decisions. */
import type { HandlerTable } from '../../../shared/ipc';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';
import { countLabelled } from '../views';

export function labelHandlers({ session }: HandlerContext): Pick<HandlerTable, 'labels.set'> {
  return {
    'labels.set': async ({ articleId, paragraphId, labels }) => {
      const article = await session.loadArticle(articleId);
      const paragraph = article.paragraphs.find((p) => p.id === paragraphId);
      if (!paragraph) throw new PilcrowError('unknown-paragraph', `${article.path} has no paragraph ${paragraphId}; the file may have changed. Reopen the article.`);
      const known = new Set(session.labels.map((l) => l.name));
      const unknown = labels.filter((l) => !known.has(l));
      if (unknown.length > 0) throw new PilcrowError('unknown-label', `"${unknown.join('", "')}" is not a label of this workspace.`);
      const layer = await session.requireWorkspace().store.setLabels(article.path, paragraph, labels);
      return { savedAt: layer.updated_at, labelledCount: countLabelled(article, layer) };
    },
  };
}
