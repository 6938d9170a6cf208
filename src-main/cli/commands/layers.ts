/** `pilcrow layers WORKSPACE [rename FROM TO | merge FROM INTO | remove NAME | restore ID]`: the layer management of Review. */
import type { LayersView, RemovedLayerView } from '../../shared/contract/review';
import { englishText, detailOf } from '../../shared/messages';
import { LayerAdmin } from '../../node/review/layer-admin';
import { CliError } from '../cli-error';
import { openCliWorkspace } from '../open-workspace';

export const LAYERS_HELP = `pilcrow layers WORKSPACE [--json]
pilcrow layers WORKSPACE rename FROM TO | merge FROM INTO | remove NAME | restore ID [--annotator WHO]
  Lists the annotator layers and the layers set aside; renames, merges (FROM's decisions into
  INTO where INTO has none; where both decided differently INTO's stays and each such paragraph
  is listed) or removes a layer. Nothing is deleted: the layer is moved to
  .pilcrow/removed-layers/ with a record, and restore ID moves it back. WHO is recorded.`;

export async function layersCommand(args: { workspace: string; words: string[]; by: string | undefined; json: boolean }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<void> {
  const workspace = await openCliWorkspace(args.workspace, io);
  const admin = new LayerAdmin(workspace.root, args.by ?? 'cli', workspace.onRecover);
  const [verb, a, b, ...extra] = args.words;
  const need = (n: number, usage: string) => {
    if ([a, b].filter(Boolean).length !== n || extra.length) throw new CliError(`layers ${usage}; run pilcrow --help`);
  };
  const run = <T>(work: Promise<T>) =>
    work.catch((e: unknown) => {
      const said = detailOf(e);
      throw said ? new CliError(englishText(said)) : e;
    });
  if (!verb) {
    const view = await run(admin.list());
    io.out(args.json ? JSON.stringify(view, null, 2) : listing(view));
    return;
  }
  let done: RemovedLayerView;
  if (verb === 'rename') {
    need(2, 'rename takes FROM and TO');
    done = await run(admin.rename(a!, b!));
  } else if (verb === 'merge') {
    need(2, 'merge takes FROM and INTO');
    done = await run(admin.merge(a!, b!));
  } else if (verb === 'remove') {
    need(1, 'remove takes a NAME');
    done = await run(admin.remove(a!));
  } else if (verb === 'restore') {
    need(1, 'restore takes the ID that pilcrow layers lists');
    const name = await run(admin.restore(a!));
    io.out(args.json ? JSON.stringify({ annotator: name }) : `restored ${name}`);
    return;
  } else throw new CliError(`layers: unknown action ${verb} (rename, merge, remove or restore); run pilcrow --help`);
  if (args.json) return io.out(JSON.stringify(done, null, 2));
  const what = done.how === 'renamed' ? `renamed ${done.annotator} to ${done.to}` : done.how === 'merged' ? `merged ${done.annotator} into ${done.to}` : `removed ${done.annotator}`;
  io.out(`${what}; the layer is kept as ${done.id} (pilcrow layers WS restore ${done.id} brings it back)`);
  for (const c of done.conflicts) io.out(`  conflict: ${c.article} paragraph ${c.index + 1}: kept ${c.into.join(', ') || 'none'}; ${done.annotator} said ${c.from.join(', ') || 'none'}`);
}

function listing(view: LayersView): string {
  const lines = view.layers.length ? view.layers.map((l) => `${l.name}: ${l.articles} article${l.articles === 1 ? '' : 's'}`) : ['no annotator layers'];
  if (view.removed.length) lines.push('', 'set aside (restore ID to bring back):');
  for (const r of view.removed) lines.push(`  ${r.id}: ${r.how === 'removed' ? 'removed' : `${r.how} ${r.how === 'merged' ? 'into' : 'to'} ${r.to}`}${r.removedBy ? ` by ${r.removedBy}` : ''}${r.conflicts.length ? `, ${r.conflicts.length} conflicting decisions kept from ${r.to}` : ''}`);
  return lines.join('\n');
}
