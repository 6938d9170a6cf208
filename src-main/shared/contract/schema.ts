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
  z.strictObject({ op: z.literal('update'), name: labelName, color: z.string().max(20).optional(), key: z.string().max(20).optional(), description: z.string().max(200).optional(), display: z.strictObject({ en: z.string().max(80).optional(), fa: z.string().max(80).optional() }).optional() }),
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
  /** Files in .pilcrow/ that git left with conflict markers, and how each can be finished. */
  'merge.list': noArgs,
  /** Finishes one of them with the editor's choice per field; writes only on this call. */
  'merge.resolve': z.strictObject({
    id: z.string().regex(/^[0-9a-z]{11}$/, 'not a merge id'),
    choices: z.partialRecord(z.enum(['name', 'color', 'key', 'description', 'display', 'retired', 'encoding', 'segmentation', 'direction', 'lang', 'edits']), z.enum(['ours', 'theirs'])).default({}),
  }),
} as const;

/** A file mid-merge as the app shows it (node/workspace/resolve-merge.ts, MergePlan). */
export interface MergeFileView {
  id: string;
  /** Workspace-relative. */
  path: string;
  kind: 'schema' | 'label' | 'settings' | 'layer' | 'other';
  line: number;
  /** It merges by itself (schema.json label by label, a label file decision by decision). */
  merged: boolean;
  /** Fields to pick a side for, each side's value as JSON text (null: not set). */
  fields: { field: string; ours: string | null; theirs: string | null }[];
  /** It cannot be finished here: why (English, from the check). */
  left: string | null;
}

export interface SchemaResponses {
  'schema.edit': SchemaEditResult;
  'schema.usage': LabelUsageView;
  'guidelines.read': GuidelinesView;
  'merge.list': MergeFileView[];
  'merge.resolve': { path: string; resolved: boolean; message: string };
}
