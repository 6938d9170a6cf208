/**
 * The bad-input corpus (issue 7, docs/reliability.md): one row per kind of bad input, each read
 * through the real public entry point, each with the exact message the editor (or the CLI user)
 * gets, and each proving nothing was lost: every file's bytes are where they were, or in the
 * quarantine folder the row names, and the good data next to the bad still reads.
 */
import { englishText } from '../../../src-main/shared/messages';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/pilcrow';
import { paragraphIdFor } from '../../../src-main/core/paragraphs';
import { LayerReader } from '../../../src-main/node/annotations/store';
import { dispatch } from '../../../src-main/node/app/dispatch';
import { createHandlerTable } from '../../../src-main/node/app/handlers';
import { Session } from '../../../src-main/node/app/session';
import { importIntoWorkspace } from '../../../src-main/node/import/run-import';
import { SettingsStore } from '../../../src-main/node/settings/settings';
import type { RecoveryReport } from '../../../src-main/node/storage';
import { SuggestSettingsStore } from '../../../src-main/node/suggest/settings-store';
import { articleIdFor } from '../../../src-main/node/workspace/article-id';
import { readArticle } from '../../../src-main/node/workspace/read-article';
import { Workspace } from '../../../src-main/node/workspace/workspace';
import { WorkspaceSchemaStore } from '../../../src-main/node/workspace-schema/schema-store';
import type { AppState, ArticleView } from '../../../src-main/shared/views';
import { en } from '../../../src-renderer/i18n/en';
import { expectNothingLost, layOut, snapshot, type Layout, type Moves } from './bad-input-layout';
import { docx, wordParagraph, zip } from './formats/zip-writer';
import { SAMPLE_WORKSPACE } from './temp';

type Area = 'article' | 'settings' | 'schema' | 'annotation' | 'import' | 'suggest' | 'cli';

interface Case {
  area: Area;
  name: string;
  /** Root-relative paths: the workspace is `ws/`, the app's user data `user/`. */
  layout: Layout;
  /** Reads the layout through a public entry point; returns what the editor or user is told. */
  read: (root: string) => Promise<string>;
  message: RegExp;
  /** Files whose bytes move to quarantine (a root-relative folder) instead of staying in place. */
  quarantined?: Moves['quarantined'];
  /** Good files the app saves anew when it reads them; their old bytes must be the `.bak`. */
  rewritten?: string[];
  /** Writes what needs the real article first (its paragraph ids), before the snapshot. */
  prepare?: (root: string) => Promise<void>;
  /** The good data beside the bad is still there. */
  keeps?: (root: string) => Promise<void>;
}

const WS_QUARANTINE = 'ws/.pilcrow/quarantine';
const ARTICLE = 'قال وزیر امروز در تهران: «جلسه فردا برگزار می‌شود.»\nاین خبر را خبرگزاری نمونه منتشر کرد.\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

// ---- readers: the public entry points ----

/** Workspace.open + entry(): the error of an unreadable article, else its warnings. */
const article = (path: string) => async (root: string) => {
  const workspace = await Workspace.open(join(root, 'ws'));
  const entry = await workspace.entry(articleIdFor(path));
  return entry.ok ? entry.article.warnings.map((w) => englishText(w)).join(' ') : entry.error;
};

/** The text the editor reads: the invisible isolates around names (U+2068 … U+2069) left out. */
const readable = (text: string) => text.replace(/[\u2068\u2069]/g, '');

/** What the editor sees for each quarantined file (the app's `storage.recovered` notice). */
const told = (reports: RecoveryReport[]) => reports.map((r) => readable(en.recovered(r.file, r.problem, r.quarantinedTo, r.restoredFrom === 'bak'))).join(' ');

const appSettings = async (root: string) => {
  const reports: RecoveryReport[] = [];
  const store = await SettingsStore.open(join(root, 'user'), (r) => reports.push(r));
  return `${told(reports)} annotator=${store.data.annotator}`;
};

const labelSchema = async (root: string) => {
  const reports: RecoveryReport[] = [];
  const store = await WorkspaceSchemaStore.open(join(root, 'ws'), (r) => reports.push(r));
  return `${told(reports)} labels=${store.schema.labels.map((l) => l.name).join(',')}`;
};

const suggestSettings = async (root: string) => {
  const reports: RecoveryReport[] = [];
  const settings = await new SuggestSettingsStore(join(root, 'ws'), (r) => reports.push(r)).read();
  return `${told(reports)} thresholds=${JSON.stringify(settings.thresholds)}`;
};

const layer = (annotator: string, articlePath: string) => async (root: string) => {
  const reports: RecoveryReport[] = [];
  const data = await new LayerReader(join(root, 'ws'), (r) => reports.push(r)).readLayer(annotator, articlePath);
  return `${told(reports)} layer=${data ? Object.keys(data.paragraphs).length : 'none'}`;
};

/**
 * The app: a Session and the real handler table through dispatch, as the renderer calls it,
 * with the `storage.recovered` notices it emits (as the editor reads them) and `openFile` as
 * the answer of the file dialog.
 */
