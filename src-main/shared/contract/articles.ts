/** Channels for reading articles. */
import { z } from 'zod';
import type { ArticleView } from '../views';
import { articleId } from './ids';

export const articleChannels = {
  'article.open': z.strictObject({ articleId }),
} as const;

export interface ArticleResponses {
  'article.open': ArticleView;
}
