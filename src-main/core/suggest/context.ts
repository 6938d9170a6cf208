/** What a suggester knows about one paragraph: its text cues, its place, and how often it recurs. */
import { cue, type Cued } from './cues';
import { isEndMarker, isShortLine, layoutOf } from './layout';
import { lineKeyOf, recurrenceThreshold, type RepetitionIndex } from './repetition';
import type { SuggestArticle } from './types';

export interface ParagraphContext {
  text: string;
  cue: Cued;
  index: number;
  /** Paragraphs in the article. */
  paragraphs: number;
  isMarker: boolean;
  /** After the end marker, or among the short lines that close the story (layout.ts). */
  inFooter: boolean;
  /** Whether it is after an end marker (surer) rather than among the closing short lines. */
  footerByMarker: boolean;
  /** A line of at most six words that does not end like a sentence. */
  short: boolean;
  /** Articles of the workspace carrying this line (this one included), and how many there are. */
  repeats: number;
  articles: number;
  /** Articles a line must be in to count as recurring (repetition.ts). */
  recurrence: number;
}

export interface ArticleCues {
  cues: Cued[];
  lineKeys: number[];
}

export function articleCues(article: SuggestArticle): ArticleCues {
  const cues = article.paragraphs.map((p) => cue(p.text));
  return { cues, lineKeys: cues.map((c) => lineKeyOf(c.key)) };
}

/** Contexts for every paragraph of an article; `index` already holds the article's lines. */
export function paragraphContexts(article: SuggestArticle, cues: ArticleCues, index: RepetitionIndex): ParagraphContext[] {
  const layout = layoutOf(article.paragraphs, cues.cues);
  const articles = Math.max(index.articles, 1);
  const recurrence = recurrenceThreshold(articles);
  return article.paragraphs.map((p, i) => {
    const c = cues.cues[i]!;
    const afterMarker = layout.footerStart !== null && i >= layout.footerStart;
    const closing = layout.closingStart !== null && i >= layout.closingStart && i < (layout.marker ?? Infinity);
    return {
      text: p.text,
      cue: c,
      index: i,
      paragraphs: article.paragraphs.length,
      isMarker: layout.marker === i || (i > 0 && isEndMarker(c)),
      inFooter: afterMarker || closing,
      footerByMarker: afterMarker,
      short: isShortLine(p.text, c),
      repeats: Math.max(index.count(cues.lineKeys[i]!), 1),
      articles,
      recurrence,
    };
  });
}