async function app(root: string, openFile?: string) {
  const notices: string[] = [];
  const session = await Session.create({ userDataDir: join(root, 'user'), sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: join(root, 'ws'), locksDir: join(root, 'locks') });
  await session.setAnnotator('sara');
  const dialogs = { pickFolder: async () => null, pickSaveFile: async () => null, pickOpenFile: async () => (openFile ? join(root, openFile) : null) };
  const table = createHandlerTable(session, dialogs, 'test', (event, payload) => {
    if (event === 'storage.recovered') {
      const r = payload as RecoveryReport;
      notices.push(readable(en.recovered(r.file, r.problem, r.quarantinedTo, r.restoredFrom === 'bak')));
    }
  });
  return { session, notices, call: (channel: string, request: unknown = {}) => dispatch(table, channel, request) };
}

/** Opens `path` in the app; reports the envelope's error, or the notices, labels, orphans and warnings shown. */
const appOpens = (path: string) => async (root: string) => {
  const { session, notices, call } = await app(root);
  try {
    const init = await call('app.init');
    if (!init.ok) return `${init.error.code}: ${init.error.message}`;
    const summary = (init.result as AppState).workspace?.articles.find((a) => a.path === path);
    if (!summary) return `${path} is not listed`;
    if (summary.error) return englishText(summary.error);
    const opened = await call('article.open', { articleId: summary.id });
    if (!opened.ok) return `${opened.error.code}: ${opened.error.message}`;
    const view = opened.result as ArticleView;
    const labels = Object.fromEntries(Object.entries(view.decisions).filter(([, d]) => d.labels.length > 0).map(([id, d]) => [id, d.labels]));
    const shown = { labels, orphans: (view.source?.orphans ?? []).map((o) => `${o.paragraphId} [${o.labels.join(',')}] ${o.reason}`), warnings: view.warnings.map((w) => englishText(w)) };
    return `${notices.join(' ')} ${JSON.stringify(shown)}`;
  } finally {
    session.close();
  }
};

/** Imports `file` in the app (File › Import) as `annotator`'s layer; reports the envelope. */
const appImports = (file: string, annotator: string) => async (root: string) => {
  const { session, call } = await app(root, file);
  try {
    await call('app.init');
    const done = await call('import.run', { annotator });
    return done.ok ? `imported ${JSON.stringify(done.result)}` : `${done.error.code}: ${done.error.message}`;
  } finally {
    session.close();
  }
};

/** A refused import wrote no layer. */
const noLayerWritten = async (root: string) => {
  expect([...(await snapshot(join(root, 'ws')))].map(([path]) => path).filter((p) => p.startsWith('.pilcrow/annotations'))).toEqual([]);
};

