/** Reading articles. */
import type { HandlerTable } from '../../../shared/ipc';
import type { HandlerContext } from '../context';
import { articleView } from '../views';

export function articleHandlers({ session }: HandlerContext): Pick<HandlerTable, 'article.open'> {
  return {
    'article.open': async ({ articleId }) => {
      const article = await session.loadArticle(articleId);
      return articleView(article, await session.requireWorkspace().store.load(article.path));
    },
  };
}
