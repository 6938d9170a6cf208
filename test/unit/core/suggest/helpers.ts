/** Articles for suggester tests, split the way the app splits a .txt (one paragraph a line). */
import { segmentArticle } from '../../../../src-main/core/article';
import { suggestArticles, type ArticleSuggestions } from '../../../../src-main/core/suggest/suggest';
import { defaultSuggestSettings, type SuggestArticle, type SuggestSettings, type Suggestion } from '../../../../src-main/core/suggest/types';
import { reasonText } from '../../../../src-main/core/suggest/reasons';

export function article(path: string, lines: readonly string[]): SuggestArticle {
  return { path, paragraphs: segmentArticle(lines.join('\n'), 'txt', 'lines').paragraphs };
}

/** Every suggestion, under the thresholds too, of each article, as `path#index` -> suggestions. */
export function suggestAll(articles: readonly SuggestArticle[], settings: SuggestSettings = defaultSuggestSettings(), unfiltered = true): Map<string, Suggestion[]> {
  const found = suggestArticles(articles, { settings, unfiltered });
  const out = new Map<string, Suggestion[]>();
  for (const a of articles) {
    const byId: ArticleSuggestions = found.get(a.path) ?? {};
    a.paragraphs.forEach((p) => out.set(`${a.path}#${p.index}`, byId[p.id] ?? []));
  }
  return out;
}

/** The one suggestion of `suggester` for a paragraph, or undefined. */
export function by(all: Map<string, Suggestion[]>, key: string, suggester: string): Suggestion | undefined {
  return all.get(key)?.find((s) => s.suggester === suggester);
}

/** Whether the suggester's suggestion for the paragraph is shown at the default threshold (0.5). */
export function shown(all: Map<string, Suggestion[]>, key: string, suggester: string): boolean {
  return (by(all, key, suggester)?.score ?? 0) >= 0.5;
}

/** A news story of a few sentences, so the closing lines can be told from the story. */
export const STORY_FA = [
  'افتتاح مدرسه جدید در شهر',
  'مدیر آموزش و پرورش شهرستان امروز در مراسمی از افتتاح یک مدرسه تازه در محله شرقی شهر خبر داد و آن را گامی مهم دانست.',
  'این مدرسه در زمینی به مساحت زیاد ساخته شده و دانش‌آموزان از هفته آینده در آن درس خواهند خواند.',
];
export const STORY_EN = [
  'New school opens in the east of the city',
  'The head of the education office opened a new school in the eastern district this morning and called it an important step.',
  'Pupils will start lessons in the new building from next week, after the summer works are finished.',
];

/** A suggestion's reason as the CLI and the English UI write it. */
export function why(s: Suggestion | undefined): string | undefined {
  return s && reasonText(s.reason);
}
