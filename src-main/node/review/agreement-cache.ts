/**
 * The agreement report without re-reading every layer file (re-reading them took 9 s at 18,000 layer
 * files; docs/performance.md). Each article's tally (core/agreement/article-tally.ts) is kept with what it came
 * from: the article's reading and the identity (file-identity.ts) of every layer file read.
 * A call stats the layer files, reuses every tally whose sources are unchanged, computes the
 * others, and merges: after a teammate's `git pull` only the articles whose files changed are
 * read again. The tallies are also kept in user data (kept-tallies.ts), so the first call of
 * a new session costs stats and a merge, not reading every layer.
 *
 * An article's reading is matched by a hash of its paragraph ids when the session has read it;
 * before that, by the identities of its file and settings file, recorded only when the bytes
 * read after the stat are those of the reading (same SHA-256) and there are no settings.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AgreementTallier, type ArticleTally } from '../../core/agreement';
import type { WorkspaceAgreement } from '../../shared/contract/review';
import { annotationFilePath } from '../annotations/paths';
import type { AnnotationFile } from '../annotations/schema';
import { LayerReader } from '../annotations/store';
import type { Session } from '../app/session';
import { perSession } from '../app/per-session';
import { articleSettingsPath } from '../articles/settings';
import { splitArticlePath } from '../workspace/article-path';
import { readArticleBytes, type LoadedArticle } from '../workspace/read-article';
import type { ListedArticle, Workspace } from '../workspace/workspace';
import { articleTally } from './article-agreement';
import { agreementChoice, agreementFromTallies, layerOwners } from './agreement-report';
import { ABSENT, fileIdentity, identities } from './file-identity';
import { yielder } from '../storage/yielder';
import { keptTalliesPath, loadKeptTallies, saveKeptTallies, type ArticleRecord } from './kept-tallies';

/** Articles checked (and, when changed, computed) together; the event loop may turn between batches. */
const BATCH = 32;

/** Hash of an article reading's paragraph ids: all of the reading a tally depends on. */
const readingKeys = new WeakMap<LoadedArticle, string>();
function readingKey(article: LoadedArticle): string {
  let key = readingKeys.get(article);
  if (key === undefined) {
    const hash = createHash('sha256');
    for (const p of article.paragraphs) hash.update(`${p.id}\n`);
    key = hash.digest('hex');
    readingKeys.set(article, key);
  }
  return key;
}

interface Kept {
  root: string;
  choice: string;
  records: Map<string, ArticleRecord>;
  /** The last report made from `records` and the listing's problems, while none of them changed. */
  report: WorkspaceAgreement | null;
  problems: string;
}

type Readable = Extract<ListedArticle, { format: unknown }>;

