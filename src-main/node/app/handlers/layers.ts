/** Rename, merge, remove and restore annotator layers from Review (node/review/layer-admin.ts). */
import type { HandlerTable } from '../../../shared/ipc';
import { LayerAdmin } from '../../review/layer-admin';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

type LayerHandlers = Pick<HandlerTable, 'layers.list' | 'layers.rename' | 'layers.merge' | 'layers.remove' | 'layers.restore'>;

export function layerHandlers({ session }: HandlerContext): LayerHandlers {
  const admin = () => new LayerAdmin(session.requireWorkspace().workspace.root, session.annotator, session.options.onRecover);
  const said = <T>(work: Promise<T>) =>
    work.catch((e: unknown) => {
      throw e instanceof Error ? PilcrowError.wrapping('layer-admin', e) : e;
    });
  return {
    'layers.list': () => said(admin().list()),
    'layers.rename': ({ from, to }) => said(admin().rename(from, to)),
    'layers.merge': ({ from, into }) => said(admin().merge(from, into)),
    'layers.remove': ({ name }) => said(admin().remove(name)),
    'layers.restore': async ({ id }) => ({ annotator: await said(admin().restore(id)) }),
  };
}
