/** Channels that write datasets. */
import type { ExportResult } from '../views';
import { noArgs } from './ids';

export const exportChannels = {
  'export.run': noArgs,
} as const;

export interface ExportResponses {
  'export.run': ExportResult | null;
}
