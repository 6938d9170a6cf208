/** The `source` part of an ArticleView and the list's per-file note (shared/article-source.ts). */
import { TEXT_SEGMENTATIONS } from '../../core/article';
import { ENCODING_NAMES } from '../../core/encodings';
import type { ArticleSourceView, OrphanView } from '../../shared/article-source';
import type { AnnotationFile } from '../annotations/schema';
import type { LoadedArticle } from '../workspace/read-article';

export function sourceView(article: LoadedArticle, layer: AnnotationFile): ArticleSourceView {
  const s = article.settings;
  const overrides: ArticleSourceView['overrides'] = {};
  if (s?.encoding) overrides.encoding = s.encoding;
  if (s?.segmentation) overrides.segmentation = s.segmentation;
  if (s?.direction) overrides.direction = s.direction;
  if (s?.lang) overrides.lang = s.lang;
  return {
    file: article.file,
    encoding: article.encoding,
    detectedEncoding: article.detected.encoding,
    encodingChoices: article.encodingChoosable && article.format !== 'jsonl' ? [...ENCODING_NAMES] : [],
    segmentation: article.segmentation,
    segmentationChoices: article.format === 'txt' || article.format === 'md' ? [...TEXT_SEGMENTATIONS] : [],
    detectedDirection: article.detected.direction,
    detectedLang: article.detected.lang,
    overrides,
    edits: s?.edits.length ?? 0,
    replaced: article.replaced,
    notes: article.notes,
    orphans: layer.orphans.map((o, index): OrphanView => {
      const view: OrphanView = {
        index,
        paragraphId: o.paragraph_id,
        labels: [...o.entry.labels],
        decided: !o.entry.undecided,
        text: o.entry.anchor?.exact ?? '',
        reason: o.reason,
        orphanedAt: o.orphaned_at,
      };
      if (o.entry.note) view.note = o.entry.note;
      return view;
    }),
  };
}

/** A readable file that lost bytes in decoding is flagged in the article list. */
export function problemOf(article: LoadedArticle): string | undefined {
  if (article.replaced === 0) return undefined;
  return `${article.path}: ${article.replaced} byte(s) could not be decoded as ${article.encoding} and show as �. Open it and choose another encoding if the text looks wrong.`;
}
