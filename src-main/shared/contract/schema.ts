/** Channels for the workspace's label schema and guidelines, shared by the team. */
import { z } from 'zod';
import type { LabelUsageView, SchemaEditResult, GuidelinesView } from '../views';
import { labelName, noArgs } from './ids';

const labelDef = z.strictObject({
  name: labelName,
  color: z.string().max(20),
  key: z.string().max(20),
  description: z.string().max(200),
});

const edit = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), label: labelDef }),
  z.strictObject({ op: z.literal('update'), name: labelName, color: z.string().max(20).optional(), key: z.string().max(20).optional(), description: z.string().max(200).optional() }),
  z.strictObject({ op: z.literal('rename'), from: labelName, to: labelName }),
  z.strictObject({ op: z.literal('move'), name: labelName, to: z.number().int().min(0).max(40) }),
  z.strictObject({ op: z.literal('remove'), name: labelName }),
  z.strictObject({ op: z.literal('restore'), name: labelName }),
  z.strictObject({ op: z.literal('mode'), mode: z.enum(['multi', 'single']) }),
]);

export const schemaChannels = {
  'schema.edit': z.strictObject({ edit }),
  /** How many decisions carry a label, asked before removing it. */
  'schema.usage': z.strictObject({ name: labelName }),
  'guidelines.read': noArgs,
} as const;

export interface SchemaResponses {
  'schema.edit': SchemaEditResult;
  'schema.usage': LabelUsageView;
  'guidelines.read': GuidelinesView;
}
