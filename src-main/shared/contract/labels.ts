/** Channels that change this annotator's decisions. */
import { z } from 'zod';
import type { SaveResult } from '../views';
import { articleId, labelName, paragraphId } from './ids';

export const labelChannels = {
  'labels.set': z.strictObject({ articleId, paragraphId, labels: z.array(labelName).max(40) }),
} as const;

export interface LabelResponses {
  'labels.set': SaveResult;
}
