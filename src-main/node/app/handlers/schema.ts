/** Editing the workspace's label schema, and reading its guidelines. */
import type { HandlerTable } from '../../../shared/ipc';
import type { SchemaEditResult } from '../../../shared/views';
import { SchemaEditError, type SchemaEdit } from '../../../core/label-schema';
import { readGuidelines } from '../../workspace-schema/guidelines';
import { planMidMerge, resolveMergeFile } from '../../workspace/resolve-merge';
import { labelUsage } from '../../workspace-schema/label-usage';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';
import { workspaceView } from '../views';

type SchemaHandlers = Pick<HandlerTable, 'schema.edit' | 'schema.usage' | 'guidelines.read' | 'merge.list' | 'merge.resolve'>;

export function schemaHandlers({ session, emit }: HandlerContext): SchemaHandlers {
  return {
    'schema.edit': async ({ edit }) => {
      const { workspace, store } = session.requireWorkspace();
      const schema = session.schema;
      if (!schema) throw new PilcrowError('no-workspace', { code: 'no-workspace' });
      await schema.edit(edit as SchemaEdit).catch((error: unknown) => {
        if (error instanceof SchemaEditError) throw new PilcrowError(error.code, error.detail);
        throw error;
      });
      const result: Omit<SchemaEditResult, 'workspace'> = {};
      if (edit.op === 'rename') {
        // Only this annotator's files are written here: a teammate's folder is theirs alone
        // (a sync tool would see two writers); their app applies the same rename on open.
        result.migrated = await store.migrateAll();
        const left = await labelUsage(workspace.root, edit.from, session.options.onRecover, { asWritten: true });
        result.pendingAnnotators = left.annotators.filter((a) => a !== store.annotator);
      }
      return { ...result, workspace: await workspaceView({ session, emit }) };
    },
    'schema.usage': async ({ name }) => labelUsage(session.requireWorkspace().workspace.root, name, session.options.onRecover),
    'guidelines.read': async () => readGuidelines(session.requireWorkspace().workspace.root),
    'merge.list': async () =>
      (await planMidMerge(session.requireWorkspace().workspace.root)).map((p) => ({ id: p.id, path: p.path, kind: p.kind, line: p.line, merged: p.merged !== undefined, fields: p.fields ?? [], left: p.left ?? null })),
    'merge.resolve': async ({ id, choices }) => {
      const { workspace } = session.requireWorkspace();
      const result = await resolveMergeFile(workspace.root, id, choices, session.annotator);
      // What was just written is what every reader should now see: the schema and the article's settings.
      if (result.resolved) {
        await session.schema?.reload();
        workspace.settings.forget();
      }
      return result;
    },
  };
}