const importFile = (file: string, annotator?: string) => async (root: string) => {
  const ws = join(root, 'ws');
  const target = { workspace: await Workspace.open(ws), schema: await WorkspaceSchemaStore.open(ws), locksDir: join(root, 'locks') };
  try {
    const result = await importIntoWorkspace(target, join(root, file), { annotator });
    const filled = result.filled.updatedAt ? `; ${result.filled.updatedAt} given the file's time` : '';
    return `imported ${result.records} records; unmatched: ${result.unmatched.map((u) => `${u.article} ${u.paragraph_id}: ${englishText(u.reason)}`).join('; ')}${filled}`;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
};

/** The `pilcrow` CLI with captured output; returns the exit code and stderr. */
const cli = (...argv: string[]) => async (root: string) => {
  const err: string[] = [];
  const code = await runCli(argv.map((a) => a.replace(/^ROOT/, root)), { out: () => {}, err: (s) => err.push(s) });
  return `exit ${code}: ${err.join(' | ')}`;
};

// ---- fixtures ----

const sampleArticle = { 'ws/fa/news.txt': ARTICLE };
const annotationOf = (article: string, paragraphs: Record<string, unknown>) =>
  JSON.stringify({ version: 1, article, annotator: 'sara', updated_at: '2025-01-01T00:00:00.000Z', status: 'in_progress', paragraphs, orphans: [] });
const goodSettings = JSON.stringify({ version: 1, annotator: 'sara', recent: [], language: 'fa', theme: 'dark' });
const schemaOf = (labels: { name: string; key: string }[], mode = 'multi') =>
  JSON.stringify({ version: 1, mode, labels: labels.map((l) => ({ ...l, color: '#336699', description: '' })), retired: [], renames: [] });
const EXPORTED_TEXT = 'قال وزیر امروز در تهران: «جلسه فردا برگزار می‌شود.»';
const exportRecord = (over: Record<string, unknown> = {}) => ({
  article: 'fa/news.txt', paragraph: 0, paragraph_id: paragraphIdFor(EXPORTED_TEXT, 1), text: EXPORTED_TEXT,
  annotator: 'omid', status: 'in_progress', labels: ['quote'], updated_at: '2025-02-01T00:00:00.000Z', ...over,
});
const exportDoc = (records: unknown[]) => JSON.stringify({ schema_version: 1, records });

/** Damaged JSON stored files, as issue 7 lists them; each stands for a settings, schema or layer file. */
const DAMAGED: { kind: string; bytes: Buffer; problem: RegExp }[] = [
  { kind: 'empty (0 bytes)', bytes: Buffer.alloc(0), problem: /empty file \(0 bytes\)/ },
  { kind: 'NUL-filled', bytes: Buffer.alloc(256), problem: /contains NUL bytes \(first at byte 0\)/ },
  { kind: 'truncated JSON', bytes: utf8('{"version": 1, "annotator": "sa'), problem: /invalid or truncated JSON/ },
  { kind: 'BOM-prefixed', bytes: Buffer.concat([BOM, utf8(goodSettings)]), problem: /starts with a UTF-8 byte order mark/ },
  { kind: 'JSON null', bytes: utf8('null'), problem: /contains JSON null instead of data/ },
  { kind: 'invalid UTF-8', bytes: Buffer.concat([utf8('{"version": 1, "annotator": "'), Buffer.from([0xff, 0xfe]), utf8('"}')]), problem: /invalid UTF-8 \(first bad byte at 29\)/ },
];

const cases: Case[] = [
  // ---- articles ----
  {
    area: 'article', name: 'an empty .txt is listed with "is empty"',
    layout: { ...sampleArticle, 'ws/empty.txt': '' },
    read: article('empty.txt'), message: /^empty\.txt is empty\.$/,
  },
  {
    area: 'article', name: 'a .txt holding only a byte order mark is refused as empty',
    layout: { ...sampleArticle, 'ws/bom.txt': BOM },
    read: article('bom.txt'), message: /^bom\.txt: The file holds only a byte order mark\.$/,
  },
  {
    area: 'article', name: 'a binary file named .txt is refused for its NUL bytes',
    layout: { ...sampleArticle, 'ws/photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) },
    read: article('photo.txt'), message: /^photo\.txt: The file contains NUL bytes: it looks binary, not text\.$/,
  },
  {
    area: 'article', name: 'invalid UTF-8 opens with U+FFFD and says how many bytes were replaced',
    layout: { ...sampleArticle, 'ws/damaged.txt': Buffer.concat([utf8('خبر امروز '), Buffer.from([0xd8]), utf8(' درباره آب تهران است.\n')]) },
    read: article('damaged.txt'), message: /^1 byte\(s\) were not valid UTF-8 and were replaced by U\+FFFD \(�\); if the text looks wrong, choose another encoding\.$/,
  },
  {
    area: 'article', name: 'an encoding chosen by the editor that cannot decode the bytes flags each lost byte',
    layout: {
      ...sampleArticle,
      'ws/.pilcrow/articles/fa/news.txt.json': JSON.stringify({ version: 1, article: 'fa/news.txt', updated_at: '2025-01-01T00:00:00.000Z', encoding: 'iso-8859-6', edits: [] }),
    },
    read: article('fa/news.txt'), message: /\d+ byte\(s\) have no character in iso-8859-6 and were replaced by U\+FFFD \(�\); if the text looks wrong, choose another encoding\./,
  },
  {
    area: 'article', name: 'article settings naming an encoding Pilcrow lacks are quarantined and the article opens as detected',
    layout: {
      ...sampleArticle,
      'ws/.pilcrow/articles/fa/news.txt.json': JSON.stringify({ version: 1, article: 'fa/news.txt', updated_at: '2025-01-01T00:00:00.000Z', encoding: 'klingon', edits: [] }),
    },
    read: async (root) => {
      const reports: RecoveryReport[] = [];
      const workspace = await Workspace.open(join(root, 'ws'), (r) => reports.push(r));
      const entry = await workspace.entry(articleIdFor('fa/news.txt'));
      return `${told(reports)} encoding=${entry.ok ? entry.article.encoding : entry.error}`;
    },
    message: /news\.txt\.json was damaged \(wrong schema \(encoding: .*\)\)\. Its bytes are kept unchanged in .*\.pilcrow\/quarantine\/.*\.corrupt; no valid backup existed, so it starts empty\. encoding=utf-8$/,
    quarantined: { files: ['ws/.pilcrow/articles/fa/news.txt.json'], into: WS_QUARANTINE },
  },
  {
    area: 'article', name: 'an article path whose file has an unsupported extension before its .jsonl-style key is refused',
    layout: { ...sampleArticle, 'ws/batch.csv': 'id,text\na1,hello\n' },
    read: async (root) => readArticle(join(root, 'ws'), 'batch.csv#a1').then(() => 'read', (e: Error) => e.message),
    message: /^batch\.csv#a1 is not an article file \(expected \.txt, \.md, \.markdown, \.html, \.htm, \.docx, \.jsonl\)\.$/,
  },
  {
    area: 'article', name: 'a folder named like an article is walked as a folder and its articles are listed',
    layout: { ...sampleArticle, 'ws/archive.txt/inner.txt': 'The ferry was late.\n' },
    read: async (root) => {
      const workspace = await Workspace.open(join(root, 'ws'));
      return (await workspace.entries()).map((e) => `${e.path}:${e.ok ? 'ok' : e.error}`).join(' ');
    },
    message: /^archive\.txt\/inner\.txt:ok fa\/news\.txt:ok$/,
  },
  {
    area: 'article', name: 'a named pipe called .txt is listed as not a regular file, and reading it never blocks',
    layout: { ...sampleArticle, 'ws/feed.txt': { fifo: true } },
    read: article('feed.txt'), message: /^feed\.txt is a named pipe, not a regular file; Pilcrow reads only files\.$/,
  },
  {
    area: 'article', name: 'a .docx that is not a zip is refused as not a Word file',
    layout: { ...sampleArticle, 'ws/memo.docx': 'This is plain text saved with a .docx name.' },
    read: article('memo.docx'), message: /^memo\.docx: This is not a Word \.docx file \(not a zip archive\)\.$/,
  },
  {
    area: 'article', name: 'a zip without word/document.xml is refused as not a Word document',
    layout: { ...sampleArticle, 'ws/photos.docx': zip([{ name: 'images/a.txt', data: 'not a document' }]) },
    read: article('photos.docx'), message: /^photos\.docx: This zip archive is not a Word document \(it has no word\/document\.xml\)\.$/,
  },
  {
    area: 'article', name: 'a zip bomb .docx is refused by its declared size before anything inflates',
    layout: { ...sampleArticle, 'ws/bomb.docx': docx(wordParagraph('بمب'), [{ name: 'word/media/zeros.bin', data: new Uint8Array(1024), declaredSize: 300 * 1024 * 1024 }]) },
    read: article('bomb.docx'), message: /^bomb\.docx: This \.docx would expand to 300\.0 MB \(limit 200\.0 MB\)\.$/,
  },
  {
    area: 'article', name: 'a .jsonl line that is not JSON is its own entry, named by line number; the good line still reads',
    layout: { ...sampleArticle, 'ws/batch.jsonl': '{"id":"a1","text":"خبر اول"}\n{"id":"a2","text":\n' },
    read: article('batch.jsonl#line-2'), message: /^batch\.jsonl line 2: not valid JSON \(.*\); skipped\.$/,
    keeps: async (root) => expect(await article('batch.jsonl#a1')(root)).toBe(''),
  },
  {
    area: 'article', name: 'a .jsonl with no readable article is one entry quoting its first problems',
    layout: { ...sampleArticle, 'ws/all-bad.jsonl': 'not json\n{"title":"no text"}\n' },
    read: article('all-bad.jsonl'),
    message: /^all-bad\.jsonl has no readable article\. all-bad\.jsonl line 1: not valid JSON .* all-bad\.jsonl line 2: needs exactly one of "text" \(a string\) or "paragraphs" \(an array of strings\); skipped\.$/,
  },
  {
    area: 'article', name: 'a .jsonl line without a text field says which field it needs',
    layout: { ...sampleArticle, 'ws/batch.jsonl': '{"id":"a1","text":"خبر اول"}\n{"id":"a2","body":"wrong field"}\n' },
    read: article('batch.jsonl#line-2'), message: /^batch\.jsonl line 2: needs exactly one of "text" \(a string\) or "paragraphs" \(an array of strings\); skipped\.$/,
  },
  {
    area: 'article', name: 'a repeated .jsonl id keeps both articles and says how the second is keyed',
    layout: { ...sampleArticle, 'ws/batch.jsonl': '{"id":"a1","text":"خبر اول"}\n{"id":"a1","text":"خبر دوم"}\n' },
    read: article('batch.jsonl#a1%23line-2'), message: /^batch\.jsonl line 2: id "a1" was already used; this article is keyed "a1#line-2"\.$/,
    keeps: async (root) => expect(await article('batch.jsonl#a1')(root)).not.toMatch(/\S/),
  },
  {
    area: 'article', name: 'an html page with no text opens empty and says so',
    layout: { ...sampleArticle, 'ws/blank.html': '<html><head><title>Blank</title><script>var x = 1;</script></head><body>  </body></html>' },
    read: article('blank.html'), message: /^The page has no text outside scripts, styles and the head\.$/,
  },
  {
    area: 'article', name: 'a symlink to a file outside the workspace is not followed',
    layout: { ...sampleArticle, 'outside.txt': 'a secret outside the workspace', 'ws/link-out.txt': { link: 'outside.txt' } },
    read: article('link-out.txt'), message: /^link-out\.txt is a link to a file outside the workspace; Pilcrow does not follow it\. Copy the file into the workspace instead\.$/,
  },
  {
    area: 'article', name: 'an article path climbing out with .. is refused before anything is read',
    layout: { ...sampleArticle, 'outside.txt': 'a secret outside the workspace' },
    read: async (root) => readArticle(join(root, 'ws'), '../outside.txt').then(() => 'read', (e: Error) => e.message),
    message: /^\.\.\/outside\.txt resolves outside the workspace/,
  },
];

// ---- settings, schema and annotation files: each damaged kind through its own store ----
for (const d of DAMAGED) {
  cases.push({
    area: 'settings', name: `app settings ${d.kind}: quarantined, the editor is told where, defaults load`,
    layout: { 'user/settings.json': d.bytes },
    read: appSettings, message: new RegExp(`settings\\.json was damaged \\(${d.problem.source}.*\\)\\. Its bytes are kept unchanged in .*user/quarantine/.*\\.corrupt; no valid backup existed, so it starts empty\\. annotator=null$`),
    quarantined: { files: ['user/settings.json'], into: 'user/quarantine' },
  });
  cases.push({
    area: 'schema', name: `label schema ${d.kind} with a valid .bak: the backup's labels come back`,
    layout: { 'ws/.pilcrow/schema.json': d.bytes, 'ws/.pilcrow/schema.json.bak': schemaOf([{ name: 'quote', key: 'Digit1' }, { name: 'رپرتاژ', key: 'Digit2' }]) },
    read: labelSchema, message: new RegExp(`schema\\.json was damaged \\(${d.problem.source}.*\\)\\. Its bytes are kept unchanged in .*\\.corrupt; the previous good version was restored from its backup\\. labels=quote,رپرتاژ$`),
    quarantined: { files: ['ws/.pilcrow/schema.json'], into: WS_QUARANTINE },
  });
  cases.push({
    area: 'annotation', name: `a label file ${d.kind}: quarantined, its .bak's decisions restored`,
    layout: { ...sampleArticle, 'ws/.pilcrow/annotations/sara/fa/news.txt.json': d.bytes, 'ws/.pilcrow/annotations/sara/fa/news.txt.json.bak': annotationOf('fa/news.txt', { p000000000001: { index: 0, labels: ['quote'], updated_at: '2025-01-01T00:00:00.000Z' } }) },
    read: layer('sara', 'fa/news.txt'), message: new RegExp(`news\\.txt\\.json was damaged \\(${d.problem.source}.*\\)\\. Its bytes are kept unchanged in .*\\.corrupt; the previous good version was restored from its backup\\. layer=1$`),
    quarantined: { files: ['ws/.pilcrow/annotations/sara/fa/news.txt.json'], into: WS_QUARANTINE },
  });
}

// ---- a git merge in progress: shared files with conflict markers are left exactly as they are ----
const MID_MERGE = utf8('{\n<<<<<<< HEAD\n  "version": 1,\n=======\n  "version": 2,\n>>>>>>> theirs\n}\n');
const midMergeTold = (file: string) => new RegExp(`${file} was not read and was left as it is: it is in the middle of a git merge \\(conflict markers from line 2\\);.*git add -- .*${file}.*git commit\\.`);
cases.push(
  {
    area: 'settings', name: 'app settings with git conflict markers (user data, not shared): quarantined, defaults load',
    layout: { 'user/settings.json': MID_MERGE },
    read: appSettings, message: /settings\.json was damaged \(contains git conflict markers \(line 2\)\)\. Its bytes are kept unchanged in .*user\/quarantine\/.*\.corrupt; no valid backup existed, so it starts empty\. annotator=null$/,
    quarantined: { files: ['user/settings.json'], into: 'user/quarantine' },
  },
  {
    area: 'schema', name: 'a label schema mid-merge with a valid .bak: left as it is, the .bak not restored over it, the reader told how to finish',
    layout: { 'ws/.pilcrow/schema.json': MID_MERGE, 'ws/.pilcrow/schema.json.bak': schemaOf([{ name: 'quote', key: 'Digit1' }]) },
    read: labelSchema, message: new RegExp(`${midMergeTold('schema\\.json').source} labels=quote,claim,boilerplate,ad$`),
  },
  {
    area: 'annotation', name: 'a label file mid-merge with a valid .bak: left as it is, not read, the reader told how to finish',
    layout: { ...sampleArticle, 'ws/.pilcrow/annotations/sara/fa/news.txt.json': MID_MERGE, 'ws/.pilcrow/annotations/sara/fa/news.txt.json.bak': annotationOf('fa/news.txt', { p000000000001: { index: 0, labels: ['quote'], updated_at: '2025-01-01T00:00:00.000Z' } }) },
    read: layer('sara', 'fa/news.txt'), message: new RegExp(`${midMergeTold('news\\.txt\\.json').source} layer=none$`),
  },
);

cases.push(
  {
    area: 'settings', name: 'app settings with a language Pilcrow does not have: wrong schema names the field',
    layout: { 'user/settings.json': JSON.stringify({ version: 1, annotator: 'sara', recent: [], language: 'de', theme: 'dark' }) },
    read: appSettings, message: /settings\.json was damaged \(wrong schema \(language: .*\)\)\. Its bytes are kept unchanged in .*; no valid backup existed, so it starts empty\. annotator=null$/,
    quarantined: { files: ['user/settings.json'], into: 'user/quarantine' },
  },
  {
    area: 'schema', name: 'a label schema giving two labels the same key is refused, naming the key',
    layout: { 'ws/.pilcrow/schema.json': schemaOf([{ name: 'quote', key: 'Digit1' }, { name: 'ad', key: 'Digit1' }]) },
    read: labelSchema, message: /schema\.json was damaged \(wrong schema \(labels: .*Digit1.*\)\)\. Its bytes are kept unchanged in .*; no valid backup existed, so it starts empty\. labels=/,
    quarantined: { files: ['ws/.pilcrow/schema.json'], into: WS_QUARANTINE },
  },
  {
    area: 'schema', name: 'a label schema naming one label twice is refused, naming the label',
    layout: { 'ws/.pilcrow/schema.json': schemaOf([{ name: 'quote', key: 'Digit1' }, { name: 'quote', key: 'Digit2' }]) },
    read: labelSchema, message: /schema\.json was damaged \(wrong schema \(labels: .*"quote".*\)\)\. .*labels=/,
    quarantined: { files: ['ws/.pilcrow/schema.json'], into: WS_QUARANTINE },
  },
  {
    area: 'schema', name: 'a label schema with an unknown mode is refused, naming the field and the modes',
    layout: { 'ws/.pilcrow/schema.json': schemaOf([{ name: 'quote', key: 'Digit1' }], 'several') },
    read: labelSchema, message: /schema\.json was damaged \(wrong schema \(mode: .*"multi"\|"single".*\)\)\. .*labels=/,
    quarantined: { files: ['ws/.pilcrow/schema.json'], into: WS_QUARANTINE },
  },
  {
    area: 'annotation', name: 'a decision with a label the schema lacks is kept and shown, not dropped',
    layout: sampleArticle,
    prepare: async (root) => {
      const { paragraphs } = await readArticle(join(root, 'ws'), 'fa/news.txt');
      const decision = { index: 0, labels: ['opinion'], updated_at: '2025-01-01T00:00:00.000Z' };
      await mkdir(join(root, 'ws/.pilcrow/annotations/sara/fa'), { recursive: true });
      await writeFile(join(root, 'ws/.pilcrow/annotations/sara/fa/news.txt.json'), annotationOf('fa/news.txt', { [paragraphs[0]!.id]: decision }));
    },
    read: appOpens('fa/news.txt'), message: /^ \{"labels":\{"p[0-9a-z]{11}":\["opinion"\]\},"orphans":\[\],"warnings":\[\]\}$/,
    rewritten: ['ws/.pilcrow/annotations/sara/fa/news.txt.json'],
  },
  {
    area: 'annotation', name: 'a decision for a paragraph id the article does not have becomes an orphan with its labels',
    layout: { ...sampleArticle, 'ws/.pilcrow/annotations/sara/fa/news.txt.json': annotationOf('fa/news.txt', { pzzzzzzzzzzz: { index: 7, labels: ['claim'], updated_at: '2025-01-01T00:00:00.000Z' } }) },
    read: appOpens('fa/news.txt'), message: /^ \{"labels":\{\},"orphans":\["pzzzzzzzzzzz \[claim\] .+"\],"warnings":\[\]\}$/,
    rewritten: ['ws/.pilcrow/annotations/sara/fa/news.txt.json'],
  },
  {
    area: 'annotation', name: 'in the app, a label file of the wrong shape and no backup: the editor is told the field and where the bytes are',
    layout: { ...sampleArticle, 'ws/.pilcrow/annotations/sara/fa/news.txt.json': annotationOf('fa/news.txt', { p000000000001: { index: 0, labels: 'quote', updated_at: '2025-01-01T00:00:00.000Z' } }) },
    read: appOpens('fa/news.txt'),
    message: /^\S*ws\/\.pilcrow\/annotations\/sara\/fa\/news\.txt\.json was damaged \(wrong schema \(paragraphs\.p000000000001\.labels: Invalid input: expected array, received string\)\)\. Its bytes are kept unchanged in \S*ws\/\.pilcrow\/quarantine\/\S*\.corrupt; no valid backup existed, so it starts empty\. \{"labels":\{\},"orphans":\[\],"warnings":\[\]\}$/,
    quarantined: { files: ['ws/.pilcrow/annotations/sara/fa/news.txt.json'], into: WS_QUARANTINE },
  },
  {
    area: 'annotation', name: 'a label file for an article that is gone lists the article as missing, its labels kept',
    layout: { ...sampleArticle, 'ws/.pilcrow/annotations/sara/fa/gone.txt.json': annotationOf('fa/gone.txt', { p000000000001: { index: 0, labels: ['quote'], updated_at: '2025-01-01T00:00:00.000Z' } }) },
    read: appOpens('fa/gone.txt'), message: /^fa\/gone\.txt is missing \(deleted, moved or renamed\); its labels are kept\. Put the file back to go on labelling it\.$/,
  },

  // ---- imports ----
  {
    area: 'import', name: 'an import .json that is not JSON is refused whole, suggesting a new export',
    layout: { ...sampleArticle, 'labels.json': '{"schema_version": 1, "records": [' },
    read: importFile('labels.json'), message: /^ImportFileError: .*labels\.json: is not valid JSON; was it cut short\? Export it again$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an import .json without records is refused as not a Pilcrow export',
    layout: { ...sampleArticle, 'labels.json': JSON.stringify({ name: 'something else', items: [] }) },
    read: importFile('labels.json'), message: /^ImportFileError: .*labels\.json, the file \(read as plain JSON records\): has none of the fields of a record \(article, paragraph_id, paragraph, text, labels\); it has name, items\. Import a Pilcrow export, .*; nothing was imported$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an import record without labels is refused with its place and the field',
    layout: { ...sampleArticle, 'labels.json': exportDoc([exportRecord({ labels: undefined })]) },
    read: importFile('labels.json'), message: /^ImportFileError: .*labels\.json, records\[0\] \(read as a Pilcrow export\): labels: is missing; add "labels" as a list of label names .*; nothing was imported$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an import .jsonl record without updated_at takes the file\'s modification time, and the result says so',
    layout: { ...sampleArticle, 'labels.jsonl': `${JSON.stringify(exportRecord())}\n${JSON.stringify(exportRecord({ updated_at: undefined, labels: ['claim'] }))}\n` },
    read: importFile('labels.jsonl'), message: /^imported 2 records; unmatched: ; 1 given the file's time$/,
    keeps: async (root) => {
      const layer = JSON.parse(await readFile(join(root, 'ws/.pilcrow/annotations/omid/fa/news.txt.json'), 'utf8'));
      expect(Object.values(layer.paragraphs).map((e) => (e as { labels: string[] }).labels)).toEqual([['claim']]);
    },
  },
  {
    area: 'import', name: 'an import record for an article the workspace lacks is kept as an orphan and reported',
    layout: { ...sampleArticle, 'labels.json': exportDoc([exportRecord({ article: 'fa/elsewhere.txt' })]) },
    read: importFile('labels.json'), message: /^imported 1 records; unmatched: fa\/elsewhere\.txt p[0-9a-z]{11}: no article fa\/elsewhere\.txt in this workspace$/,
    keeps: async (root) => {
      const orphans = JSON.parse(await readFile(join(root, 'ws/.pilcrow/annotations/omid/fa/elsewhere.txt.json'), 'utf8')).orphans;
      expect(orphans.map((o: { entry: { labels: string[] } }) => o.entry.labels)).toEqual([['quote']]);
    },
  },
  {
    area: 'import', name: 'an import record naming a path that climbs out with .. is refused whole',
    layout: { ...sampleArticle, 'labels.json': exportDoc([exportRecord(), exportRecord({ article: '../outside.txt' })]) },
    read: importFile('labels.json'), message: /^ImportFileError: .*labels\.json, records\[1\] \(read as a Pilcrow export\): article: must be a workspace-relative path such as fa\/news\.txt \(no "\.\.", no leading "\/"\); nothing was imported$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an import record listing a label twice is refused, naming the label',
    layout: { ...sampleArticle, 'labels.json': exportDoc([exportRecord({ labels: ['quote', 'quote'] })]) },
    read: importFile('labels.json'), message: /^ImportFileError: .*labels\.json, records\[0\] \(read as a Pilcrow export\): labels: "quote" is listed twice; nothing was imported$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an empty import file: nothing to import',
    layout: { ...sampleArticle, 'labels.jsonl': '\n\n' },
    read: importFile('labels.jsonl'), message: /^ImportFileError: .*labels\.jsonl: is empty; nothing to import$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an import file of 0 records says so instead of reporting success',
    layout: { ...sampleArticle, 'labels.json': exportDoc([]) },
    read: importFile('labels.json'), message: /^ImportFileError: .*labels\.json: holds no records; nothing to import$/,
    keeps: noLayerWritten,
  },
  {
    area: 'import', name: 'an import file that is not UTF-8 is refused as not text',
    layout: { ...sampleArticle, 'labels.jsonl': Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    read: importFile('labels.jsonl'), message: /^ImportFileError: .*labels\.jsonl: is not UTF-8 text; save it as UTF-8 and import it again$/,
    keeps: noLayerWritten,
  },

  {
    area: 'import', name: 'in the app, an import with a record climbing out of the workspace is a bad-import-file error, not an internal one',
    layout: { ...sampleArticle, 'labels.json': exportDoc([exportRecord(), exportRecord({ article: '../../outside.txt' })]) },
    read: appImports('labels.json', 'omid'), message: /^bad-import-file: .*labels\.json, records\[1\] \(read as a Pilcrow export\): article: must be a workspace-relative path .*; nothing was imported$/,
    keeps: noLayerWritten,
  },
  {
    area: 'article', name: 'in the app, damaged article settings are quarantined and the editor is told, the article opens as detected',
    layout: { ...sampleArticle, 'ws/.pilcrow/articles/fa/news.txt.json': '{"version": 1, "article": "fa/news.txt", "encod' },
    read: appOpens('fa/news.txt'), message: /^\S*ws\/\.pilcrow\/articles\/fa\/news\.txt\.json was damaged \(invalid or truncated JSON .*\)\. Its bytes are kept unchanged in \S*\.corrupt; no valid backup existed, so it starts empty\. \{"labels":\{\},"orphans":\[\],"warnings":\[\]\}$/,
    quarantined: { files: ['ws/.pilcrow/articles/fa/news.txt.json'], into: WS_QUARANTINE },
  },

  // ---- suggestions: settings and model predictions ----
  {
    area: 'suggest', name: 'suggestion settings with truncated JSON are quarantined and the defaults apply',
    layout: { 'ws/.pilcrow/suggest.json': '{"version":1,"thresholds":{"quote":0.' },
    read: suggestSettings, message: /suggest\.json was damaged \(invalid or truncated JSON .*\)\. Its bytes are kept unchanged in .*\.corrupt; no valid backup existed, so it starts empty\. thresholds=\{\}$/,
    quarantined: { files: ['ws/.pilcrow/suggest.json'], into: WS_QUARANTINE },
  },
  {
    area: 'suggest', name: 'a suggestion threshold above 1 is refused as wrong schema naming the label',
    layout: { 'ws/.pilcrow/suggest.json': JSON.stringify({ version: 1, enabled: {}, thresholds: { quote: 1.5 } }) },
    read: suggestSettings, message: /suggest\.json was damaged \(wrong schema \(thresholds\.quote: .*\)\)\. .*thresholds=\{\}$/,
    quarantined: { files: ['ws/.pilcrow/suggest.json'], into: WS_QUARANTINE },
  },
  {
    area: 'suggest', name: 'a predictions line that is not JSON is named by file and line; the others still count',
    layout: { ...sampleArticle, 'model.jsonl': `{"article":"fa/news.txt","paragraph":0,"labels":["quote"],"score":0.9}\n{"article":\n` },
    read: cli('suggest', 'ROOT/ws', '--predictions', 'ROOT/model.jsonl'), message: /^exit 0: predictions: model\.jsonl line 2 is not valid JSON$/,
  },
  {
    area: 'suggest', name: 'a prediction for an article the workspace lacks is named with the path it gave',
    layout: { ...sampleArticle, 'model.jsonl': `{"article":"fa/elsewhere.txt","paragraph":0,"labels":["quote"]}\n` },
    read: cli('suggest', 'ROOT/ws', '--predictions', 'ROOT/model.jsonl'), message: /^exit 0: predictions: model\.jsonl line 1: no article "fa\/elsewhere\.txt" in the workspace \(paths are workspace-relative, with \/\)$/,
  },
  {
    area: 'suggest', name: 'a prediction score out of range is refused with the range',
    layout: { ...sampleArticle, 'model.jsonl': `{"article":"fa/news.txt","paragraph":0,"labels":["quote"],"score":7}\n` },
    read: cli('suggest', 'ROOT/ws', '--predictions', 'ROOT/model.jsonl'), message: /^exit 0: predictions: model\.jsonl line 1 "score" must be a number from 0 to 1$/,
  },

  // ---- the CLI ----
  {
    area: 'cli', name: 'pilcrow export --include-untouched lists a named pipe as skipped instead of waiting on it forever',
    layout: { ...sampleArticle, 'ws/feed.txt': { fifo: true } },
    read: cli('export', 'ROOT/ws', '--include-untouched', '--format', 'jsonl', '--out', 'ROOT/out.jsonl'),
    message: /^exit 0: .* \| skipped feed\.txt is a named pipe, not a regular file; Pilcrow reads only files\. \| wrote 0 records .*out\.jsonl$/,
  },
  {
    area: 'cli', name: 'pilcrow suggest says on stderr which damaged settings file it quarantined',
    layout: { ...sampleArticle, 'ws/.pilcrow/suggest.json': '{"version":1,"thresholds":{"quote":0.' },
    read: cli('suggest', 'ROOT/ws'), message: /^exit 0: recovered \S*ws\/\.pilcrow\/suggest\.json: invalid or truncated JSON .*; it had no valid backup; the damaged bytes are in \S*ws\/\.pilcrow\/quarantine\/\S*\.corrupt$/,
    quarantined: { files: ['ws/.pilcrow/suggest.json'], into: WS_QUARANTINE },
  },
  {
    area: 'cli', name: 'pilcrow stats says on stderr that the label schema was restored from its backup',
    layout: { ...sampleArticle, 'ws/.pilcrow/schema.json': 'null', 'ws/.pilcrow/schema.json.bak': schemaOf([{ name: 'quote', key: 'Digit1' }]) },
    read: cli('stats', 'ROOT/ws'), message: /^exit 0: recovered \S*ws\/\.pilcrow\/schema\.json: contains JSON null instead of data; restored from its backup; the damaged bytes are in \S*\.corrupt$/,
    quarantined: { files: ['ws/.pilcrow/schema.json'], into: WS_QUARANTINE },
  },
  {
    area: 'cli', name: 'pilcrow segment on a missing file exits 1 naming it',
    layout: {},
    read: cli('segment', 'ROOT/nowhere.txt'), message: /^exit 1: pilcrow: .*nowhere\.txt: no such file$/,
  },
  {
    area: 'cli', name: 'pilcrow segment on a binary file exits 1 with the reader\'s reason',
    layout: { 'photo.txt': Buffer.from([1, 0, 2, 0, 0, 0, 3, 0, 0, 0]) },
    read: cli('segment', 'ROOT/photo.txt'), message: /^exit 1: pilcrow: .*photo\.txt: The file contains NUL bytes: it looks binary, not text\.$/,
  },
  {
    area: 'cli', name: 'pilcrow import of a broken file exits 1 and writes nothing',
    layout: { ...sampleArticle, 'labels.json': '{"records": [' },
    read: cli('import', 'ROOT/ws', 'ROOT/labels.json'), message: /^exit 1: pilcrow: .*labels\.json: is not valid JSON; was it cut short\? Export it again$/,
  },
);

describe('the bad-input corpus: a clear message for each, nothing lost', () => {
  it('has at least 36 rows across every area', () => {
    expect(cases.length).toBeGreaterThanOrEqual(36);
    expect(new Set(cases.map((c) => c.area))).toEqual(new Set(['article', 'settings', 'schema', 'annotation', 'import', 'suggest', 'cli']));
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.area}: ${c.name}`, async () => {
      const root = await layOut(c.layout);
      await c.prepare?.(root);
      const before = await snapshot(root);
      const message = await c.read(root);
      expect(message).toMatch(c.message);
      await expectNothingLost(root, before, { ...(c.quarantined ? { quarantined: c.quarantined } : {}), ...(c.rewritten ? { rewritten: c.rewritten } : {}) });
      await c.keeps?.(root);
    });
  }
});
