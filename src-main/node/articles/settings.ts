/**
 * Per-article choices the editor makes about how a file is read: encoding, segmentation,
 * direction, language, and their own splits and merges. Stored for the whole team (not per
 * annotator) at `<workspace>/.pilcrow/articles/<article path>.json` with the durable adapter,
 * so everyone labels the same paragraphs. See docs/storage.md.
 */
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { TEXT_SEGMENTATIONS } from '../../core/article';
import { PILCROW_DIR, stemSegments } from '../annotations/paths';
import { ARTICLE_SETTINGS_LIMIT, DurableJsonFile, makeFolders, type RecoveryReport } from '../storage';
import { ENCODING_NAMES } from '../../core/encodings';
import { sharedFileOptions } from '../workspace/gitignore';

export const ARTICLE_SETTINGS_VERSION = 1;

const edit = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('split'), at: z.number().int().min(0), before: z.string().max(200), after: z.string().max(200) }),
  z.strictObject({ kind: z.literal('merge'), at: z.number().int().min(0), end: z.string().max(200), start: z.string().max(200) }),
]);

/** A BCP 47 tag as editors type them: fa, ar, en, fa-IR, ckb, zh-Hant. */
export const LANG_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

export const articleSettingsSchema = z.object({
  version: z.literal(ARTICLE_SETTINGS_VERSION),
  article: z.string().min(1),
  updated_at: z.string(),
  updated_by: z.string().optional(),
  encoding: z.enum(ENCODING_NAMES).optional(),
  segmentation: z.enum(TEXT_SEGMENTATIONS).optional(),
  direction: z.enum(['rtl', 'ltr']).optional(),
  lang: z.string().regex(LANG_TAG).optional(),
  edits: z.array(edit).default([]),
});

export type ArticleSettings = z.infer<typeof articleSettingsSchema>;

export function emptySettings(article: string): ArticleSettings {
  return { version: ARTICLE_SETTINGS_VERSION, article, updated_at: new Date(0).toISOString(), edits: [] };
}

export function articleSettingsPath(root: string, articlePath: string): string {
  return join(root, PILCROW_DIR, 'articles', ...stemSegments(articlePath)) + '.json';
}

export class ArticleSettingsStore {
  private readonly files = new Map<string, DurableJsonFile<ArticleSettings>>();
  private readonly cache = new Map<string, Promise<ArticleSettings | null>>();

  constructor(
    readonly root: string,
    private readonly onRecover: (report: RecoveryReport) => void = () => {},
  ) {}

  /** The saved settings, or null when the editor never changed anything for this article. */
  read(articlePath: string): Promise<ArticleSettings | null> {
    let pending = this.cache.get(articlePath);
    if (!pending) {
      pending = this.file(articlePath).read();
      this.cache.set(articlePath, pending);
      pending.catch(() => this.cache.delete(articlePath));
    }
    return pending;
  }

  async write(settings: ArticleSettings): Promise<void> {
    const file = this.file(settings.article);
    await makeFolders(this.root, dirname(file.file));
    const parsed = articleSettingsSchema.parse(settings);
    this.cache.set(settings.article, Promise.resolve(parsed));
    await file.write(parsed);
  }

  /** Forget cached settings (a teammate's copy may have arrived through sync). */
  forget(articlePath?: string): void {
    if (articlePath === undefined) this.cache.clear();
    else this.cache.delete(articlePath);
  }

  private file(articlePath: string): DurableJsonFile<ArticleSettings> {
    let file = this.files.get(articlePath);
    if (!file) {
      file = new DurableJsonFile<ArticleSettings>(articleSettingsPath(this.root, articlePath), {
        ...sharedFileOptions(this.root),
        limit: ARTICLE_SETTINGS_LIMIT,
        parse: (value) => articleSettingsSchema.parse(value),
        onRecover: this.onRecover,
      });
      this.files.set(articlePath, file);
    }
    return file;
  }
}
