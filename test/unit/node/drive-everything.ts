/**
 * Everything the app and the CLI do with a workspace, for the tests that lay hostile files out
 * and check what came of them (link-matrix.test.ts, hostile-teammate.test.ts): the real handler
 * table (open every article, save a label, suggest, review, guidelines, agreement, export,
 * import) and the CLI (stats, agreement, export --out, suggest). Expects under `base`: the
 * workspace, `imports/omid.jsonl` (what the import dialog picks) and room for `user`, `locks`
 * and `exports`.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runCli } from '../../../src-main/cli/pilcrow';
import type { RecoveryReport } from '../../../src-main/node/storage';
import type { AppState } from '../../../src-main/shared/views';
import { en } from '../../../src-renderer/i18n/en';
import { openHandlerApp } from './app/handler-app';

/** Every regular file under `dir`, links never followed, with its bytes. */
export async function files(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) if (e.isFile()) found.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
  return found;
}

/** Names and kinds of everything under `dir` (links not followed). */
export async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => `${relative(dir, join(e.parentPath, e.name))}:${e.isSymbolicLink() ? 'link' : e.isDirectory() ? 'dir' : e.isFIFO() ? 'fifo' : 'file'}`).sort();
}

/** Runs everything the app and the CLI do with a workspace; returns every message shown. */
export async function everything(base: string, ws: string): Promise<string[]> {
  const said: string[] = [];
  const app = await openHandlerApp({
    workspace: ws,
    userData: join(base, 'user'),
    annotator: 'sara',
    locksDir: join(base, 'locks'),
    dialogs: { pickSaveFile: async () => join(base, 'exports', 'app.json'), pickOpenFile: async () => join(base, 'imports', 'omid.jsonl') },
    emit: (event, payload) => {
      if (event !== 'storage.recovered') return;
      const r = payload as RecoveryReport;
      said.push(en.recovered(r.file, r.problem, r.quarantinedTo, r.restoredFrom === 'bak'));
    },
  });
  const call = async (channel: string, request: unknown = {}) => {
    const envelope = await app.raw(channel, request);
    said.push(JSON.stringify(envelope.ok ? envelope.result : envelope.error));
    return envelope;
  };
  try {
    const init = await call('app.init');
    const articles = init.ok ? ((init.result as AppState).workspace?.articles ?? []) : [];
    for (const article of articles) {
      const opened = await call('article.open', { articleId: article.id });
      if (!opened.ok) continue;
      const first = (opened.result as { paragraphs: { id: string }[] }).paragraphs[0];
      if (first) await call('labels.set', { articleId: article.id, paragraphId: first.id, labels: ['quote'] });
      await call('suggest.article', { articleId: article.id });
      await call('review.article', { articleId: article.id, annotators: ['omid'] });
    }
    await call('guidelines.read');
    await call('review.annotators');
    await call('review.agreement', { annotators: ['omid', 'sara'] });
    await mkdir(join(base, 'exports'), { recursive: true });
    await call('export.layers');
    await call('export.run', { format: 'json' });
    await call('import.run', { annotator: 'omid' });
  } finally {
    app.session.close();
  }
  for (const argv of [['stats', ws], ['agreement', ws], ['export', ws, '--out', join(base, 'exports', 'cli.json')], ['suggest', ws]]) {
    const out: string[] = [];
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => said.push(s) });
    said.push(`pilcrow ${argv[0]} → ${code} ${out.join('\n')}`);
  }
  return said;
}