export class AgreementCache {
  private kept: Kept | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: Session,
    /** The app's version: another version may read articles into other paragraphs. */
    private readonly appVersion: string,
  ) {}

  /** The report for the chosen annotators (every human one when none are chosen). */
  async report(chosen?: string[]): Promise<WorkspaceAgreement> {
    const { workspace } = this.session.requireWorkspace();
    const root = workspace.root;
    const reader = new LayerReader(root, this.session.options.onRecover);
    const choice = await agreementChoice(root, reader, this.session.labels.map((l) => l.name), chosen);
    const owners = layerOwners(choice);
    const key = JSON.stringify({ app: this.appVersion, me: this.session.annotator, renames: this.session.schema?.schema.renames ?? [], ...choice });
    if (this.kept?.root !== root || this.kept.choice !== key) {
      this.kept = { root, choice: key, records: await loadKeptTallies(this.file(root), root, key), report: null, problems: '' };
    }
    const kept = this.kept;

    const listing = workspace.listing();
    const readable = listing.filter((a): a is Readable => !('error' in a));
    const layerIds = await identities(readable.flatMap((a) => owners.map((o) => annotationFilePath(root, o, a.path))));
    const tallier = new AgreementTallier(choice);
    const records = new Map<string, ArticleRecord>();
    let changed = false;
    const pause = yielder();
    for (let start = 0; start < readable.length; start += BATCH) {
      await pause();
      const batch = readable.slice(start, start + BATCH).map(async (article, i) => {
        const layers = layerIds.slice((start + i) * owners.length, (start + i + 1) * owners.length);
        const before = kept.records.get(article.path);
        if (before && sameList(before.layers, layers) && (await this.sameReading(workspace, article, before))) return before;
        changed = true;
        return this.compute(workspace, reader, tallier, owners, article, layers);
      });
      (await Promise.all(batch)).forEach((record, i) => records.set((readable[start + i] as Readable).path, record));
    }
    if (records.size !== kept.records.size) changed = true;
    // Articles the scan found unreadable (a labelled article's missing file…) have no record.
    const problems = JSON.stringify(listing.filter((a) => 'error' in a));
    if (!changed && kept.report && problems === kept.problems) return kept.report;

    const tallies: [string, ArticleTally][] = [];
    const skipped: WorkspaceAgreement['skipped'] = [];
    for (const article of listing) {
      const record = records.get(article.path);
      if ('error' in article) skipped.push({ path: article.path, reason: article.error });
      else if (record?.tally) tallies.push([article.path, record.tally]);
      else skipped.push({ path: article.path, reason: record?.error ?? 'not read' });
    }
    const report = agreementFromTallies(choice, tallies, skipped);
    this.kept = { root, choice: key, records, report, problems };
    // Written before answering: a write left running after the reply outlived its session (a quit,
    // a test's temp folder being removed under it). Only calls that computed something write.
    if (changed) await this.save(root, key, records);
    return report;
  }

  /** Resolves once the tallies computed so far are on disk (a call already waits for its own write). */
  whenSaved(): Promise<void> {
    return this.saving;
  }

  private file(root: string): string {
    return keptTalliesPath(this.session.options.userDataDir, root);
  }

  /** One write at a time; a failure only costs the next session time. */
  private save(root: string, choice: string, records: ReadonlyMap<string, ArticleRecord>): Promise<void> {
    this.saving = this.saving.then(() => saveKeptTallies(this.file(root), root, choice, records)).catch(() => undefined);
    return this.saving;
  }

  private async sameReading(workspace: Workspace, article: Readable, record: ArticleRecord): Promise<boolean> {
    const reading = await workspace.cached(article.id);
    if (reading) return record.reading === readingKey(reading);
    if (record.file === null) return false;
    return record.file === fileIdentity(join(workspace.root, splitArticlePath(article.path).file)) && record.settings === fileIdentity(articleSettingsPath(workspace.root, article.path));
  }

  /** `layers` are the identities stat'ed before anything is read, so a file written meanwhile is read again next time. */
  private async compute(workspace: Workspace, reader: LayerReader, tallier: AgreementTallier, owners: string[], article: Readable, layers: string[]): Promise<ArticleRecord> {
    const root = workspace.root;
    const file = join(root, splitArticlePath(article.path).file);
    const fileId = fileIdentity(file);
    const settingsId = fileIdentity(articleSettingsPath(root, article.path));
    const entry = await workspace.entry(article.id);
    // An unreadable article's error may be one the session read before: never matched by identity.
    if (!entry.ok) return { reading: '', file: null, settings: null, layers, tally: null, error: entry.error };
    const reading = entry.article;
    const contents = await Promise.all(owners.map((owner) => this.layer(reader, owner, article.path)));
    const tally = articleTally(tallier, reading, owners, contents);
    // The reading may be older than the stat: its identity is kept only when the bytes match it.
    const matches = fileId !== ABSENT && settingsId === ABSENT && reading.settings === null && (await sha256Of(root, splitArticlePath(article.path).file)) === reading.sha256;
    return { reading: readingKey(reading), file: matches ? fileId : null, settings: matches ? settingsId : null, layers, tally };
  }

  /** This annotator's layer comes from the session's store (as saved); others from their files. */
  private layer(reader: LayerReader, annotator: string, articlePath: string): Promise<AnnotationFile | null> {
    const store = this.session.store;
    if (store && store.root === reader.root && annotator === store.annotator) return store.load(articlePath);
    return reader.readLayer(annotator, articlePath);
  }
}

async function sha256Of(root: string, file: string): Promise<string | null> {
  return readArticleBytes(root, file).then((read) => read.sha256, () => null);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The session's one agreement cache (made on first use). */
export const agreementCacheOf = perSession((session, appVersion: string) => new AgreementCache(session, appVersion));
